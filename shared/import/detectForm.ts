// Tells which archive form a file is in from its structure, never its name, and refuses what is
// not minutes with a message that says why: empty, binary, too large, an unrelated web page or text,
// or text in another language.
import { isAgendaItemHeading } from './agendaItemForm.js';
import { looksLikeMinutes } from './generalReader.js';
import { htmlToLines, looksLikeHtml } from './htmlToLines.js';
import { ImportError, type ArchiveForm } from './importedMeeting.js';
import { textLines, type SourceLine } from './lines.js';
import { itemStarts } from './pageForm.js';
import { sectionOf } from './pageItem.js';
import { isRowSeparator, isTableHeader } from './tableForm.js';

/** Larger than any council's minutes; a file this size is something else, and reading it would freeze the app. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function utf8Length(content: string): number {
  let bytes = 0;
  for (let at = 0; at < content.length; at++) {
    const code = content.charCodeAt(at);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      at++;
    } else bytes += 3;
  }
  return bytes;
}

/** NUL bytes, or many control characters and undecodable bytes, mean the file is not text. */
function looksBinary(content: string): boolean {
  const sample = content.slice(0, 65536);
  let odd = 0;
  for (let at = 0; at < sample.length; at++) {
    const code = sample.charCodeAt(at);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) odd++;
  }
  return odd > sample.length / 20;
}

/** Refuses a file that cannot be minutes before anything tries to read it. */
function checkReadable(fileName: string, content: string): void {
  if (content.length > MAX_IMPORT_BYTES || utf8Length(content) > MAX_IMPORT_BYTES) {
    throw new ImportError(fileName, `the file is larger than 50 MB, far more than any set of minutes; check that it is the right file.`);
  }
  if (content.trim() === '') throw new ImportError(fileName, 'the file is empty.');
  // A PDF or Word file reaches the readers as bytes (electron/services/importFile.ts); as text it is mangled.
  if (content.startsWith('%PDF')) throw new ImportError(fileName, 'it is a PDF, and a PDF must be read from the file itself, not as text: import the file as it is.');
  if (looksBinary(content)) {
    throw new ImportError(fileName, 'it is not text (it looks like a binary file, such as a Word document or an image); save the minutes as text, Markdown or HTML and import that.');
  }
}

const englishWords = new Set(['the', 'and', 'of', 'to', 'a', 'in', 'that', 'was', 'were', 'be', 'for', 'on', 'with', 'is', 'by', 'as', 'at', 'it', 'had', 'this']);

function seemsEnglish(lines: readonly SourceLine[]): boolean {
  const words = lines
    .slice(0, 200)
    .map((line) => line.key)
    .join(' ')
    .slice(0, 20000)
    .toLowerCase()
    .split(/[^a-zà-ÿ’']+/)
    .filter((word) => word !== '');
  return words.length === 0 || words.filter((word) => englishWords.has(word)).length / words.length >= 0.1;
}

const formalTitle = /^minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,2}meeting\b/i;
const withoutMarkdown = (key: string): string => key.replace(/^[#*_\s]+/, '');

/** Which of the web page forms the lines are in ('page' for the Agenda and minutes page, text or HTML), or null. */
function pageFormOf(lines: readonly SourceLine[]): 'item' | 'page-table' | 'page' | null {
  const labelled = lines.some((line) => sectionOf(line) !== null);
  if (labelled && lines.slice(0, 6).some((line) => isAgendaItemHeading(line.key))) return 'item';
  // The page flattened through its table runs each item's minutes on after "Minutes:"; a table of items without it is another council's layout (the general reader's).
  const minutesLabelled = lines.some((line) => line.key.includes('Minutes:'));
  if (minutesLabelled && (lines.some((line) => isTableHeader(line.key)) || lines.filter((line) => isRowSeparator(line.key)).length >= 2)) {
    return 'page-table';
  }
  if (labelled && itemStarts(lines).length > 0) return 'page';
  return null;
}

const isFormal = (lines: readonly SourceLine[]): boolean => lines.slice(0, 30).some((line) => formalTitle.test(withoutMarkdown(line.key)));

const structures =
  'none of the structure of the minutes Minute Book reads: an “Agenda and minutes” page (numbered items with “Minutes:”), an “Agenda item” page, formal minutes (“Minutes of the Meeting of …”) or a Minute Book JSON archive';

/** Every form shows what it is in its opening (a header, the first item's "Minutes:"), so only that much is examined. */
const openingLength = 256 * 1024;

/** The form the file is in, or an ImportError saying why it is not minutes. */
export function detectForm(fileName: string, content: string): ArchiveForm {
  checkReadable(fileName, content);
  const start = content.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const opening = content.slice(0, openingLength);
  return looksLikeHtml(content) ? formOfLines(fileName, htmlToLines(opening), 'html') : formOfLines(fileName, textLines(opening), 'text');
}

/**
 * The form of a file already read as lines: from HTML (a web page, or a Word document through mammoth)
 * or from text (a text file, or a PDF's rebuilt lines).
 * @throws ImportError saying why the lines are not minutes
 */
export function formOfLines(fileName: string, lines: readonly SourceLine[], readFrom: 'html' | 'text'): Exclude<ArchiveForm, 'json'> {
  const form = pageFormOf(lines);
  if (form === 'page') return readFrom === 'html' ? 'page-html' : 'page-text';
  if (form !== null) return form;
  if (isFormal(lines)) return readFrom === 'html' ? 'formal-html' : 'formal-md';
  // No known form: minutes in another layout are read by the general reader; anything else is refused.
  if (seemsEnglish(lines) && looksLikeMinutes(lines)) return readFrom === 'html' ? 'general-html' : 'general-text';
  if (readFrom === 'html') throw new ImportError(fileName, `it is a web page, but not a page of council minutes: it has ${structures}.`);
  if (!seemsEnglish(lines)) throw new ImportError(fileName, `the text does not appear to be in English, and it has ${structures}.`);
  throw new ImportError(fileName, `it has ${structures}.`);
}
