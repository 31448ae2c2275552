// What an amendment agreed at a later meeting can correct in an earlier minute, and how the corrected
// item is made: the minute's heading, every block of it that holds words (narrative paragraphs, a
// resolution's opening words and parts, declarations, the approval of minutes, requests, comings and
// goings), a new paragraph at its end, or all of its text at once. Pure: the agreement dialog and its
// unit tests use it.
import { minutesSchema } from '../../../shared/editor/schema.js';
import type { Item, MinutesNodeJSON } from '../../../shared/model/meeting.js';

/** Which part of the minute an amendment corrects: 'title', 'end' (a new paragraph), 'all', or the path of a block holding words ("2.0"). */
export type PartKey = string;

export interface AmendablePart {
  key: PartKey;
  /** In the clerk's words: "Resolution, opening words: The report be noted". */
  label: string;
  /** The words as they stand (empty for a new paragraph). */
  text: string;
}

const kindLabels: Record<string, string> = {
  resolution_preamble: 'Resolution, opening words',
  declarations_none: 'Declarations',
  approval_statement: 'Approval of the minutes',
  requests_intro: 'Requests for information',
  request: 'Request for information',
  attendance_event: 'Attendance',
};

const holdsWords = (type: string): boolean => minutesSchema.nodes[type]?.isTextblock === true;

/** The words of a block holding words (its text and minute references). */
function wordsOf(node: MinutesNodeJSON): string {
  return (node.content ?? [])
    .map((child) => (child.type === 'text' ? (child.text ?? '') : child.type === 'hard_break' ? ' ' : child.type === 'minute_reference' ? `Minute ${String(child.attrs?.['minute'] ?? '')}` : ''))
    .join('');
}

function labelOf(node: MinutesNodeJSON, parents: readonly MinutesNodeJSON[], counters: Map<string, number>): string {
  const parent = parents.at(-1);
  if (node.type === 'declaration') {
    const member = String(node.attrs?.['member'] ?? '').trim();
    return member === '' ? 'Declaration' : `Declaration (${member})`;
  }
  const own = kindLabels[node.type];
  if (own !== undefined) return own;
  if (parent?.type === 'resolution_part') {
    const count = (counters.get('part') ?? 0) + 1;
    counters.set('part', count);
    return `Resolution, part ${count}`;
  }
  if (parents.some((ancestor) => ancestor.type === 'list_item')) return 'Bullet';
  if (parent?.type === 'motion') return 'Motion';
  if (parent?.type === 'amendment') return 'Amendment quoted';
  if (parent?.type === 'matters_arising') return 'Matters arising';
  return 'Paragraph';
}

/** Every part of the item an amendment can correct, in reading order: the heading, each block holding words, then a new paragraph and all the text. */
export function amendablePartsOf(item: Item): AmendablePart[] {
  const parts: AmendablePart[] = [{ key: 'title', label: 'Heading', text: item.title }];
  const counters = new Map<string, number>();
  const visit = (node: MinutesNodeJSON, path: number[], parents: MinutesNodeJSON[]) => {
    if (holdsWords(node.type)) {
      const text = wordsOf(node);
      parts.push({ key: path.join('.'), label: labelOf(node, parents, counters), text });
      return;
    }
    node.content?.forEach((child, index) => visit(child, [...path, index], [...parents, node]));
  };
  item.minutes.forEach((node, index) => visit(node, [index], []));
  parts.push({ key: 'end', label: 'A new paragraph at the end of the minute', text: '' });
  parts.push({ key: 'all', label: 'All of the minute’s words, replaced at once', text: allTextOf(item) });
  return parts;
}

/** The minute's text, one block holding words a line. */
export function allTextOf(item: Item): string {
  const lines: string[] = [];
  const visit = (node: MinutesNodeJSON) => {
    if (holdsWords(node.type)) lines.push(wordsOf(node));
    else node.content?.forEach(visit);
  };
  item.minutes.forEach(visit);
  return lines.filter((line) => line.trim() !== '').join('\n');
}

const paragraphsFrom = (text: string): MinutesNodeJSON[] =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));

/** Words for one block: lines run together, as a block holding words has no lines of its own. */
const inline = (text: string): MinutesNodeJSON[] => {
  const joined = text.split(/\s*\n\s*/).filter((line) => line !== '').join(' ').trim();
  return joined === '' ? [] : [{ type: 'text', text: joined }];
};

