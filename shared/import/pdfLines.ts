// A PDF's text as SourceLines. A PDF holds runs of glyphs placed on the page, not lines: the runs are
// gathered into rows by their baseline and ordered left to right (a gap wider than a fifth of the
// type size is a space); the running headers and footers a council prints on every page and the page
// numbers are left out (and counted, so the report can say so); the rows of one paragraph, hard-wrapped
// by the word processor and hyphenated at line ends, are joined back into one line; a minute number
// standing in a left-hand column before the item's title is read as that item's heading; and bold runs
// (the fonts say so) are kept as marks. Pure geometry: the runs come from pdfjs on the node side
// (electron/services/pdfText.ts).
import { wellFormedText } from '../model/wellFormedText.js';
import { makeLine, mostMarksPerLine, wrapsOnto, type InlineMark, type SourceLine } from './lines.js';

/** One run of text as a PDF places it, in PDF points (1/72 inch) with y rising from the bottom of the page. */
export interface PdfTextRun {
  text: string;
  /** Left end of the run's baseline. */
  x: number;
  y: number;
  /** Advance width of the whole run. */
  width: number;
  /** Type size (the height of an em). */
  size: number;
  bold: boolean;
}

export interface PdfPageText {
  width: number;
  height: number;
  runs: readonly PdfTextRun[];
}

export interface PdfLines {
  lines: SourceLine[];
  /** The running headers, footers and page numbers left out, each once, as printed on its first page. */
  leftOut: string[];
}

interface Row {
  page: number;
  y: number;
  /** Where the row's text starts, and where the text after a minute-number column starts. */
  x: number;
  end: number;
  size: number;
  text: string;
  marks: InlineMark[];
  /** The minute number printed in a column of its own to the left of the row's text, or null. */
  columnNumber: string | null;
  /** x of the text after the column number (the body column), or of the row's text. */
  bodyX: number;
  /** x of the row's second run (the text after a bullet drawn as a run of its own), or null. */
  secondX: number | null;
}

/** Minute numbers as councils print them in a column: "41/25", "5.", "5.1", "11a", "EX23", "PLN84/23", "(a)". */
const minuteNumberToken = /^(?:[A-Z]{1,4}\s?)?\d{1,4}(?:[./]\d{1,4})?[a-z]?[.):]?$|^\([a-z0-9]{1,3}\)$/;
/** "3", "Page 3", "Page 3 of 12", "- 3 -", "3 | Page": printed page numbers. */
const pageNumber = /^(?:[-–—|]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—|])?(?:\s*page)?$/i;
const bulletMarks = /^[•·◦▪●■‣⁃∙o\-–*]$/;
const partLabel = /^(?:\(?[a-z0-9]{1,3}[.)]|\([ivx]{1,5}\))\s/i;

/** Rows within this share of the page's height from its top or bottom edge may be running heads or feet. */
const marginBand = 0.12;

const cleanRun = (text: string): string => wellFormedText(text).replace(/\u00ad/g, '');

/** The page's runs gathered into rows: runs whose baselines are within 40% of the type size share a row. */
function rowsOf(page: PdfPageText, pageIndex: number): Row[] {
  const runs = page.runs.map((run) => ({ ...run, text: cleanRun(run.text) })).filter((run) => run.text.trim() !== '' && Number.isFinite(run.x + run.y + run.width + run.size));
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: (typeof runs)[] = [];
  for (const run of runs) {
    const group = groups.at(-1);
    if (group !== undefined && Math.abs((group[0] as PdfTextRun).y - run.y) <= 0.4 * Math.max(1, Math.min(run.size, (group[0] as PdfTextRun).size))) group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = group.reduce((largest, run) => Math.max(largest, run.size), 0);
    let text = '';
    const marks: InlineMark[] = [];
    let columnNumber: string | null = null;
    let bodyX = (group[0] as PdfTextRun).x;
    let previousEnd = Number.NEGATIVE_INFINITY;
    for (const [at, run] of group.entries()) {
      const gap = run.x - previousEnd;
      // A first run that is a minute number, then a gap of more than an em: a number column.
      if (at === 1 && gap > size && minuteNumberToken.test(text.trim())) {
        columnNumber = text.trim();
        bodyX = run.x;
      }
      if (text !== '' && gap > 0.2 * size && !text.endsWith(' ') && !run.text.startsWith(' ')) text += ' ';
      const from = text.length;
      text += run.text;
      if (run.bold && marks.length < mostMarksPerLine) {
        const last = marks.at(-1);
        if (last !== undefined && last.to >= from - 1) last.to = text.length;
        else marks.push({ type: 'strong', from, to: text.length, href: '' });
      }
      previousEnd = Math.max(previousEnd, run.x + run.width);
    }
    const first = group[0] as PdfTextRun;
    if (columnNumber === null && group.length === 1 && minuteNumberToken.test(text.trim())) columnNumber = text.trim();
    return { page: pageIndex, y: first.y, x: first.x, end: previousEnd, size, text, marks, columnNumber, bodyX, secondX: group[1]?.x ?? null };
  });
}

