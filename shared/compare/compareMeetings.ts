// The comparison of two versions of a meeting, or of two meetings: what the renderer shows side by side
// and the text and HTML comparisons print. Items pair up as alignItems says (allowing moves between
// versions), each item's minutes are flattened into leaves (one per piece of text a clerk types), leaves
// pair up within an item pair, and paired leaves are compared word by word.
import { diffArrays, diffWordsWithSpace } from 'diff';
import { attendanceEntry } from '../attendanceText.js';
import { formatClockTime, formatProseDate } from '../dates.js';
import { declarationKindLabel } from '../model/declarationKinds.js';
import { attendanceEventText } from '../model/attendanceEvents.js';
import { attrsOf, type AttendanceEventAttrs, type DeclarationAction, type MotionAttrs } from '../editor/schema.js';
import { namedVoteLine, resultLine } from '../export/motionText.js';
import { declarationActionWords, spansOf, textOf } from '../export/outline.js';
import type { Attendance } from '../model/attendance.js';
import { businessHeadings, type Item, type Meeting, type MinutesNodeJSON } from '../model/meeting.js';
import { alignByScore, alignItems, wordSimilarity, type AlignmentBasis } from './alignItems.js';

export type WordChange = { kind: 'same' | 'inserted' | 'deleted'; text: string };
/** parts in reading order; joining same+deleted gives the before text, same+inserted the after text */
export interface TextComparison {
  changed: boolean;
  parts: WordChange[];
}
export interface BlockComparison {
  kind: 'same' | 'edited' | 'added' | 'removed';
  /** the clerk's words: "Narrative", "Bullet", "Resolution part 2", "Declaration", "Request", "Amendment", "Matters arising", "Resolution preamble" */
  label: string;
  /** the leaf's node type: 'paragraph', 'list_item', 'resolution_part', 'declaration', 'request', 'amendment', ... */
  blockType: string;
  /** nesting (0 top level; bullets inside a resolution part 2, etc.) for indentation */
  depth: number;
  text: TextComparison;
  /** attribute changes in words: "unanimous: no → yes", "outcome: agreed → amended", "status: open → answered", "part style: 1) → a." */
  attributes: string[];
}
export interface ItemComparison {
  kind: 'same' | 'edited' | 'added' | 'removed';
  /** its place among the items both sides keep changed */
  moved: boolean;
  /** index: the item's place in that meeting's items, from 0 */
  before: { index: number; minuteNumber: number } | null;
  after: { index: number; minuteNumber: number } | null;
  renumbered: boolean;
  matchedBy: AlignmentBasis | null;
  title: TextComparison;
  /** only the fields that changed */
  fields: { name: 'source' | 'agendaText' | 'documents' | 'business'; text: TextComparison }[];
  blocks: BlockComparison[];
  /** how many of the meeting's changeCount steps fall in this item */
  changes: number;
}
export interface AttendanceChange {
  list: keyof Attendance;
  kind: 'added' | 'removed' | 'edited';
  /** the person as the minutes print them ("Councillor J Innes (Chair)"), null when added */
  before: string | null;
  /** null when removed */
  after: string | null;
}
export interface DetailChange {
  field: 'date' | 'startTime' | 'closingTime' | 'venue' | 'contact' | 'firstMinuteNumber' | 'status';
  before: string;
  after: string;
}
export interface MeetingComparison {
  before: { meetingId: string; revision: number; date: string };
  after: { meetingId: string; revision: number; date: string };
  /** whether the two are records of one meeting (the same id, or the same committee and date): only then are minute numbers compared */
  sameMeeting: boolean;
  details: DetailChange[];
  attendance: AttendanceChange[];
  /** display order: the after meeting's order, each removed item placed where it stood */
  items: ItemComparison[];
  /** how many changes next/previous steps through (each changed block, each added/removed/moved/renumbered item, each detail, each attendance change) */
  changeCount: number;
}

/**
 * Word-level comparison of two texts (jsdiff's diffWordsWithSpace: words, spaces and punctuation as
 * tokens, so a change is never cut inside a word). Joining the same and deleted parts gives `before`
 * exactly, the same and inserted parts `after`.
 */
