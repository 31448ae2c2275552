// Markdown as SourceLines (seed 003, and the formal minutes Minute Book exports): headings, block
// quotes, "-", "*" and "+" bullets, bold, italics, [links](…), <autolinks> and backslash escapes.
// Lines wrapped inside a paragraph are joined back, as Markdown reads them, except after a hard
// break ("  " at the end of the line), which the formal minutes use between names in the attendance.
// A file with no Markdown in it at all is read one line per paragraph, as plain text is.
import { leadingSpaceWidth, makeLine, mostMarksPerLine, physicalLines, sliceLine, wrapsOnto, type InlineMark, type SourceLine } from './lines.js';

interface Inline {
  text: string;
  marks: InlineMark[];
}

const isAsciiPunctuation = (character: string | undefined): boolean => character !== undefined && /[!-/:-@[-`{-~]/.test(character);

/**
 * Finds the next occurrence of a character from a position, remembering the answer: a line full of
 * "[" with no "]" is then searched once, not once per "[".
 */
function nextFinder(source: string, character: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found !== -1 && found < from) found = source.indexOf(character, from);
    return found;
  };
}

/** Bold and italic markers are paired in order; an unpaired one is conversion debris (seed 003's "…implementation.**") and is dropped. */
function countMarkers(source: string): { strong: number; em: number } {
  let strong = 0;
  let em = 0;
  for (let at = 0; at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === '*' && source[at + 1] === '*') {
      strong++;
      at++;
    } else if (source[at] === '*') em++;
  }
  return { strong: strong - (strong % 2), em: em - (em % 2) };
}

/** What can start Markdown inside a line. */
const markdownStarts = { escape: /\\[!-/:-@[-`{-~]/, autolink: /<https?:\/\//, emphasis: /\*/, link: /\[/ };

function inlineMarkdown(raw: string): Inline {
  const counted = countMarkers(raw);
  // Past the marks a line may keep, bold markers are only dropped (in one pass: split and join stay
  // linear where replaceAll builds its result piece by piece) and italic ones stay as text.
  const source = counted.strong > 2 * mostMarksPerLine ? raw.split('**').join('') : raw;
  let strongLeft = source === raw ? counted.strong : 0;
  let emLeft = counted.em > 2 * mostMarksPerLine ? 0 : counted.em;
  // Pieces are joined once at the end; `length` is the length of the text so far.
  const pieces: string[] = [];
  let length = 0;
  const add = (piece: string) => {
    pieces.push(piece);
    length += piece.length;
  };
  const marks: InlineMark[] = [];
  let strongFrom = -1;
  let emFrom = -1;
  const nextClose = nextFinder(source, ']');
  const nextParen = nextFinder(source, ')');
  const nextAngle = nextFinder(source, '>');
  const toggle = (from: number, type: 'strong' | 'em'): number => {
    if (from < 0) return length;
    if (length > from && marks.length < mostMarksPerLine) marks.push({ type, from, to: length, href: '' });
    return -1;
  };
  const link = (label: string, href: string) => {
    if (marks.length < mostMarksPerLine) marks.push({ type: 'link', from: length, to: length + label.length, href });
    add(label);
  };
  /** "[label](href)" starting at `at`: where its "]" and ")" are. */
  const linkAt = (at: number): { close: number; paren: number } | null => {
    const close = nextClose(at);
    if (close < 0 || source[close + 1] !== '(') return null;
    const paren = nextParen(close);
    return paren < 0 ? null : { close, paren };
  };
  // Only what can start Markdown: an escape, "<http", "*" while there are markers to read, and "[" when the line has a "](" at all.
  const starts = [markdownStarts.escape, markdownStarts.autolink];
  if (strongLeft > 0 || emLeft > 0 || source.includes('**')) starts.push(markdownStarts.emphasis);
  if (source.includes('](')) starts.push(markdownStarts.link);
  const special = new RegExp(starts.map((start) => start.source).join('|'), 'gi');
  for (let at = 0; at < source.length; at++) {
    // Ordinary text up to the next character that may be Markdown is copied in one piece.
    special.lastIndex = at;
    const next = special.exec(source)?.index ?? source.length;
    if (next > at) {
      add(source.slice(at, next));
      at = next - 1;
      continue;
    }
    const character = source[at] as string;
    const bracketed = character === '[' ? linkAt(at) : null;
    if (character === '\\' && isAsciiPunctuation(source[at + 1])) {
      add(source[at + 1] as string);
      at++;
    } else if (character === '*' && source[at + 1] === '*') {
      at++;
      if (strongLeft > 0) {
        strongLeft--;
        strongFrom = toggle(strongFrom, 'strong');
      }
    } else if (character === '*' && emLeft > 0) {
      emLeft--;
      emFrom = toggle(emFrom, 'em');
    } else if (bracketed !== null) {
      link(source.slice(at + 1, bracketed.close).replace(/\\([!-/:-@[-`{-~])/g, '$1'), source.slice(bracketed.close + 2, bracketed.paren).trim());
      at = bracketed.paren;
    } else if (character === '<' && nextAngle(at) > 0) {
      const close = nextAngle(at);
      link(source.slice(at + 1, close), source.slice(at + 1, close));
      at = close;
    } else {
      add(character);
    }
  }
  return { text: pieces.join(''), marks };
}

/** Where a line starts a block of its own, so it is never read as the continuation of a paragraph. */
const startsBlock = (rest: string): boolean => /^(?:#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s|\|)/.test(rest);

/** Whether the file is written in Markdown at all: headings, bold, bullets, quotes or links. */
const usesMarkdown = (lines: readonly string[]): boolean =>
  lines.some((raw) => {
    const rest = raw.trimStart();
    return /^(?:#{1,6}\s|>\s|[-*+]\s)/.test(rest) || rest.includes('**') || rest.includes('](');
  });

/** The text of a heading without the optional closing "#"s. */
function withoutClosingHashes(rest: string): string {
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  return end < rest.length && (end === 0 || rest[end - 1] === ' ') ? rest.slice(0, end).trimEnd() : rest;
}

/** A logical line being gathered from one or more physical lines. */
interface Gathering {
  line: number;
  indent: number;
  bullet: string | null;
  heading: number;
  quote: boolean;
  texts: string[];
  marks: InlineMark[];
  length: number;
  hardBreak: boolean;
}

export function markdownLines(content: string): SourceLine[] {
  const physical = physicalLines(content);
  const joinWrapped = usesMarkdown(physical);
  const lines: SourceLine[] = [];
  let open: Gathering | null = null;
  const close = () => {
    if (open === null) return;
    const { line: number, indent, bullet, heading, quote, texts, marks } = open;
    const line = sliceLine(makeLine({ index: lines.length, line: number, indent, bullet, heading, quote, marks, text: texts.join(' ') }), 0);
    // A line of nothing but markers ("****") holds no words.
    if (line.text !== '') lines.push(line);
    open = null;
  };
  physical.forEach((raw, position) => {
    let rest = raw.trim();
    if (rest === '') {
      close();
      return;
    }
    const hardBreak = raw.endsWith('  ') || rest.endsWith('\\');
    if (rest.endsWith('\\')) rest = rest.slice(0, -1).trimEnd();
    const heading = /^(#{1,6})\s+/.exec(rest);
    let quote = false;
    if (heading !== null) rest = withoutClosingHashes(rest.slice(heading[0].length));
    while (heading === null && rest.startsWith('>')) {
      quote = true;
      rest = rest.slice(1).trimStart();
    }
    const gathering: Gathering | null = open;
    const continues =
      gathering !== null &&
      !gathering.hardBreak &&
      gathering.heading === 0 &&
      heading === null &&
      !quote &&
      !startsBlock(rest) &&
      // Plain text keeps its lines, except where a paragraph was hard-wrapped.
      (joinWrapped || wrapsOnto(gathering.texts.at(-1) ?? '', rest));
    const marker = heading === null ? /^([-*+])\s+/.exec(rest) : null;
    if (marker !== null) rest = rest.slice(marker[0].length);
    const inline = inlineMarkdown(rest);
    if (continues && gathering !== null) {
      const shift = gathering.length + 1;
      for (const mark of inline.marks) gathering.marks.push({ ...mark, from: mark.from + shift, to: mark.to + shift });
      gathering.texts.push(inline.text);
      gathering.length += 1 + inline.text.length;
      gathering.hardBreak = hardBreak;
      return;
    }
    close();
    open = {
      line: position + 1,
      indent: leadingSpaceWidth(raw),
      bullet: marker?.[1] ?? null,
      heading: heading?.[1]?.length ?? 0,
      quote,
      texts: [inline.text],
      marks: inline.marks,
      length: inline.text.length,
      hardBreak: hardBreak || heading !== null,
    };
  });
  close();
  return lines;
}
