// A small JSON file the desktop app keeps in its data folder for this computer (the window's place,
// the recent meetings): read as untrusted (the caller validates what it holds), written without
// ceremony, since losing it loses no minutes.
import { readFileSync, writeFileSync } from 'node:fs';

/** The file's parsed JSON, or null when it is missing, longer than `maxChars` or not JSON. Never throws. */
export function readSmallJson(file: string, maxChars = 4096): unknown {
  try {
    const text = readFileSync(file, 'utf8');
    return text.length <= maxChars ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/** Writes `value` as JSON; a failure is only logged, naming `what` was not remembered. */
export function writeSmallJson(file: string, value: unknown, what: string): void {
  try {
    writeFileSync(file, `${JSON.stringify(value)}\n`);
  } catch (error) {
    console.warn(`[minute-book] ${what} was not remembered: ${(error as Error).message}`);
  }
}
