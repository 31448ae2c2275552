// Reads published council minutes back into Minute Book's model: the form is detected from the
// file's structure, the file is read as lines (text, Markdown or HTML) and then by its form's own
// module, and every line that found no place is reported.
import { readAgendaItem } from './agendaItemForm.js';
import { detectForm, formOfLines } from './detectForm.js';
import { readGeneralMinutes } from './generalReader.js';
import { htmlToLines, looksLikeHtml } from './htmlToLines.js';
import { ImportError, type ArchiveForm, type ImportedMeeting, type ImportOutcome } from './importedMeeting.js';
import { readArchive } from './jsonArchive.js';
import { Ledger } from './ledger.js';
import { textLines, type SourceLine } from './lines.js';
import { markdownLines } from './markdownLines.js';
import { noMeetingNotes } from './meetingNotes.js';
import type { Reading } from './minutesGrammar.js';
import { readPage } from './pageForm.js';
import { pdfLines, type PdfPageText } from './pdfLines.js';
import { suggestedDate } from './suggestedDate.js';
import { readTable } from './tableForm.js';
import { knownDeclarationKinds, type DeclarationKind } from '../model/declarationKinds.js';
import { sameCommitteeName, type Committee } from '../model/committee.js';
import type { ImportRequest } from '../contract.js';
import { formatProseDate } from '../dates.js';
import { linkRule, safeLinkAddress } from '../model/linkAddress.js';
import { MOST_REPORT_LINES } from '../model/meeting.js';
import { wellFormedText } from '../model/wellFormedText.js';

export { MAX_IMPORT_BYTES } from './detectForm.js';
export type { PdfPageText, PdfTextRun } from './pdfLines.js';
export { ImportError } from './importedMeeting.js';
export { archiveFormWords } from './importedMeeting.js';
export type { ArchiveForm, ImportedMeeting, ImportOutcome, ImportReport, SuggestedDate, UnplacedLine } from './importedMeeting.js';

/** The file as lines, read the way its form is written. */
function linesOf(form: Exclude<ArchiveForm, 'json'>, content: string): SourceLine[] {
  if (form === 'formal-md' || (form === 'general-text' && !looksLikeHtml(content))) return markdownLines(content);
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
  if (form === 'json') return { meetings: readArchive(fileName, content), report: { fileName, form, unplaced: [], warnings: [], suggestedDate: null } };
  return readLines(fileName, form, linesOf(form, content), newId, kinds, []);
}

/**
 * Reads a PDF from the text runs of its pages (shared/import/pdfLines.ts rebuilds the lines); the
 * running headers, footers and page numbers left out are named in the report's warnings.
 * @throws ImportError naming the file and why it cannot be read
 */
export function importPdfPages(fileName: string, pages: readonly PdfPageText[], newId: () => string, options: ImportOptions = {}): ImportOutcome {
  const { lines, leftOut } = pdfLines(pages);
  if (lines.length === 0) throw new ImportError(fileName, 'the PDF has no text but page headers and numbers.');
  const form = formOfLines(fileName, lines, 'text');
  const shown = leftOut.slice(0, 5).map((text) => `“${text.slice(0, 120)}”`).join(', ');
  const warnings = leftOut.length === 0 ? [] : [`Left out ${leftOut.length} running header, footer or page number line(s) printed on the pages: ${shown}${leftOut.length > 5 ? ' …' : ''}.`];
  return readLines(fileName, form, lines, newId, options.declarationKinds ?? knownDeclarationKinds, warnings);
}

/** The general reader's form for lines first taken for a known form: by how the lines were read. */
const generalFormOf = (form: Exclude<ArchiveForm, 'json'>): 'general-text' | 'general-html' => (form === 'page-html' || form === 'formal-html' ? 'general-html' : 'general-text');

function readLines(fileName: string, detected: Exclude<ArchiveForm, 'json'>, read: SourceLine[], newId: () => string, kinds: readonly DeclarationKind[], warnings: string[]): ImportOutcome {
  let form = detected;
  let { meeting, ledger } = readAs(form, read, newId, kinds, warnings);
  // A file that looked like a known form but has none of its items (another council's formal
  // minutes, say) is read again by the general reader, which looks for items by more signals.
  if (meeting.items.length === 0 && !form.startsWith('general')) {
    form = generalFormOf(form);
    ({ meeting, ledger } = readAs(form, read, newId, kinds, warnings));
  }
  if (meeting.items.length === 0) throw new ImportError(fileName, 'it looks like minutes, but no agenda items could be found in it.');
  const suggested = meeting.date === null ? suggestedDate(fileName, read) : null;
  return { meetings: [meeting], report: { fileName, form, unplaced: ledger.unplaced(), warnings: ledger.warnings, suggestedDate: suggested } };
}

function readAs(form: Exclude<ArchiveForm, 'json'>, read: SourceLine[], newId: () => string, kinds: readonly DeclarationKind[], warnings: string[]): { meeting: ImportedMeeting; ledger: Ledger } {
  const ledger = new Ledger(read);
  for (const warning of warnings) ledger.warn(warning);
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
    case 'general-text':
    case 'general-html':
      meeting = readGeneralMinutes(lines, reading);
      break;
  }
  return { meeting, ledger };
}