export function compareText(before: string, after: string): TextComparison {
  if (before === after) return { changed: false, parts: before === '' ? [] : [{ kind: 'same', text: before }] };
  // Consecutive changes become one replacement; replacements a space apart become one ("[-a future-]{+the
  // next+}", as git's word diff reads, rather than "[-a-]{+the+} [-future-]{+next+}").
  const runs: (WordChange | { deleted: string; inserted: string })[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const last = runs.at(-1);
    if (!change.added && !change.removed) runs.push({ kind: 'same', text: change.value });
    else if (last !== undefined && !('kind' in last)) {
      if (change.added) last.inserted += change.value;
      else last.deleted += change.value;
    } else runs.push({ deleted: change.removed ? change.value : '', inserted: change.added ? change.value : '' });
  }
  const merged: typeof runs = [];
  for (const run of runs) {
    const [space, replacement] = [merged.at(-1), merged.at(-2)];
    const isReplacement = (candidate: (typeof runs)[number] | undefined): candidate is { deleted: string; inserted: string } =>
      candidate !== undefined && !('kind' in candidate) && candidate.deleted !== '' && candidate.inserted !== '';
    if (isReplacement(run) && space !== undefined && 'kind' in space && /^\s+$/.test(space.text) && isReplacement(replacement)) {
      merged.pop();
      replacement.deleted += space.text + run.deleted;
      replacement.inserted += space.text + run.inserted;
    } else merged.push(run);
  }
  const parts = merged.flatMap((run): WordChange[] =>
    'kind' in run
      ? [run]
      : [
          ...(run.deleted === '' ? [] : [{ kind: 'deleted' as const, text: run.deleted }]),
          ...(run.inserted === '' ? [] : [{ kind: 'inserted' as const, text: run.inserted }]),
        ],
  );
  return { changed: true, parts };
}

const insertedText = (text: string): TextComparison => ({ changed: text !== '', parts: text === '' ? [] : [{ kind: 'inserted', text }] });
const deletedText = (text: string): TextComparison => ({ changed: text !== '', parts: text === '' ? [] : [{ kind: 'deleted', text }] });

/** One piece of text of an item's minutes, with where it stands and the attributes a clerk sets on it. */
interface Leaf {
  label: string;
  blockType: string;
  depth: number;
  text: string;
  /** [name in words, value in words] */
  attributes: [string, string][];
  /** text, type and attributes together: two leaves with the same signature are the same */
  signature: string;
}

/** An inline run as text: a minute reference as its citation ("Minute 59/16"), a hard break as a space. */
const inlineText = (node: MinutesNodeJSON | undefined): string => textOf(spansOf(node)).replace(/\n/g, ' ');
const attr = (node: MinutesNodeJSON, name: string): string => String(node.attrs?.[name] ?? '');
const yesNo = (value: unknown): string => (value === true ? 'yes' : 'no');
const outcomeWords: Record<string, string> = { agreed: 'agreed', 'agreed-with-amendments': 'amended' };

/**
 * An item's minutes as leaves in reading order. Depth is how far the text is indented in the printed
 * minutes: narrative, a resolution's preamble, declarations and the approval statement 0; bullets,
 * resolution parts, requests and amendments 1; bullets inside a part 2; each nested list one more.
 */