/** A row's text with its digits blurred, so "Page 3 of 9" on one page matches "Page 4 of 9" on the next. */
const runningKey = (row: Row): string => row.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** Rows near the top or bottom edge that repeat on other pages, or that are page numbers. */
function runningRows(pages: readonly PdfPageText[], rows: readonly Row[][]): Set<Row> {
  const inBand = (row: Row): boolean => {
    const height = pages[row.page]?.height ?? 842;
    return row.y > height * (1 - marginBand) || row.y < height * marginBand;
  };
  const pagesWith = new Map<string, Set<number>>();
  for (const row of rows.flat()) {
    if (!inBand(row)) continue;
    const key = runningKey(row);
    pagesWith.set(key, (pagesWith.get(key) ?? new Set()).add(row.page));
  }
  const running = new Set<Row>();
  for (const row of rows.flat()) {
    if (!inBand(row)) continue;
    const repeated = (pagesWith.get(runningKey(row))?.size ?? 0) >= 2;
    if (repeated || pageNumber.test(row.text.trim())) running.add(row);
  }
  return running;
}

/** The x most rows start at (to a point): the body column. */
function commonStart(rows: readonly Row[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(Math.round(row.bodyX), (counts.get(Math.round(row.bodyX)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [x, count] of counts) if (count > bestCount) [best, bestCount] = [x, count];
  return best;
}

class LineBuilder {
  readonly lines: SourceLine[] = [];
  private text = '';
  private marks: InlineMark[] = [];
  private first: { row: number; heading: number; bullet: string | null; indent: number } | null = null;

  get open(): boolean {
    return this.first !== null;
  }

  start(rowNumber: number, fields: { heading: number; bullet: string | null; indent: number }): void {
    this.finish();
    this.first = { row: rowNumber, ...fields };
  }

  /** Adds text; `join` is '' after a hyphen taken away, ' ' between wrapped rows. */
  append(text: string, marks: readonly InlineMark[], join: string): void {
    const offset = this.text.length + (this.text === '' ? 0 : join.length);
    if (this.text !== '') this.text += join;
    this.text += text;
    for (const mark of marks) {
      const last = this.marks.at(-1);
      if (last !== undefined && last.to >= offset - join.length && mark.from === 0) last.to = offset + mark.to;
      else if (this.marks.length < mostMarksPerLine) this.marks.push({ ...mark, from: offset + mark.from, to: offset + mark.to });
    }
  }

  dropLastCharacter(): void {
    this.text = this.text.slice(0, -1);
    for (const mark of this.marks) mark.to = Math.min(mark.to, this.text.length);
  }

  get lastText(): string {
    return this.text;
  }

  finish(): void {
    if (this.first === null) return;
    const trimmed = this.text.replace(/\s+$/, '');
    const lead = trimmed.length - trimmed.trimStart().length;
    const marks = this.marks.map((mark) => ({ ...mark, from: Math.max(0, mark.from - lead), to: Math.min(trimmed.length - lead, mark.to - lead) })).filter((mark) => mark.to > mark.from);
    if (trimmed.trim() !== '') {
      this.lines.push(makeLine({ index: this.lines.length, line: this.first.row, text: trimmed.trimStart(), marks, heading: this.first.heading, bullet: this.first.bullet, indent: this.first.indent }));
    }
    this.first = null;
    this.text = '';
    this.marks = [];
  }
}

/**
 * The pages' text as lines in reading order (top to bottom, left to right; one column). `line` in
 * each SourceLine counts the printed rows through the document, headers and footers included, so the
 * report's line numbers follow the text as pdftotext or a reader's eye would.
 */
export function pdfLines(pages: readonly PdfPageText[]): PdfLines {
  const rows = pages.map(rowsOf);
  const running = runningRows(pages, rows);
  const leftOut = [...new Set(rows.flat().filter((row) => running.has(row)).map((row) => row.text.replace(/\s+/g, ' ').trim()))];
  const numbered = new Map(rows.flat().map((row, at) => [row, at + 1]));
  const body = rows.flat().filter((row) => !running.has(row));
  const bodyStart = commonStart(body);
  // Where the page's rows end, and each column's: the widest row of the page starting where the row
  // does (a table's cell is narrower than the page, and its wrapped rows fill the cell).
  const rightEdge = new Map<number, number>();
  const columnEdge = new Map<string, number>();
  const columnOf = (row: Row) => `${row.page} ${Math.round(row.x / 4)}`;
  for (const row of body) {
    rightEdge.set(row.page, Math.max(rightEdge.get(row.page) ?? 0, row.end));
    columnEdge.set(columnOf(row), Math.max(columnEdge.get(columnOf(row)) ?? 0, row.end));
  }
  const bulletColumns: number[] = [];
  const builder = new LineBuilder();
  let previous: Row | null = null;
  let previousKind: 'heading' | 'bullet' | 'text' = 'text';

  for (let at = 0; at < body.length; at++) {
    const row = body[at] as Row;
    const rowNumber = numbered.get(row) ?? 0;
    // A number in the column left of the body, with the title beside it or on the row below.
    const inColumn = row.columnNumber !== null && row.x < bodyStart - row.size;
    if (inColumn) {
      builder.start(rowNumber, { heading: 2, bullet: null, indent: 0 });
      const number = row.columnNumber as string;
      const rest = row.text.trim().slice(number.length).trimStart();
      if (rest !== '') builder.append(`${number} ${rest}`, shiftMarks(row, row.text.indexOf(rest) - number.length - 1), '');
      else {
        builder.append(number, [], '');
        const title = body[at + 1];
        if (title !== undefined && title.columnNumber === null && Math.abs(title.x - bodyStart) <= 2) {
          builder.append(title.text.trim(), title.marks, ' ');
          at++;
          previous = title;
          previousKind = 'heading';
          continue;
        }
      }
      previous = row;
      previousKind = 'heading';
      continue;
    }
    const trimmed = row.text.trimStart();
    const bulletMatch = /^(\S)\s+/.exec(trimmed);
    if (bulletMatch !== null && bulletMarks.test(bulletMatch[1] as string)) {
      let depth = bulletColumns.findIndex((x) => Math.abs(x - row.x) <= 3);
      if (depth < 0) {
        bulletColumns.push(row.x);
        bulletColumns.sort((a, b) => a - b);
        depth = bulletColumns.findIndex((x) => Math.abs(x - row.x) <= 3);
      }
      builder.start(rowNumber, { heading: 0, bullet: bulletMatch[1] as string, indent: 2 * depth });
      const skip = row.text.length - trimmed.length + bulletMatch[0].length;
      builder.append(row.text.slice(skip), shiftMarks(row, skip), '');
      // Its wrapped rows start where the bullet's text does.
      previous = { ...row, x: row.secondX ?? row.x + (row.end - row.x) * (skip / row.text.length) };
      previousKind = 'bullet';
      continue;
    }
    if (previous !== null && builder.open && continues(previous, row, previousKind, { page: rightEdge.get(previous.page) ?? previous.end, column: columnEdge.get(columnOf(previous)) ?? previous.end })) {
      const last = builder.lastText;
      // "non-" / "financial" keeps its hyphen: a prefix councils always hyphenate, not a word broken at the line's end.
      const atHyphen = /[a-z]-$/.test(last) && /^[a-z]/.test(trimmed);
      if (atHyphen && !keptHyphen.test(last)) builder.dropLastCharacter();
      builder.append(trimmed, shiftMarks(row, row.text.length - trimmed.length), atHyphen ? '' : ' ');
      previous = row;
      continue;
    }
    builder.start(rowNumber, { heading: 0, bullet: null, indent: 0 });
    builder.append(trimmed, shiftMarks(row, row.text.length - trimmed.length), '');
    previous = row;
    previousKind = 'text';
  }
  builder.finish();
  return { lines: builder.lines, leftOut };
}

/** Prefixes written with a hyphen ("non-financial", "co-opted", "sub-committee", "self-build"): a hyphen after one at a line's end is the word's own. */
const keptHyphen = /(?:^|[^\p{L}])(?:non|co|sub|self|ex|cross|well|part|full|long|short|multi|pre|post|semi|anti|vice|deputy)-$/iu;

/** The row's marks from `from` on, counted from there. */
function shiftMarks(row: Row, from: number): InlineMark[] {
  return row.marks.map((mark) => ({ ...mark, from: Math.max(0, mark.from - from), to: mark.to - from })).filter((mark) => mark.to > mark.from);
}

/**
 * Whether `row` carries on the paragraph `previous` ended: the same column and type size, the next
 * baseline down (or the top of the next page), nothing that starts a block of its own (a number, a
 * part label), and `previous` filled its row — its first word would not have fitted in the space left.
 */
function continues(previous: Row, row: Row, kind: 'heading' | 'bullet' | 'text', rightEdge: { page: number; column: number }): boolean {
  if (Math.abs(row.size - previous.size) > 0.5) return false;
  if (Math.abs(row.x - (kind === 'heading' ? previous.bodyX : previous.x)) > 2) return false;
  if (row.page === previous.page) {
    const drop = previous.y - row.y;
    if (drop <= 0 || drop > 1.45 * row.size) return false;
  } else if (row.page !== previous.page + 1) return false;
  const text = row.text.trimStart();
  if (partLabel.test(text) || row.columnNumber !== null) return false;
  // A heading's title wraps only when both rows are bold, as the title is.
  if (kind === 'heading' && (row.marks.length === 0 || previous.marks.length === 0)) return false;
  const firstWord = text.split(/\s/, 1)[0] ?? '';
  const wordWidth = (firstWord.length / Math.max(1, row.text.length)) * (row.end - row.x);
  const fills = (edge: number) => edge - previous.end < wordWidth + row.size * 0.6;
  // In a table's cell the row fills the cell, not the page: taken as wrapped only when its words carry on the sentence too.
  return fills(rightEdge.page) || (fills(rightEdge.column) && wrapsOnto(previous.text.trimEnd(), text));
}
