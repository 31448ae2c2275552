// What the clerk pastes, read as minutes: Word's HTML (its list paragraphs, with the bullet or number
// in an "mso-list:Ignore" span, and its conditional comments) and plain text with "- ", "• " or "1)"
// lines become the blocks the importer would make of them (bullets, a resolution with its parts,
// paragraphs), by the importer's own reading (shared/import). Pure functions: the editor hands over
// the clipboard's strings and inserts the blocks.
import { htmlToLines } from '../import/htmlToLines.js';
import { Ledger } from '../import/ledger.js';
import { textLines, type SourceLine } from '../import/lines.js';
import { noMeetingNotes } from '../import/meetingNotes.js';
import { readMinutes } from '../import/minutesGrammar.js';
import type { DeclarationKind } from '../model/declarationKinds.js';
import type { MinutesNodeJSON } from '../model/meeting.js';
import { curlQuotes } from './curlyQuotes.js';

/** Whether `html` came from Word (or another Office program): its namespaces, classes or list styles. */
export function isWordHtml(html: string): boolean {
  return /urn:schemas-microsoft-com:office|class=["']?Mso|mso-list:/i.test(html);
}

/** Word's marker for a bullet ("·" in Symbol, "o" in Courier New, "§" in Wingdings); anything else is a number. */
const wordBulletMarkers = new Set(['·', 'o', '§', '•', '-', '–', '▪', '◦', '\uf0b7', '\uf0a7']);

const markerSpan = /<span[^>]*mso-list:\s*Ignore[^>]*>([\s\S]*?)<\/span>/i;
/** The list marker Word wraps in conditional comments, in both the forms it writes. */
const supportLists = /<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>|<!--\[if !supportLists\]-->[\s\S]*?<!--\[endif\]-->/gi;

const textOf = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|\u00a0/gi, ' ')
    .trim();

/** A Word list paragraph: its level (1 for the outermost) and its marker, or null for any other paragraph. */
function listParagraphOf(attributes: string, inner: string): { level: number; marker: string } | null {
  const list = /mso-list:\s*l\d+\s+level(\d+)/i.exec(attributes);
  if (list === null && !/class=["']?MsoListParagraph/i.test(attributes)) return null;
  const span = markerSpan.exec(inner);
  return { level: Number(list?.[1] ?? 1), marker: span === null ? '·' : textOf(span[1] ?? '') };
}

/**
 * Word's HTML as clean HTML the importer's reader takes: list paragraphs with a bullet become nested
 * <ul> items by their level, numbered ones paragraphs that start with their number ("1) …", read as
 * a resolution's parts after a RESOLVED line); its comments, XML islands and Office tags go.
 */
export function cleanWordHtml(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  const fragment = start >= 0 && end > start ? html.slice(start + '<!--StartFragment-->'.length, end) : html;
  let depth = 0;
  const out: string[] = [];
  const closeTo = (level: number) => {
    for (; depth > level; depth--) out.push('</li></ul>');
  };
  const paragraph = /<(p|h[1-6])\b([^>]*)>([\s\S]*?)<\/\1>/gi;
  for (let match = paragraph.exec(fragment); match !== null; match = paragraph.exec(fragment)) {
    const [, tag, attributes = '', inner = ''] = match;
    const list = listParagraphOf(attributes, inner);
    const body = inner
      .replace(supportLists, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<!\[[^\]]*\]>/g, '')
      .replace(/<\/?[a-z]+:[^>]*>/gi, '');
    if (list === null || !wordBulletMarkers.has(list.marker)) {
      closeTo(0);
      out.push(`<${tag}>${list === null ? '' : `${list.marker} `}${body}</${tag}>`);
      continue;
    }
    if (list.level > depth) {
      for (; depth < list.level; depth++) out.push('<ul><li>');
    } else {
      closeTo(list.level);
      out.push('</li><li>');
    }
    out.push(body);
  }
  closeTo(0);
  return out.join('\n');
}

const listLine = /^\s*(?:[-•*·–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|\(?[ivx]{1,4}\)\s)/i;

/** Whether plain text has lines that are bullets, numbered parts or a resolution, so it is read as minutes rather than pasted as it stands. */
export function hasMinutesLines(text: string): boolean {
  return text.split(/\r?\n/).some((line) => listLine.test(line) || /^\s*RESOLVED\b/.test(line));
}

/** `node` with its quotes curled; a text node's first quote is read against the text before it in its paragraph. */
function curled(node: MinutesNodeJSON): MinutesNodeJSON {
  if (node.content === undefined) return node;
  let before = '';
  return {
    ...node,
    content: node.content.map((child) => {
      if (child.text === undefined) return curled(child);
      const text = curlQuotes(child.text, before);
      before = text.slice(-1);
      return { ...child, text };
    }),
  };
}

/** A paste as the clipboard offers it: its HTML (empty when there is none) and its plain text. */
export interface Clipboard {
  html: string;
  text: string;
}

/**
 * The blocks a paste becomes, or null when it is not Word's HTML nor plain text with list lines (then
 * the editor's own paste takes it). `curlyQuotes`: straight quotes become curly, as typing makes them.
 * `kinds`: the committee's kinds of interest, for a pasted declaration.
 */
export function pastedMinutes(clipboard: Clipboard, options: { curlyQuotes: boolean; kinds: readonly DeclarationKind[]; newId: () => string }): MinutesNodeJSON[] | null {
  let lines: SourceLine[];
  if (clipboard.html !== '' && isWordHtml(clipboard.html)) lines = htmlToLines(cleanWordHtml(clipboard.html));
  else if (clipboard.html === '' && hasMinutesLines(clipboard.text)) lines = textLines(clipboard.text);
  else return null;
  if (lines.length === 0) return null;
  const blocks = readMinutes(lines, { newId: options.newId, ledger: new Ledger(lines), kinds: options.kinds, notes: noMeetingNotes(), item: 'the pasted text', meetingNotesAsWords: true });
  return options.curlyQuotes ? blocks.map(curled) : blocks;
}
