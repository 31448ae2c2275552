// Reads published council minutes back into Minute Book's model: the form is detected from the
// file's structure, the file is read as lines (text, Markdown or HTML) and then by its form's own
// module, and every line that found no place is reported.
import { readAgendaItem } from './agendaItemForm.js';
import { detectForm } from './detectForm.js';
import { readFormalMinutes } from './formalMarkdown.js';
import { htmlToLines, looksLikeHtml } from './htmlToLines.js';
import { ImportError, type ArchiveForm, type ImportedMeeting, type ImportOutcome } from './importedMeeting.js';
import { readArchive } from './jsonArchive.js';
import { Ledger } from './ledger.js';
import { textLines, type SourceLine } from './lines.js';
import { markdownLines } from './markdownLines.js';
import { noMeetingNotes } from './meetingNotes.js';
import type { Reading } from './minutesGrammar.js';
import { readPage } from './pageForm.js';
import { readTable } from './tableForm.js';
import { knownDeclarationKinds, type DeclarationKind } from '../model/declarationKinds.js';
import { linkRule, safeLinkAddress } from '../model/linkAddress.js';
import { wellFormedText } from '../model/wellFormedText.js';

export { MAX_IMPORT_BYTES } from './detectForm.js';
export { ImportError } from './importedMeeting.js';
export type { ArchiveForm, ImportedMeeting, ImportOutcome, ImportReport, UnplacedLine } from './importedMeeting.js';

/** The file as lines, read the way its form is written. */
function linesOf(form: Exclude<ArchiveForm, 'json'>, content: string): SourceLine[] {
  if (form === 'formal-md') return markdownLines(content);
  return looksLikeHtml(content) ? htmlToLines(content) : textLines(content);
}

export interface ImportOptions {
  /**
   * The kinds of interest of the committee the minutes are for (`Committee.declarationKinds`):
   * declarations are read against these, then against every kind Minute Book knows. Default: the known kinds.
   */
  declarationKinds?: readonly DeclarationKind[];
}

/**
 * Reads one archive file. Its text is made well-formed first (shared/model/wellFormedText.ts), and
 * every link in what was read is held to the one allow-list: a link to anything but http, https or
 * mailto keeps its text, loses the link, and is named in the report's warnings.
 * @throws ImportError naming the file and why it cannot be read
 */
export function importDocument(fileName: string, text: string, newId: () => string, options: ImportOptions = {}): ImportOutcome {
  detectForm(fileName, text); // refuses binary files by their control characters, before they are cleaned away
  return readDocument(fileName, wellFormedText(text), newId, options.declarationKinds ?? knownDeclarationKinds);
}

/**
 * The lines with each link held to the allow-list: an address a browser would read as http, https or
 * mailto is kept as cleaned, any other link mark is removed (its text stays) and reported. (The JSON
 * archive needs no pass: its schema refuses such links.)
 */
function withAllowedLinks(lines: SourceLine[], ledger: Ledger): SourceLine[] {
  return lines.map((line) => {
    if (!line.marks.some((mark) => mark.type === 'link')) return line;
    const marks = line.marks.flatMap((mark) => {
      if (mark.type !== 'link') return [mark];
      const href = safeLinkAddress(mark.href);
      if (href === null) ledger.warn(`Line ${line.index + 1}: a link to ${JSON.stringify(mark.href.slice(0, 200))} was removed and its text kept: ${linkRule}.`);
      return href === null ? [] : [{ ...mark, href }];
    });
    return { ...line, marks };
  });
}

function readDocument(fileName: string, content: string, newId: () => string, kinds: readonly DeclarationKind[]): ImportOutcome {
  const form = detectForm(fileName, content);
  if (form === 'json') return { meetings: readArchive(fileName, content), report: { fileName, form, unplaced: [], warnings: [] } };
  const read = linesOf(form, content);
  const ledger = new Ledger(read);
  const lines = withAllowedLinks(read, ledger);
  const reading: Reading = { ledger, newId, kinds, notes: noMeetingNotes() };
  let meeting: ImportedMeeting;
  switch (form) {
    case 'page-text':
    case 'page-html':
      meeting = readPage(lines, reading);
      break;
    case 'page-table':
      meeting = readTable(lines, reading);
      break;
    case 'item':
      meeting = readAgendaItem(lines, reading);
      break;
    case 'formal-md':
    case 'formal-html':
      meeting = readFormalMinutes(lines, reading);
      break;
  }
  if (meeting.items.length === 0) throw new ImportError(fileName, 'it looks like minutes, but no agenda items could be found in it.');
  return { meetings: [meeting], report: { fileName, form, unplaced: ledger.unplaced(), warnings: ledger.warnings } };
}
