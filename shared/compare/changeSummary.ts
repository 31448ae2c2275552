// What a save changed, in one line a clerk can read in a version list: "Minute 83 resolution edited;
// minute 85 added (Budget Monitoring)". Items are matched by id (an item keeps its id for life) and named
// by their minute number as that save numbered them, as the minutes print it.
import type { Item, Meeting, MinutesNodeJSON } from '../model/meeting.js';

/** The clerk's words for each kind of block of minutes (shared/editor/schema.ts). */
const blockNames: Record<string, string> = {
  paragraph: 'narrative',
  bullet_list: 'list',
  declarations: 'declarations',
  minutes_approval: 'approval of minutes',
  information_requests: 'requests for information',
  resolution: 'resolution',
};

/** How many changes the line names before it says "and N more". */
const NAMED_CHANGES = 3;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const blockName = (block: MinutesNodeJSON): string => blockNames[block.type] ?? 'minutes';

/** The parts of one item that differ: its title, source, agenda text, documents and kinds of block. */
function itemChanges(before: Item, after: Item): string[] {
  const parts: string[] = [];
  if (before.title !== after.title) parts.push('title');
  if (before.source !== after.source) parts.push('source');
  if (before.agendaText !== after.agendaText) parts.push('agenda text');
  if (!same(before.documents, after.documents)) parts.push('documents');
  if (before.business !== after.business) parts.push('business');
  const edited = new Set<string>();
  const length = Math.max(before.minutes.length, after.minutes.length);
  if (before.minutes.length !== after.minutes.length && !same(before.minutes.map(blockName), after.minutes.map(blockName))) {
    // Blocks added or removed: name the kinds that appear in one version only. Each block is written out
    // once, so an item of thousands of paragraphs costs a pass, not a comparison of every pair.
    const written = (blocks: readonly MinutesNodeJSON[]) => blocks.map((block) => ({ block, text: JSON.stringify(block) }));
    const earlier = written(before.minutes);
    const later = written(after.minutes);
    const inBefore = new Set(earlier.map(({ text }) => text));
    const inAfter = new Set(later.map(({ text }) => text));
    for (const { block, text } of [...earlier, ...later]) if (!inBefore.has(text) || !inAfter.has(text)) edited.add(blockName(block));
  } else {
    for (let index = 0; index < length; index += 1) {
      const a = before.minutes[index];
      const b = after.minutes[index];
      if (!same(a, b)) edited.add(blockName((b ?? a)!));
    }
  }
  return [...parts, ...edited];
}

/**
 * One line saying what changed between two saves of a meeting: items added, removed, moved and edited
 * (naming the item by its minute number and the kind of block: "Minute 83 resolution edited"), attendance, and the meeting's details.
 * `before` null means the meeting is new ("Meeting created"). Answers "No changes" when the two are the
 * same apart from revision and time of saving.
 */
export function describeChanges(before: Meeting | null, after: Meeting): string {
  if (before === null) return 'Meeting created';
  const changes: string[] = [];
  const details = (['date', 'startTime', 'closingTime', 'venue', 'contact', 'firstMinuteNumber'] as const).filter(
    (field) => !same(before[field], after[field]),
  );
  if (details.length > 0) changes.push(`${detailNames(details)} changed`);
  if (!same(before.attendance, after.attendance)) changes.push('Attendance changed');
  if (before.status !== after.status) changes.push(`Status ${before.status} → ${after.status}`);

  const earlier = new Map(before.items.map((item) => [item.id, { item }]));
  const later = new Set(after.items.map((item) => item.id));
  const keptOrderBefore = before.items.filter((item) => later.has(item.id)).map((item) => item.id);
  const keptOrderAfter = after.items.filter((item) => earlier.has(item.id)).map((item) => item.id);
  after.items.forEach((item) => {
    const was = earlier.get(item.id);
    const label = `Minute ${item.minuteNumber}`;
    if (was === undefined) {
      changes.push(`${label} added${item.title.trim() === '' ? '' : ` (${item.title.trim()})`}`);
      return;
    }
    const edited = itemChanges(was.item, item);
    if (edited.length > 0) changes.push(`${label} ${edited.join(', ')} edited`);
  });
  before.items.forEach((item) => {
    if (!later.has(item.id)) changes.push(`Minute ${item.minuteNumber} removed${item.title.trim() === '' ? '' : ` (${item.title.trim()})`}`);
  });
  if (!same(keptOrderBefore, keptOrderAfter)) changes.push('Items reordered');

  if (changes.length === 0) return 'No changes';
  const named = changes.slice(0, NAMED_CHANGES).map((change, index) => (index === 0 ? change : lowerFirst(change)));
  const more = changes.length - named.length;
  return `${named.join('; ')}${more > 0 ? `; and ${more} more change${more === 1 ? '' : 's'}` : ''}`;
}

const detailLabels: Record<string, string> = {
  date: 'date',
  startTime: 'start time',
  closingTime: 'closing time',
  venue: 'venue',
  contact: 'contact',
  firstMinuteNumber: 'first minute number',
};

function detailNames(fields: readonly string[]): string {
  const names = fields.map((field) => detailLabels[field] ?? field);
  const text = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
