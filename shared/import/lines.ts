// The input as numbered lines: the common ground every archive form is read through. Each reader
// (plain text here, Markdown in markdownLines.ts, HTML in htmlToLines.ts) turns its file into
// SourceLines; the form parsers and the minutes grammar only ever see these.
//
// `text` keeps the line as printed, non-breaking spaces included (the published record keeps them:
// "work.\u00a0 Appended"), while `key` has them as ordinary spaces so that words can be matched
// without caring which space the council's website typed. The two have the same length, so an
// offset found in `key` is an offset in `text`.

/** Bold, italic or a link over `text.slice(from, to)`; `href` is '' unless it is a link. */
export interface InlineMark {
  type: 'strong' | 'em' | 'link';
  from: number;
  to: number;
  href: string;
}

/**
 * Real minutes bold or link a few phrases in a paragraph. Thousands of marks on one line are debris
 * or hostile input, and keeping each would cost millions of nodes, so the readers stop marking there
 * (the text itself is always kept).
 */
export const mostMarksPerLine = 1000;

/** What the HTML page says a paragraph is, through its class: used where wording alone is ambiguous. */
export type LineHint = 'source' | 'agenda-text';

export interface SourceLine {
  /** Position among the reader's lines: identifies the line when the report lists what was not placed. */
  index: number;
  /** 1-based line number in the input file. */
  line: number;
  /** Width of the leading whitespace, which nests bullets. */
  indent: number;
  /** The bullet character the line starts with ("·", "•", "-" …), or null for any other line. */
  bullet: string | null;
  text: string;
  key: string;
  marks: readonly InlineMark[];
  /** Heading level (Markdown "###", HTML <h3>), 0 for ordinary lines. */
  heading: number;
  /** Inside a Markdown or HTML block quote. */
  quote: boolean;
  hint: LineHint | null;
}

export const keyOf = (text: string): string => (text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text);

/** Shared by every line without marks: a plain-text file has thousands of lines, and none needs its own. */
const noMarks: readonly InlineMark[] = Object.freeze([]);

/** Characters councils' pages and word processors use to start a bullet line. */
const bulletMarks = new Set(['·', '•', '◦', '▪', '▫', '○', '●', '■', '□', '‣', '⁃', '∙', '-', '*', '–', 'o']);

/** JavaScript's \s, by character code so that long lines are scanned without a regex call per character. */
function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Splits any mix of line endings without a regex that could backtrack. */
export function physicalLines(content: string): string[] {
  return content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function leadingSpaceWidth(raw: string): number {
  let width = 0;
  for (let at = 0; at < raw.length && isSpaceCode(raw.charCodeAt(at)); at++) width += raw[at] === '\t' ? 4 : 1;
  return width;
}

/** The offset after the leading whitespace and before the trailing whitespace (NBSP counts as whitespace). */
function trimBounds(text: string): [number, number] {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

export function makeLine(fields: Partial<SourceLine> & Pick<SourceLine, 'index' | 'line' | 'text'>): SourceLine {
  return {
    indent: 0,
    bullet: null,
    marks: noMarks,
    heading: 0,
    quote: false,
    hint: null,
    ...fields,
    key: keyOf(fields.text),
  };
}

/** The part of the line from `from` to `to`, trimmed, with its marks clipped to it. */
export function sliceLine(line: SourceLine, from: number, to = line.text.length): SourceLine {
  const piece = line.text.slice(from, to);
  const [start, end] = trimBounds(piece);
  const offset = from + start;
  const length = end - start;
  const marks =
    line.marks.length === 0
      ? noMarks
      : line.marks
          .map((mark) => ({ ...mark, from: Math.max(mark.from - offset, 0), to: Math.min(mark.to - offset, length) }))
          .filter((mark) => mark.to > mark.from);
  return { ...line, text: piece.slice(start, end), key: keyOf(piece.slice(start, end)), marks };
}

/** The same words with bold and italics dropped: for lines whose emphasis is layout (headings, resolutions). */
export const withoutEmphasis = (line: SourceLine): SourceLine =>
  line.marks.length === 0 ? line : { ...line, marks: line.marks.filter((mark) => mark.type === 'link') };

/** Whether the (trimmed) text starts with a bullet character followed by a space. */
function bulletAt(text: string): string | null {
  const mark = text[0];
  return mark !== undefined && bulletMarks.has(mark) && (text[1] === ' ' || text[1] === '\u00a0' || text[1] === '\t') ? mark : null;
}

/** Lines of a plain-text file, blank ones (spaces and non-breaking spaces only) left out. */
export function textLines(content: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const physical = physicalLines(content);
  for (let position = 0; position < physical.length; position++) {
    const raw = physical[position] as string;
    const [first, end] = trimBounds(raw);
    if (first === end) continue;
    const bullet = bulletAt(raw.slice(first, first + 2));
    // The bullet's own character and the spaces after it are not part of the text.
    let start = first;
    if (bullet !== null) for (start++; start < end && isSpaceCode(raw.charCodeAt(start)); ) start++;
    lines.push(makeLine({ index: lines.length, line: position + 1, indent: leadingSpaceWidth(raw), bullet, text: raw.slice(start, end) }));
  }
  return lines;
}

/** A line of its own that a wrapped line never starts: a list's label ("a)", "(ii)", "2."), a table row. */
const startsOwnLine = /^(?:\(?(?:[a-z]{1,4}|\d{1,3})[.)]\s|\|)/i;
/** Words a line cannot end on when its sentence or list is complete: "and", "of the", "Councillor", a comma. */
const endsMidSentence = /(?:,|&|\b(?:and|or|of|the|for|to|in|on|at|by|with|from|as|a|an|councillors?|cllrs?\.?|mr|mrs|ms|dr))$/i;

/**
 * Whether a line of plain text carries on the line before it, as a PDF or e-mail copy hard-wraps a
 * paragraph: it starts in lower case ("record.", "showed an overspend …"), which no sentence does, or
 * the line before ends on a word no complete line ends on ("… S Whitlock and" / "J Yardley"); never
 * after a full stop, colon or semicolon, and never a list's label or a table row.
 */
export function wrapsOnto(previous: string, next: string): boolean {
  if (previous === '' || /[.:;!?]$/.test(previous) || startsOwnLine.test(next) || previous.startsWith('|')) return false;
  return /^\p{Ll}/u.test(next) || (endsMidSentence.test(previous) && /^[\p{L}\d(£]/u.test(next));
}
