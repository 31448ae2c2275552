// The grammar of a minutes body, shared by every archive form: narrative paragraphs, bullet lists
// (nested by indentation or by a change of bullet character), RESOLVED blocks with their parts,
// requests for information, declarations of interests, the approval of the previous minutes with
// any amendment, and "Minute 59/16" citations in running text. It reads SourceLines, so it does not
// care whether they came from a web page, a Markdown file or HTML. Every block it returns is in
// ProseMirror's canonical JSON, as the editor saves it.
import { noDeclarations } from '../editor/blocks.js';
import { minutesSchema, type ApprovalOutcome, type PartStyle } from '../editor/schema.js';
import { declarationKindLabel } from '../model/declarationKinds.js';
import type { MinutesNodeJSON } from '../model/meeting.js';
import { findDate } from './datesAndTimes.js';
import type { Ledger } from './ledger.js';
import { sliceLine, withoutEmphasis, type SourceLine } from './lines.js';

export interface MinutesContext {
  newId: () => string;
  ledger: Ledger;
  /** How warnings name the item: "item 7 (Support to Young Carers)". */
  item: string;
}

const canonical = (json: MinutesNodeJSON): MinutesNodeJSON => minutesSchema.nodeFromJSON(json).toJSON() as MinutesNodeJSON;

// ---------------------------------------------------------------------------------------------
// Inline content: text with its marks, and minute citations as minute_reference nodes.

/** "Minute 59/16" as a citation; "Minutes" or a lower-case "minute" stays text, since the node always prints "Minute". */
const minuteCitation = /Minute (\d{1,4}\/\d{2})(?![\d/])/g;
const firstCitation = new RegExp(minuteCitation.source);

function citationsIn(text: string, marks: MinutesNodeJSON['marks']): MinutesNodeJSON[] {
  if (!text.includes('Minute ')) return [marks === undefined ? { type: 'text', text } : { type: 'text', text, marks }];
  const nodes: MinutesNodeJSON[] = [];
  let from = 0;
  const withMarks = (piece: string): MinutesNodeJSON => (marks === undefined ? { type: 'text', text: piece } : { type: 'text', text: piece, marks });
  for (const match of text.matchAll(minuteCitation)) {
    if (match.index > from) nodes.push(withMarks(text.slice(from, match.index)));
    nodes.push({ type: 'minute_reference', attrs: { minute: match[1] } });
    from = match.index + match[0].length;
  }
  if (from < text.length) nodes.push(withMarks(text.slice(from)));
  return nodes;
}

/** The line's text as inline nodes. Marks are swept once in order, so a line with many of them stays linear. */
function inlineOf(line: SourceLine): MinutesNodeJSON[] {
  if (line.text === '') return [];
  if (line.marks.length === 0) return citationsIn(line.text, undefined);
  const events = line.marks
    .flatMap((mark) => [
      { at: mark.from, opens: true, mark },
      { at: mark.to, opens: false, mark },
    ])
    .sort((a, b) => a.at - b.at || Number(a.opens) - Number(b.opens));
  const nodes: MinutesNodeJSON[] = [];
  let strong = 0;
  let em = 0;
  const links: string[] = [];
  let position = 0;
  const emit = (to: number) => {
    if (to <= position) return;
    const piece = line.text.slice(position, to);
    const marks: NonNullable<MinutesNodeJSON['marks']> = [];
    if (strong > 0) marks.push({ type: 'strong' });
    if (em > 0) marks.push({ type: 'em' });
    const href = links.at(-1);
    if (href !== undefined) nodes.push({ type: 'text', text: piece, marks: [...marks, { type: 'link', attrs: { href } }] });
    else for (const node of citationsIn(piece, marks.length > 0 ? marks : undefined)) nodes.push(node);
    position = to;
  };
  for (const event of events) {
    emit(event.at);
    const step = event.opens ? 1 : -1;
    if (event.mark.type === 'strong') strong += step;
    else if (event.mark.type === 'em') em += step;
    else if (event.opens) links.push(event.mark.href);
    else links.pop();
  }
  emit(line.text.length);
  return nodes;
}

const paragraphOf = (line: SourceLine): MinutesNodeJSON => ({ type: 'paragraph', content: inlineOf(line) });