function leavesOf(minutes: readonly MinutesNodeJSON[]): Leaf[] {
  const leaves: Leaf[] = [];
  const add = (label: string, blockType: string, depth: number, node: MinutesNodeJSON | undefined, attributes: [string, string][] = [], text = inlineText(node)) => {
    leaves.push({ label, blockType, depth, text, attributes, signature: `${blockType}\u0000${depth}\u0000${JSON.stringify(attributes)}\u0000${text}` });
  };
  const bullets = (list: MinutesNodeJSON, depth: number) => {
    for (const listItem of list.content ?? []) {
      const [paragraph, nested] = listItem.content ?? [];
      add('Bullet', 'list_item', depth, paragraph);
      if (nested !== undefined) bullets(nested, depth + 1);
    }
  };
  const flow = (blocks: readonly MinutesNodeJSON[], label: string, blockType: string, depth: number) => {
    for (const block of blocks) {
      if (block.type === 'bullet_list') bullets(block, depth + 1);
      else add(label, blockType, depth, block);
    }
  };
  for (const block of minutes) {
    const children = block.content ?? [];
    switch (block.type) {
      case 'paragraph':
        add('Narrative', 'paragraph', 0, block);
        break;
      case 'bullet_list':
        bullets(block, 1);
        break;
      case 'declarations':
        for (const child of children) {
          if (child.type !== 'declaration') add('No declarations', child.type, 0, child);
          else {
            const { kind, action } = attrsOf<{ kind: string; action: DeclarationAction }>(child);
            add('Declaration', 'declaration', 0, child, [
              ['member', attr(child, 'member')],
              ['item', attr(child, 'item')],
              ['kind', declarationKindLabel([], kind)],
              ['what the member did', action === '' ? 'not stated' : declarationActionWords[action]],
            ]);
          }
        }
        break;
      case 'minutes_approval':
        for (const child of children) {
          if (child.type === 'approval_statement') {
            const outcome = attr(block, 'outcome');
            add('Approval of minutes', 'approval_statement', 0, child, [
              ['meeting of', attr(block, 'meetingDate')],
              ['outcome', outcomeWords[outcome] ?? outcome],
            ]);
          } else if (child.type === 'amendment') {
            // The minute and heading amended go with the amendment's first paragraph, so a change shows once.
            (child.content ?? []).forEach((paragraph, index) =>
              add('Amendment', 'amendment', 1, paragraph, index === 0 ? [['minute', attr(child, 'minute')], ['heading', attr(child, 'heading')]] : []),
            );
          } else flow(child.content ?? [], 'Matters arising', 'matters_arising', 0);
        }
        break;
      case 'information_requests':
        for (const child of children) {
          if (child.type === 'request') add('Request', 'request', 1, child, [['asked of', attr(child, 'askedOf')], ['status', attr(child, 'status')]]);
          else add('Requests for information', child.type, 0, child);
        }
        break;
      case 'resolution': {
        let part = 0;
        for (const child of children) {
          if (child.type === 'resolution_preamble') {
            add('Resolution preamble', 'resolution_preamble', 0, child, [['unanimous', yesNo(block.attrs?.['unanimous'])], ['part style', attr(block, 'partStyle')]]);
          } else if (child.type === 'resolution_part') {
            part += 1;
            const [paragraph, nested] = child.content ?? [];
            add(`Resolution part ${part}`, 'resolution_part', 1, paragraph);
            if (nested !== undefined) bullets(nested, 2);
          } else bullets(child, 1);
        }
        break;
      }
      case 'motion': {
        // Who moved it and what became of it go with its first paragraph of words, so a change shows once;
        // the result in the words the minutes print (with the counts), the named vote likewise.
        const motion = attrsOf<MotionAttrs>(block);
        const named = motion.named === null ? '' : namedVoteLine(motion.named);
        const said: [string, string][] = [
          ['mover', motion.mover],
          ['seconder', motion.seconder],
          ['result', resultLine(motion) ?? 'not put'],
          ['named vote', named === '.' ? '' : named],
        ];
        const label = motion.kind === 'amendment' ? 'Amendment moved' : 'Motion';
        const words = children.length === 0 ? [undefined] : children;
        words.forEach((paragraph, index) => add(label, 'motion', 0, paragraph, index === 0 ? said : []));
        break;
      }
      case 'attendance_event': {
        // The sentence as printed: the clerk's words, or the council's sentence for an empty block.
        const text = inlineText(block).trim() === '' ? attendanceEventText(attrsOf<AttendanceEventAttrs>(block)) : inlineText(block);
        add('Coming and going', 'attendance_event', 0, block, [], text);
        break;
      }
      default:
        // The minutes schema has no other blocks; a stored meeting that did would still compare as text.
        add(block.type, block.type, 0, block);
    }
  }
  return leaves;
}

const textWords = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Leaves this similar (Dice over their words) are one leaf edited rather than one removed and another added. */
const LEAF_SIMILARITY_THRESHOLD = 0.4;

/**
 * The best non-crossing pairs between a run of removed leaves and a run of added ones: the same kind of
 * leaf, and the same text (an attribute changed) or similar text. A weighted LCS, as alignItems.
 */
function pairRun(removed: readonly Leaf[], added: readonly Leaf[]): [number | null, number | null][] {
  const removedWords = removed.map((leaf) => textWords(leaf.text));
  const addedWords = added.map((leaf) => textWords(leaf.text));
  const score = (i: number, j: number): number => {
    const [a, b] = [removed[i]!, added[j]!];
    if (a.blockType !== b.blockType) return 0;
    if (a.text === b.text) return 2;
    const similarity = wordSimilarity(removedWords[i]!, addedWords[j]!);
    return similarity >= LEAF_SIMILARITY_THRESHOLD ? similarity : 0;
  };
  return alignByScore(removed.length, added.length, score);
}