/** What a meeting read from a file lacks before it can be stored: the clerk is asked for each. */
export type MissingDetail = 'date' | 'committee';

/** The details the file does not state for this meeting (the Agenda item page states neither). */
export function missingDetails(meeting: ImportedMeeting): MissingDetail[] {
  const missing: MissingDetail[] = [];
  if (meeting.date === null) missing.push('date');
  if (meeting.committee.name.trim() === '') missing.push('committee');
  return missing;
}

/** What the clerk gave for the details a file does not state: an ISO date, a committee's name. */
export interface GivenDetails {
  date?: string | undefined;
  committee?: string | undefined;
}

const cut = (text: string): string => (text.length > 2000 ? `${text.slice(0, 1999)}…` : text);

/**
 * The file's entry in an import request (shared/contract.ts ImportRequest): its meetings with the
 * date and committee the clerk gave filled in where the file does not state them (each named in the
 * guesses), and its report bounded to MOST_REPORT_LINES lines and warnings of 2,000 characters at
 * most (what is left out is counted in a last warning), to be kept with the meeting.
 */
export function importRequestFile(outcome: ImportOutcome, given: GivenDetails): ImportRequest['files'][number] {
  const { report } = outcome;
  const guesses: string[] = [];
  const meetings = outcome.meetings.map((meeting) => {
    const missing = missingDetails(meeting);
    const date = missing.includes('date') && given.date !== undefined ? given.date : meeting.date;
    const name = missing.includes('committee') && given.committee !== undefined ? given.committee.trim() : meeting.committee.name;
    if (date !== meeting.date) {
      const suggested = report.suggestedDate;
      const source = suggested === null ? '' : suggested.date === date ? ` (as suggested by ${suggested.from})` : ` (${suggested.from} suggested ${formatProseDate(suggested.date)})`;
      guesses.push(cut(`The date ${formatProseDate(date as string)} was given by the clerk: the file does not state it${source}.`));
    }
    if (name !== meeting.committee.name) guesses.push(cut(`The committee “${name}” was given by the clerk: the file does not state it.`));
    return { ...meeting, date, committee: { ...meeting.committee, name } };
  });
  const unplaced = report.unplaced.slice(0, MOST_REPORT_LINES).map((line) => ({ line: line.line, text: cut(line.text) }));
  const warnings = report.warnings.slice(0, MOST_REPORT_LINES).map(cut);
  const leftOut = report.unplaced.length - unplaced.length + report.warnings.length - warnings.length;
  if (leftOut > 0) warnings.push(`${leftOut} more line(s) not placed or warnings were left out of this report; import the file again to see them all.`);
  return { fileName: report.fileName, form: report.form, meetings, warnings, unplaced, guesses };
}

// ---------------------------------------------------------------------------------------------
// The kinds of interest a file's declarations are read against. A committee may keep kinds of its own
// ("council tenancy interest") besides those Minute Book knows; which committee a file is for is known
// only once the file is read (or the clerk names it), so the dialog and the command line read it with
// the known kinds and, when it is for a committee of the library with kinds of its own, once more with
// them. Reading is pure, so the second reading is the first with more kinds known.

const sameKind = (a: DeclarationKind, b: DeclarationKind): boolean => a.id === b.id && a.label === b.label;

/**
 * The kinds to read the file against: the kinds of the committees of the library its meetings are
 * imported into (the committee the file states, else the one the clerk gave), then every kind Minute
 * Book knows; null when those committees keep no kind Minute Book does not know as they print it.
 */
export function declarationKindsFor(outcome: ImportOutcome, given: GivenDetails, committees: readonly Pick<Committee, 'name' | 'declarationKinds'>[]): DeclarationKind[] | null {
  const names = outcome.meetings.map((meeting) => (missingDetails(meeting).includes('committee') ? (given.committee ?? '') : meeting.committee.name));
  const own: DeclarationKind[] = [];
  for (const committee of committees) {
    if (!names.some((name) => name.trim() !== '' && sameCommitteeName(name, committee.name))) continue;
    for (const kind of committee.declarationKinds) if (!own.some((listed) => listed.id === kind.id)) own.push(kind);
  }
  if (own.every((kind) => knownDeclarationKinds.some((known) => sameKind(known, kind)))) return null;
  return [...own, ...knownDeclarationKinds.filter((known) => !own.some((kind) => kind.id === known.id))];
}

/**
 * The file's reading against its committee's kinds: `outcome` (read with the known kinds) when the
 * committee keeps none of its own or is not in the library, else what `readAgain` reads with them.
 */
export async function readForCommittee(
  outcome: ImportOutcome,
  given: GivenDetails,
  committees: readonly Pick<Committee, 'name' | 'declarationKinds'>[],
  readAgain: (options: ImportOptions) => ImportOutcome | Promise<ImportOutcome>,
): Promise<ImportOutcome> {
  const declarationKinds = declarationKindsFor(outcome, given, committees);
  return declarationKinds === null ? outcome : readAgain({ declarationKinds });
}
