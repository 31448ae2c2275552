// Keeps account of a file's lines while a form is read: which were placed in the meeting and what
// the clerk should be told. Whatever is left unplaced is listed in the report with its line number,
// so nothing in an archive is dropped without a word.
import type { SourceLine } from './lines.js';
import type { UnplacedLine } from './importedMeeting.js';

export class Ledger {
  private readonly placed = new Set<number>();
  readonly warnings: string[] = [];

  constructor(private readonly lines: readonly SourceLine[]) {}

  place(line: SourceLine): void {
    this.placed.add(line.index);
  }

  placeAll(lines: readonly SourceLine[]): void {
    for (const line of lines) this.placed.add(line.index);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  unplaced(): UnplacedLine[] {
    return this.lines.filter((line) => !this.placed.has(line.index)).map((line) => ({ line: line.line, text: line.text }));
  }
}