const leafAdded = (leaf: Leaf): BlockComparison => ({ kind: 'added', label: leaf.label, blockType: leaf.blockType, depth: leaf.depth, text: insertedText(leaf.text), attributes: [] });
const leafRemoved = (leaf: Leaf): BlockComparison => ({ kind: 'removed', label: leaf.label, blockType: leaf.blockType, depth: leaf.depth, text: deletedText(leaf.text), attributes: [] });

function leafCompared(before: Leaf, after: Leaf): BlockComparison {
  const attributes = after.attributes.flatMap(([name, value], index) => {
    const was = before.attributes[index]?.[1] ?? '';
    return was === value ? [] : [`${name}: ${was === '' ? '(none)' : was} → ${value === '' ? '(none)' : value}`];
  });
  const text = compareText(before.text, after.text);
  // A part renumbered by another part added above it is not edited: its label follows its place.
  const edited = text.changed || attributes.length > 0 || before.depth !== after.depth;
  return { kind: edited ? 'edited' : 'same', label: after.label, blockType: after.blockType, depth: after.depth, text, attributes };
}

/**
 * The leaves of two versions of an item's minutes, paired and compared. A diff over the leaves'
 * signatures finds the unchanged ones cheaply; only within each run of changed leaves are pairs sought
 * by similarity, so an edited leaf pairs with its old self rather than showing as removed and added.
 */
function compareMinutes(before: readonly MinutesNodeJSON[], after: readonly MinutesNodeJSON[]): BlockComparison[] {
  const left = leavesOf(before);
  const right = leavesOf(after);
  const blocks: BlockComparison[] = [];
  let removed: Leaf[] = [];
  let added: Leaf[] = [];
  const flush = () => {
    for (const [i, j] of pairRun(removed, added)) {
      if (i !== null && j !== null) blocks.push(leafCompared(removed[i]!, added[j]!));
      else if (i !== null) blocks.push(leafRemoved(removed[i]!));
      else blocks.push(leafAdded(added[j!]!));
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const change of diffArrays(left.map((leaf) => leaf.signature), right.map((leaf) => leaf.signature))) {
    const count = change.value.length;
    if (change.removed) removed.push(...left.slice(i, (i += count)));
    else if (change.added) added.push(...right.slice(j, (j += count)));
    else {
      flush();
      for (let k = 0; k < count; k++) blocks.push(leafCompared(left[i++]!, right[j++]!));
    }
  }
  flush();
  return blocks;
}

const documentsText = (item: Item): string =>
  item.documents.map((paper) => (paper.sizeKb === null ? paper.title : `${paper.title} (PDF ${paper.sizeKb} KB)`)).join('\n');

const itemFields = (item: Item): Record<ItemComparison['fields'][number]['name'], string> => ({
  source: item.source,
  agendaText: item.agendaText,
  documents: documentsText(item),
  business: businessHeadings[item.business],
});

const place = (items: readonly Item[], index: number) => ({ index, minuteNumber: items[index]!.minuteNumber });

function itemAdded(items: readonly Item[], index: number): ItemComparison {
  const item = items[index]!;
  const blocks = leavesOf(item.minutes).map(leafAdded);
  return { kind: 'added', moved: false, before: null, after: place(items, index), renumbered: false, matchedBy: null, title: insertedText(item.title), fields: [], blocks, changes: 1 };
}

function itemRemoved(items: readonly Item[], index: number): ItemComparison {
  const item = items[index]!;
  const blocks = leavesOf(item.minutes).map(leafRemoved);
  return { kind: 'removed', moved: false, before: place(items, index), after: null, renumbered: false, matchedBy: null, title: deletedText(item.title), fields: [], blocks, changes: 1 };
}

/** The pairs (before index, after index) that keep their order: a longest increasing subsequence, so the fewest items count as moved. */
function inOrder(pairs: readonly (readonly [number, number])[]): Set<number> {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const tails: number[] = []; // tails[k]: index into sorted of the last pair of the best run of length k + 1
  const previous: number[] = new Array(sorted.length).fill(-1);
  sorted.forEach(([, after], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[tails[middle]!]![1] < after) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]!) kept.add(sorted[index]![0]);
  return kept;
}