/** The item with one part's words replaced by `text` (a block's marks and references give way to the corrected words). */
export function withPartCorrected(item: Item, key: PartKey, text: string): Item {
  if (key === 'title') return { ...item, title: text.split(/\s*\n\s*/).join(' ').trim() };
  if (key === 'end') {
    const added = paragraphsFrom(text);
    return added.length === 0 ? item : { ...item, minutes: [...item.minutes, ...added] };
  }
  if (key === 'all') {
    const all = paragraphsFrom(text);
    return { ...item, minutes: all.length === 0 ? [{ type: 'paragraph' }] : all };
  }
  const path = key.split('.').map(Number);
  const replace = (nodes: readonly MinutesNodeJSON[], [index, ...rest]: number[], topLevel: boolean): MinutesNodeJSON[] => {
    const node = nodes[index!];
    if (node === undefined) return [...nodes];
    if (rest.length > 0) return nodes.map((candidate, at) => (at === index ? { ...candidate, content: replace(candidate.content ?? [], rest, false) } : candidate));
    // A narrative paragraph of the minute itself may become several; any other block keeps one.
    if (topLevel && node.type === 'paragraph' && paragraphsFrom(text).length > 1) return [...nodes.slice(0, index), ...paragraphsFrom(text), ...nodes.slice(index! + 1)];
    const { content: _old, ...rest2 } = node;
    const words = inline(text);
    return nodes.map((candidate, at) => (at === index ? (words.length === 0 ? rest2 : { ...rest2, content: words }) : candidate));
  };
  return { ...item, minutes: replace(item.minutes, path, true) };
}

/** Whether the corrected item says anything different from the item as it stands. */
export const changesItem = (before: Item, after: Item): boolean => after.title !== before.title || JSON.stringify(after.minutes) !== JSON.stringify(before.minutes);

/** The item with each correction applied in turn (corrections to the same item are one amendment of it). */
export function withCorrections(item: Item, corrections: readonly { part: PartKey; text: string }[]): Item {
  // Paths are of the item as it stands: a paragraph made several, or a new paragraph, must not move the blocks the others name.
  const ordered = [...corrections].sort((a, b) => rank(b.part) - rank(a.part));
  return ordered.reduce((current, correction) => withPartCorrected(current, correction.part, correction.text), item);
}

/** Paths from the last to the first, then the end, then 'all' (which replaces every block, so it has the last word); the title anywhere. */
function rank(key: PartKey): number {
  if (key === 'all') return -2;
  if (key === 'title' || key === 'end') return -1;
  const [first = 0] = key.split('.').map(Number);
  return first;
}

const wordsIn = (text: string): Set<string> => new Set(text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []);

/** The part an amendment's corrected words most likely replace: the block sharing most words with them, else the first paragraph. */
export function likeliestPart(item: Item, text: string): PartKey {
  const parts = amendablePartsOf(item).filter((part) => part.key !== 'title' && part.key !== 'end' && part.key !== 'all');
  const words = wordsIn(text);
  let best: { key: PartKey; score: number } | null = null;
  for (const part of parts) {
    const theirs = wordsIn(part.text);
    const shared = [...words].filter((word) => theirs.has(word)).length;
    const score = shared / Math.max(1, new Set([...words, ...theirs]).size);
    if (best === null || score > best.score) best = { key: part.key, score };
  }
  if (best !== null && best.score > 0) return best.key;
  return parts.find((part) => part.label === 'Paragraph')?.key ?? parts[0]?.key ?? 'end';
}

/** An amendment as the approval-of-minutes block quotes it: "Amendment to Minute 3 headed Outstanding Issues", then its words. */
export interface QuotedAmendment {
  minute: string;
  heading: string;
  text: string;
}

/** The earlier meeting's item an amendment quoted in the approval block names: by its minute number ("3", "Minute 3", "3/26"), else by its heading. */
export function itemNamedBy(items: readonly Item[], quoted: Pick<QuotedAmendment, 'minute' | 'heading'>): Item | null {
  const number = /^\s*(?:minute\s*)?(\d+)/i.exec(quoted.minute)?.[1];
  if (number !== undefined) {
    const byNumber = items.find((item) => item.minuteNumber === Number(number));
    if (byNumber !== undefined) return byNumber;
  }
  const heading = quoted.heading.trim().toLowerCase();
  if (heading === '') return null;
  return items.find((item) => item.title.trim().toLowerCase() === heading) ?? null;
}

/** What the item's approval-of-minutes block for the minutes of `meetingDate` says: its outcome and the amendments typed in it; null without one. */
export function approvalBlockOf(item: Item, meetingDate: string): { outcome: 'agreed' | 'agreed-with-amendments'; amendments: QuotedAmendment[] } | null {
  const block = item.minutes.find((node) => node.type === 'minutes_approval' && node.attrs?.['meetingDate'] === meetingDate);
  if (block === undefined) return null;
  const amendments = (block.content ?? [])
    .filter((child) => child.type === 'amendment')
    .map((child) => ({
      minute: String(child.attrs?.['minute'] ?? ''),
      heading: String(child.attrs?.['heading'] ?? ''),
      text: (child.content ?? []).map(wordsOf).join('\n').trim(),
    }));
  return { outcome: block.attrs?.['outcome'] === 'agreed-with-amendments' ? 'agreed-with-amendments' : 'agreed', amendments };
}