// ---------------------------------------------------------------------------------------------
// Recognisers. Each works on `key` (non-breaking spaces as spaces) and is anchored or starts with a
// literal, so that no input makes them backtrack.

interface PartLabel {
  style: PartStyle;
  /** Length of the label and the space after it. */
  length: number;
}

const partLabelPattern = /^(?:\((\d{1,2})\)|(\d{1,2})([.)])|\(([a-z]|[ivx]{2,4})\)|([a-z]|[ivx]{2,4})[.)])\s+/i;

/** "1)", "(1)", "1.", "a.", "a)", "(a)", "(ii)" at the start of a resolution's part. */
export function partLabelOf(key: string): PartLabel | null {
  const match = partLabelPattern.exec(key);
  if (match === null) return null;
  const [label, bracketed, number, closer] = match;
  const style: PartStyle = bracketed !== undefined ? '(1)' : number !== undefined ? (closer === ')' ? '1)' : '1.') : 'a.';
  return { style, length: label.length };
}

const resolvedLead = /^(?:it was\s+)?(unanimously\s+)?resolved\b(?:[\s,]*\(?(unanimously)\)?,?)?/i;
const thatAfterLead = /^\s*(?:[:,\-–—]\s*)?that\b\s*/i;

interface ResolutionOpening {
  unanimous: boolean;
  /** Offset in the line where the preamble starts. */
  preambleAt: number;
}

/** "RESOLVED that …", "RESOLVED:", "RESOLVED unanimously that:", "Resolved to note …", "It was RESOLVED that …". */
function resolutionOpeningOf(key: string): ResolutionOpening | null {
  const lead = resolvedLead.exec(key);
  if (lead === null) return null;
  const rest = key.slice(lead[0].length);
  // "Resolved" must open the decision ("that", "to", a colon), not a sentence about resolved issues.
  if (!/^(?:$|\s*[:,–—-]|\s+(?:that|to)\b)/i.test(rest)) return null;
  const that = thatAfterLead.exec(rest);
  let preambleAt = lead[0].length;
  if (that !== null) preambleAt += that[0].length;
  else preambleAt += rest.length - rest.trimStart().length;
  return { unanimous: lead[1] !== undefined || lead[2] !== undefined, preambleAt };
}

const startsWithThat = (key: string): boolean => /^that\s/i.test(key);

const noInterests = /^(?:there\s+(?:were|was|are)\s+no|no\s+(?:declarations|interests|disclosable|other|pecuniary))\b/i;

const isNoDeclarations = (key: string): boolean => noInterests.test(key) && /interest|declar/i.test(key);

interface DeclarationSentence {
  member: string;
  /** A kind id (shared/model/declarationKinds.ts). */
  kind: string;
  /** The words the minutes used for the kind, when they are not one of the three the schema knows. */
  kindWords: string | null;
  item: string;
  /** Offset where the declared text starts. */
  textAt: number;
}

const declaredInterest =
  /^(?:an?|their|the following)\s+(?:(disclosable pecuniary|other registrable|non-registrable|non-pecuniary|personal|prejudicial|pecuniary|registrable|disclosable)\s+)?interests?\b/i;