interface ItemPair {
  before: number;
  after: number;
  basis: AlignmentBasis;
}

/** Items pair by id first (an item keeps its id for life, wherever it moves); the rest as alignItems lines them up. */
function pairItems(before: readonly Item[], after: readonly Item[], sameMeeting: boolean): ItemPair[] {
  const afterById = new Map(after.map((item, index) => [item.id, index]));
  const pairs: ItemPair[] = [];
  const pairedAfter = new Set<number>();
  const restBefore: number[] = [];
  before.forEach((item, index) => {
    const partner = afterById.get(item.id);
    if (partner === undefined || pairedAfter.has(partner)) restBefore.push(index);
    else {
      pairs.push({ before: index, after: partner, basis: 'id' });
      pairedAfter.add(partner);
    }
  });
  const restAfter = after.map((_, index) => index).filter((index) => !pairedAfter.has(index));
  const rows = alignItems(
    restBefore.map((index) => before[index]!),
    restAfter.map((index) => after[index]!),
    { sameMeeting },
  );
  for (const row of rows) {
    if (row.left !== null && row.right !== null && row.basis !== null) pairs.push({ before: restBefore[row.left]!, after: restAfter[row.right]!, basis: row.basis });
  }
  return pairs;
}

function itemCompared(beforeItems: readonly Item[], afterItems: readonly Item[], pair: ItemPair, moved: boolean, sameMeeting: boolean, numberShift: number): ItemComparison {
  const [was, now] = [beforeItems[pair.before]!, afterItems[pair.after]!];
  const title = compareText(was.title, now.title);
  const [wasFields, nowFields] = [itemFields(was), itemFields(now)];
  const fields = (['source', 'agendaText', 'documents', 'business'] as const)
    .filter((name) => wasFields[name] !== nowFields[name])
    .map((name) => ({ name, text: compareText(wasFields[name], nowFields[name]) }));
  const blocks = compareMinutes(was.minutes, now.minutes);
  const changedBlocks = blocks.filter((block) => block.kind !== 'same').length;
  const renumbered = sameMeeting && was.minuteNumber !== now.minuteNumber;
  // A number that only followed the item to its new place (an item added, removed or moved above it, or
  // the first minute number changed) is shown but not stepped through: the change that caused it is.
  const numberFollowedPlace = now.minuteNumber - was.minuteNumber === pair.after - pair.before + numberShift;
  const edited = title.changed || fields.length > 0 || changedBlocks > 0;
  const changes = (moved || (renumbered && !numberFollowedPlace) ? 1 : 0) + (title.changed ? 1 : 0) + fields.length + changedBlocks;
  return {
    kind: edited ? 'edited' : 'same',
    moved,
    before: place(beforeItems, pair.before),
    after: place(afterItems, pair.after),
    renumbered,
    matchedBy: pair.basis,
    title,
    fields,
    blocks,
    changes,
  };
}

/** Display order: the after meeting's order, each removed item after the kept item that stood before it (at the top when none did). */
function compareItems(before: readonly Item[], after: readonly Item[], sameMeeting: boolean): ItemComparison[] {
  const pairs = pairItems(before, after, sameMeeting);
  const kept = inOrder(pairs.map((pair) => [pair.before, pair.after] as const));
  const numberShift = (after[0]?.minuteNumber ?? 0) - (before[0]?.minuteNumber ?? 0);
  const byAfter = new Map(pairs.map((pair) => [pair.after, pair]));
  const pairedBefore = new Set(pairs.map((pair) => pair.before));
  // Removed items wait for the kept, unmoved item above them; -1 is the top of the meeting.
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  before.forEach((_, index) => {
    if (kept.has(index)) anchor = index;
    else if (!pairedBefore.has(index)) removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), index]);
  });
  const items: ItemComparison[] = (removedAfter.get(-1) ?? []).map((index) => itemRemoved(before, index));
  after.forEach((_, index) => {
    const pair = byAfter.get(index);
    if (pair === undefined) {
      items.push(itemAdded(after, index));
      return;
    }
    items.push(itemCompared(before, after, pair, !kept.has(pair.before), sameMeeting, numberShift));
    if (kept.has(pair.before)) for (const removed of removedAfter.get(pair.before) ?? []) items.push(itemRemoved(before, removed));
  });
  return items;
}

const attendanceLists = ['members', 'coOpted', 'invited', 'otherMembers', 'employees', 'apologies', 'substitutes'] as const satisfies readonly (keyof Attendance)[];

/**
 * Who came and went between the two attendances, list by list. People match by name; a person whose
 * name changed but who keeps their place in the list and everything else about them is one person
 * renamed ('edited'), as is a person whose chair, vote, capacity, portfolio, directorate, note or
 * substitution changed.
 */
function compareAttendance(before: Attendance, after: Attendance): AttendanceChange[] {
  const changes: AttendanceChange[] = [];
  for (const list of attendanceLists) {
    const was: readonly { name: string }[] = before[list];
    const now: readonly { name: string }[] = after[list];
    const entry = (person: { name: string }) => attendanceEntry(list, person as Attendance[typeof list][number]);
    const rest = (person: { name: string }) => JSON.stringify({ ...person, name: '' });
    const matchedNow = new Set<number>();
    const partnerOf = was.map((person) => {
      const index = now.findIndex((other, at) => !matchedNow.has(at) && other.name === person.name);
      if (index >= 0) matchedNow.add(index);
      return index;
    });
    // A renamed person: same place, nothing else changed, and neither name found on the other side.
    was.forEach((person, index) => {
      const other = now[index];
      if (partnerOf[index] === -1 && other !== undefined && !matchedNow.has(index) && rest(other) === rest(person)) {
        partnerOf[index] = index;
        matchedNow.add(index);
      }
    });
    was.forEach((person, index) => {
      const partner = partnerOf[index]!;
      if (partner === -1) changes.push({ list, kind: 'removed', before: entry(person), after: null });
      else if (JSON.stringify(person) !== JSON.stringify(now[partner])) changes.push({ list, kind: 'edited', before: entry(person), after: entry(now[partner]!) });
    });
    now.forEach((person, index) => {
      if (!matchedNow.has(index)) changes.push({ list, kind: 'added', before: null, after: entry(person) });
    });
  }
  return changes;
}

// As the minutes print them ("13 July 2017", "2.00 pm"), not as they are stored.
const detailText: { [Field in DetailChange['field']]: (meeting: Meeting) => string } = {
  date: (meeting) => formatProseDate(meeting.date),
  startTime: (meeting) => (meeting.startTime === null ? '' : formatClockTime(meeting.startTime)),
  closingTime: (meeting) => (meeting.closingTime === null ? '' : formatClockTime(meeting.closingTime)),
  venue: (meeting) => meeting.venue,
  contact: (meeting) => [meeting.contact.name, meeting.contact.phone, meeting.contact.email].filter((part) => part.trim() !== '').join(', '),
  firstMinuteNumber: (meeting) => (meeting.firstMinuteNumber === null ? '' : String(meeting.firstMinuteNumber)),
  status: (meeting) => meeting.status,
};

/**
 * Compares two meetings: two versions of one meeting (items pair by id, and an item whose place among
 * the kept items changed is `moved`), or two meetings (items pair as alignItems lines them up). Minute
 * numbers are compared only between records of one meeting (the same id, or the same committee and
 * date). Each item's minutes are compared leaf by leaf and word by word (see compareMinutes);
 * changeCount counts the steps a reader goes through: each changed block, item title and item field,
 * each added, removed or moved item (and each renumbering its place does not explain), each detail and
 * each attendance change. Pure and synchronous; about linear in the meetings' size when little changed.
 */
export function compareMeetings(before: Meeting, after: Meeting): MeetingComparison {
  const sameMeeting = before.id === after.id || (before.committeeId === after.committeeId && before.date === after.date);
  // Two different meetings differ in status and numbering as a matter of course: only a record's own versions are compared on them.
  const details = (Object.keys(detailText) as DetailChange['field'][])
    .filter((field) => sameMeeting || (field !== 'status' && field !== 'firstMinuteNumber'))
    .map((field) => ({ field, before: detailText[field](before), after: detailText[field](after) }))
    .filter((change) => change.before !== change.after);
  const attendance = compareAttendance(before.attendance, after.attendance);
  const items = compareItems(before.items, after.items, sameMeeting);
  return {
    before: { meetingId: before.id, revision: before.revision, date: before.date },
    after: { meetingId: after.id, revision: after.revision, date: after.date },
    sameMeeting,
    details,
    attendance,
    items,
    changeCount: details.length + attendance.length + items.reduce((total, item) => total + item.changes, 0),
  };
}