const inItem = /^\s*(?:in|on|relating to|regarding)\s+(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?(\d{1,4}(?:\/\d{2})?[a-z]?)/i;

const kindsByWords: Record<string, string> = {
  'disclosable pecuniary': 'disclosable-pecuniary',
  'other registrable': 'other-registrable',
  'non-registrable': 'non-registrable',
  pecuniary: 'disclosable-pecuniary',
  disclosable: 'disclosable-pecuniary',
  prejudicial: 'disclosable-pecuniary',
  registrable: 'other-registrable',
  personal: 'other-registrable',
  'non-pecuniary': 'non-registrable',
};

/** "Councillor X declared a disclosable pecuniary interest in item 7 …". */
function declarationOf(key: string): DeclarationSentence | null {
  const declared = key.indexOf(' declared ');
  if (declared <= 0 || declared > 200) return null;
  const after = key.slice(declared + ' declared '.length);
  const interest = declaredInterest.exec(after);
  if (interest === null) return null;
  const words = (interest[1] ?? '').toLowerCase();
  const kind = kindsByWords[words] ?? 'other-registrable';
  let textAt = declared + ' declared '.length + interest[0].length;
  const item = inItem.exec(key.slice(textAt));
  if (item !== null) textAt += item[0].length;
  // What follows the lead: ": the text", " as …", or just the full stop.
  const rest = key.slice(textAt);
  textAt += rest.length - rest.replace(/^[\s:;,]*/, '').length;
  const exact = words === 'disclosable pecuniary' || words === 'other registrable' || words === 'non-registrable';
  return { member: key.slice(0, declared).trim(), kind, kindWords: exact ? null : words || 'unqualified', item: item?.[1] ?? '', textAt };
}

const approvalVerbs = /\b(?:agreed|approved|confirmed|signed|accepted|adopted)\b/i;

/** "The minutes of the meeting held on … were agreed/approved …", also as "RESOLVED that the minutes of … be approved". */
function isMinutesApproval(key: string): boolean {
  const sentence = key.replace(/^(?:resolved\s*[:,–-]?\s*)?(?:that\s+)?/i, '').toLowerCase();
  return (sentence.startsWith('the minutes of') || sentence.startsWith('minutes of')) && sentence.includes('meeting') && approvalVerbs.test(sentence);
}

const withAmendments = (key: string): boolean => {
  const lower = key.toLowerCase();
  return (lower.includes('subject to') && lower.includes('amend')) || lower.includes('as amended') || lower.includes('following amendment');
};

const isRequestsIntro = (key: string): boolean => {
  const lower = key.toLowerCase();
  return lower.endsWith(':') && lower.includes('request') && (lower.includes('information') || lower.includes('circulat'));
};

const opensQuote = (key: string): boolean => /^["“]/.test(key);
const closesQuote = (key: string): boolean => /["”][.)]?$/.test(key);

const mattersArisingHeading = /^matters arising\b\s*:?/i;
const isMattersArising = (key: string): boolean => mattersArisingHeading.test(key);
/** Length of "Matters arising:" at the start of the line. */
const mattersArisingLabel = (key: string): number => mattersArisingHeading.exec(key)?.[0].length ?? 0;

const closingQuotes: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'" };

/**
 * The text of the quotation opening at `from` with `open`; an apostrophe inside ("Children's") does not
 * close it. A minute's heading is short, so only a short stretch is searched.
 */
function quotedFrom(text: string, from: number, open: string): string | null {
  const close = closingQuotes[open] ?? open;
  const stretch = text.slice(from, from + 300);
  let end = stretch.indexOf(close);
  while (end >= 0 && /\p{L}/u.test(stretch[end + 1] ?? '')) end = stretch.indexOf(close, end + 1);
  return end > 0 ? stretch.slice(0, end) : null;
}

/** "Minute 60/24" citations and the “heading” quoted after "headed", in the approval's statement. */
function amendedMinutes(statement: string): { minutes: string[]; headings: string[] } {
  const amendmentAt = statement.toLowerCase().indexOf('amendment');
  const tail = amendmentAt < 0 ? statement : statement.slice(amendmentAt);
  const minutes = [...tail.matchAll(minuteCitation)].map((match) => match[1] ?? '');
  const headings: string[] = [];
  for (const match of tail.matchAll(/\b(?:headed|entitled|titled)\b[\s,:]*([“"‘'])/gi)) {
    const heading = quotedFrom(tail, match.index + match[0].length, match[1] ?? '"');
    if (heading !== null) headings.push(heading);
  }
  return { minutes, headings };
}

// ---------------------------------------------------------------------------------------------
// Bullet lists.

interface ListEntry {
  line: SourceLine;
  children: ListEntry[];
}
interface ListLevel {
  indent: number;
  marker: string;
  entries: ListEntry[];
}

/** Councils rarely nest bullets beyond three levels; bounding the depth keeps reading linear on any input. */
const deepestBullet = 8;

/** Where a bullet goes in the open levels: the level it continues, or a new level under one. */
function levelFor(stack: readonly ListLevel[], indent: number, marker: string): { at: number; nest: boolean } {
  for (let k = stack.length - 1; k >= 0; k--) {
    const level = stack[k] as ListLevel;
    if (indent > level.indent) return { at: k, nest: stack.length < deepestBullet };
    if (indent === level.indent) {
      if (marker === level.marker) return { at: k, nest: false };
      // A change of bullet character at the same indent nests, unless it returns to an outer level's character.
      if (stack.slice(0, k).some((outer) => outer.indent === indent && outer.marker === marker)) continue;
      return { at: k, nest: stack.length < deepestBullet };
    }
  }
  return { at: 0, nest: false };
}

function listJson(entries: readonly ListEntry[], plain: boolean): MinutesNodeJSON {
  return {
    type: 'bullet_list',
    content: entries.map((entry) => ({
      type: 'list_item',
      content: [paragraphOf(plain ? withoutEmphasis(entry.line) : entry.line), ...(entry.children.length > 0 ? [listJson(entry.children, plain)] : [])],
    })),
  };
}

const flattenEntries = (entries: readonly ListEntry[]): SourceLine[] => entries.flatMap((entry) => [entry.line, ...flattenEntries(entry.children)]);

// ---------------------------------------------------------------------------------------------
// Blocks.

interface PartDraft {
  line: SourceLine;
  list: ListEntry[];
}

/** Reads blocks from a run of lines; `at` moves forward only, so each line is looked at a bounded number of times. */
class BlockReader {
  private at = 0;

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly context: MinutesContext,
  ) {}

  private get line(): SourceLine | undefined {
    return this.lines[this.at];
  }

  get done(): boolean {
    return this.at >= this.lines.length;
  }

  readBlocks(): MinutesNodeJSON[] {
    const blocks: MinutesNodeJSON[] = [];
    while (!this.done) blocks.push(this.readBlock());
    return blocks.map(canonical);
  }

  private readBlock(): MinutesNodeJSON {
    const line = this.line as SourceLine;
    const key = line.key;
    const opening = line.bullet === null ? resolutionOpeningOf(key) : null;
    if (line.bullet === null && isMinutesApproval(key)) return this.readApproval();
    if (opening !== null) return this.readResolution(line, opening);
    if (line.bullet === null && (isNoDeclarations(key) || declarationOf(key) !== null)) return this.readDeclarations();
    if (line.bullet === null && isRequestsIntro(key) && this.lines[this.at + 1]?.bullet != null) return this.readRequests();
    if (line.bullet !== null) return listJson(this.readList(), false);
    this.at++;
    return paragraphOf(line);
  }

  /** Consecutive bullet lines as a tree; in a resolution, a bullet with a part label ("- 2. …") is the next part instead. */
  private readList(inResolution = false): ListEntry[] {
    const top: ListEntry[] = [];
    const stack: ListLevel[] = [];
    for (let line = this.line; line?.bullet != null && !(inResolution && partLabelOf(line.key) !== null); line = this.line) {
      const entry: ListEntry = { line, children: [] };
      const marker = line.bullet;
      if (stack.length === 0) {
        stack.push({ indent: line.indent, marker, entries: top });
        top.push(entry);
      } else {
        const { at, nest } = levelFor(stack, line.indent, marker);
        stack.length = at + 1;
        const level = stack[at] as ListLevel;
        const parent = level.entries.at(-1);
        if (nest && parent !== undefined) {
          stack.push({ indent: line.indent, marker, entries: parent.children });
          parent.children.push(entry);
        } else {
          level.entries.push(entry);
        }
      }
      this.at++;
    }
    return top;
  }

  private readRequests(): MinutesNodeJSON {
    const intro = this.line as SourceLine;
    this.at++;
    const asked = flattenEntries(this.readList());
    return {
      type: 'information_requests',
      content: [
        { type: 'requests_intro', content: inlineOf(intro) },
        ...asked.map((line) => ({ type: 'request', attrs: { id: this.context.newId(), askedOf: '', status: 'open' }, content: inlineOf(line) })),
      ],
    };
  }

  private readDeclarations(): MinutesNodeJSON {
    const first = this.line as SourceLine;
    if (isNoDeclarations(first.key)) {
      this.at++;
      return noDeclarations(first.text);
    }
    const declarations: MinutesNodeJSON[] = [];
    for (let line = this.line; line !== undefined && line.bullet === null; line = this.line) {
      const sentence = declarationOf(line.key);
      if (sentence === null) break;
      if (sentence.kindWords !== null) {
        this.context.ledger.warn(
          `Line ${line.line}, ${this.context.item}: a “${sentence.kindWords}” interest is recorded as an ${declarationKindLabel([], sentence.kind)}; check the kind of interest.`,
        );
      }
      const declared = sliceLine(line, sentence.textAt);
      const text = declared.key === '.' ? [] : inlineOf(declared);
      declarations.push({ type: 'declaration', attrs: { member: sentence.member, item: sentence.item, kind: sentence.kind }, content: text });
      this.at++;
    }
    return { type: 'declarations', content: declarations };
  }

  /** The approval statement, lines introducing an amendment, the quoted amendments, and matters arising. */
  private readApproval(): MinutesNodeJSON {
    const sentence = this.line as SourceLine;
    const statement = [sentence];
    this.at++;
    const outcome: ApprovalOutcome = withAmendments(sentence.key) ? 'agreed-with-amendments' : 'agreed';
    const quotes: SourceLine[][] = [];
    let mattersArising: MinutesNodeJSON[] = [];
    for (let line = this.line; line !== undefined; line = this.line) {
      if (outcome === 'agreed-with-amendments' && (line.quote || opensQuote(line.key))) {
        quotes.push(this.readQuote());
      } else if (outcome === 'agreed-with-amendments' && quotes.length === 0 && line.bullet === null && line.key.endsWith(':') && !isMattersArising(line.key)) {
        // "The following change to be inserted, …:" introduces the quoted text.
        statement.push(line);
        this.at++;
      } else if (line.bullet === null && isMattersArising(line.key) && (line.key.length > mattersArisingLabel(line.key) || this.at + 1 < this.lines.length)) {
        mattersArising = this.readMattersArising();
        break;
      } else {
        break;
      }
    }
    const { minutes, headings } = amendedMinutes(statement.map((line) => line.key).join(' '));
    return {
      type: 'minutes_approval',
      attrs: { meetingDate: findDate(sentence.key)?.iso ?? '', outcome },
      content: [
        { type: 'approval_statement', content: statement.flatMap((line, index) => [...(index > 0 ? [{ type: 'hard_break' }] : []), ...inlineOf(line)]) },
        ...quotes.map((quote, index) => ({
          type: 'amendment',
          // The statement names the amended minute; failing that, the quoted text may ("Minute 95/23, second paragraph: …").
          attrs: { minute: minutes[index] ?? firstCitation.exec(quote.map((line) => line.key).join(' '))?.[1] ?? '', heading: headings[index] ?? '' },
          content: quote.map(paragraphOf),
        })),
        ...(mattersArising.length > 0 ? [{ type: 'matters_arising', content: mattersArising }] : []),
      ],
    };
  }

  /** A block quote (Markdown, HTML) or lines from an opening quotation mark to the closing one. */
  private readQuote(): SourceLine[] {
    const first = this.line as SourceLine;
    const quote: SourceLine[] = [];
    for (let line = this.line, closed = false; line !== undefined && (first.quote ? line.quote : !closed); line = this.line) {
      quote.push(line);
      closed = closesQuote(line.key);
      this.at++;
    }
    return quote;
  }

  /** "Matters arising:" and the paragraphs and bullets after it, to the end of the item's minutes. */
  private readMattersArising(): MinutesNodeJSON[] {
    const heading = this.line as SourceLine;
    this.at++;
    const label = mattersArisingLabel(heading.key);
    const content: MinutesNodeJSON[] = heading.key.length > label ? [paragraphOf(sliceLine(heading, label))] : [];
    for (let line = this.line; line !== undefined; line = this.line) {
      if (line.bullet !== null) {
        content.push(listJson(this.readList(), false));
      } else {
        content.push(paragraphOf(line));
        this.at++;
      }
    }
    return content;
  }

  private readResolution(line: SourceLine, opening: ResolutionOpening): MinutesNodeJSON {
    this.at++;
    return this.readResolutionBody(sliceLine(withoutEmphasis(line), opening.preambleAt), opening.unanimous);
  }

  /**
   * The parts and bullets after a resolution's opening. Bullets right after a part belong to it. When the
   * opening says nothing ("RESOLVED:") and one "That …" paragraph follows, that paragraph is the
   * preamble; several "That …" paragraphs are the parts.
   */
  private readResolutionBody(preamble: SourceLine | null, unanimous: boolean): MinutesNodeJSON {
    let style: PartStyle | null = null;
    let opening = preamble;
    const body: (PartDraft | ListEntry[])[] = [];
    for (let line = this.line; line !== undefined; line = this.line) {
      const label = partLabelOf(line.key);
      if (label !== null) {
        style ??= label.style;
        this.at++;
        body.push({ line: sliceLine(withoutEmphasis(line), label.length), list: this.readList(true) });
      } else if (line.bullet !== null) {
        body.push(this.readList(true));
      } else if (body.length === 0 && (opening === null || opening.key === '' || opening.key === ':') && startsWithThat(line.key)) {
        const that: SourceLine[] = [];
        for (let next = this.line; next !== undefined && next.bullet === null && startsWithThat(next.key); next = this.line) {
          that.push(withoutEmphasis(next));
          this.at++;
        }
        if (that.length === 1) opening = sliceLine(that[0] as SourceLine, 'that '.length);
        else for (const part of that) body.push({ line: part, list: [] });
      } else if (opening === null && body.length === 0) {
        // A Decision block without "RESOLVED": its first sentence is the preamble.
        opening = withoutEmphasis(line);
        this.at++;
      } else {
        break;
      }
    }
    return {
      type: 'resolution',
      attrs: { unanimous, partStyle: style ?? '1)' },
      content: [
        { type: 'resolution_preamble', content: opening === null ? [] : inlineOf(opening) },
        ...body.map((entry) =>
          Array.isArray(entry)
            ? listJson(entry, true)
            : { type: 'resolution_part', content: [paragraphOf(entry.line), ...(entry.list.length > 0 ? [listJson(entry.list, true)] : [])] },
        ),
      ],
    };
  }

  /** What a "Decision:" block says; when it has no "RESOLVED", the block opens with one resolution. */
  readDecision(): MinutesNodeJSON[] {
    if (this.lines.some((line) => line.bullet === null && resolutionOpeningOf(line.key) !== null)) return this.readBlocks();
    return [canonical(this.readResolutionBody(null, false)), ...this.readBlocks()];
  }
}

/**
 * Lists flattened into one line by the archive ("…circulated to them: · Further information … · Data …")
 * are split back into an introduction and bullet lines.
 */
function unflattenBullets(line: SourceLine): SourceLine[] {
  const first = line.bullet === null ? line.key.search(/: [·•] /) : -1;
  if (first < 0) return [line];
  const separator = ` ${line.key[first + 2]} `;
  const pieces = [sliceLine(line, 0, first + 1)];
  // `from` is where a bullet's text starts, just after its bullet character.
  for (let from = first + 3; from < line.key.length; ) {
    const next = line.key.indexOf(separator, from);
    const to = next < 0 ? line.key.length : next;
    pieces.push({ ...sliceLine(line, from, to), bullet: separator.trim(), indent: 0 });
    from = to + separator.length;
  }
  return pieces;
}

const readerFor = (lines: readonly SourceLine[], context: MinutesContext): BlockReader => {
  context.ledger.placeAll(lines);
  return new BlockReader(lines.flatMap(unflattenBullets), context);
};

/** The blocks of an item's minutes. Every line given is placed: each ends up in some block. */
export const readMinutes = (lines: readonly SourceLine[], context: MinutesContext): MinutesNodeJSON[] => readerFor(lines, context).readBlocks();

/** What makes two resolutions the same decision: their parts and bullets, or, when they have none, their preamble. */
const decisionKey = (resolution: MinutesNodeJSON): string => {
  const content = resolution.content ?? [];
  return JSON.stringify(content.length > 1 ? content.slice(1) : content);
};

/**
 * The item's "Minutes:" and "Decision:" blocks together. A decision the minutes already record (the
 * website often prints the same resolution under both, the second time without "RESOLVED") is not repeated.
 */
export function readItemMinutes(minutes: readonly SourceLine[], decision: readonly SourceLine[], context: MinutesContext): MinutesNodeJSON[] {
  const blocks = readMinutes(minutes, context);
  if (decision.length === 0) return blocks;
  const recorded = new Set(blocks.filter((block) => block.type === 'resolution').map(decisionKey));
  const decided = readerFor(decision, context).readDecision();
  return [...blocks, ...decided.filter((block) => block.type !== 'resolution' || !recorded.has(decisionKey(block)))];
}
