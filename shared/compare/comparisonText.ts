// A comparison as plain text, marked as git's word diff marks it: [-deleted-]{+inserted+}. For the
// command line and for pasting into an email.
import type { BlockComparison, ItemComparison, MeetingComparison, TextComparison } from './compareMeetings.js';
import { attendanceListNames, blockChangeNote, detailNames, itemHeading, itemNotes } from './comparisonWords.js';

/** "[-a future-]{+the next+}": deletions in [- -], insertions in {+ +}, the rest as it was. */
export const markedText = (text: TextComparison): string =>
  text.parts.map((part) => (part.kind === 'deleted' ? `[-${part.text}-]` : part.kind === 'inserted' ? `{+${part.text}+}` : part.text)).join('');

const blockLine = (block: BlockComparison): string => {
  const note = blockChangeNote(block);
  return `${'  '.repeat(block.depth + 1)}${block.label}: ${markedText(block.text)}${note === '' ? '' : `  (${note})`}`;
};

function itemLines(item: ItemComparison, all: boolean): string[] {
  const notes = itemNotes(item);
  const lines = [`${itemHeading(item)}${notes.length === 0 ? '' : `  — ${notes.join('; ')}`}`];
  if (item.before !== null && item.after !== null && item.title.changed) lines.push(`  title: ${markedText(item.title)}`);
  for (const field of item.fields) lines.push(`  ${field.name}: ${markedText(field.text)}`);
  for (const block of item.blocks) if (all || block.kind !== 'same') lines.push(blockLine(block));
  return lines;
}

/**
 * The comparison as text: a heading naming both meetings, then the details, the attendance and the
 * items that changed (with only their changed blocks, unless `all`), each marked [-deleted-]{+inserted+}.
 * Ends with a newline.
 */
export function comparisonText(comparison: MeetingComparison, options: { all?: boolean } = {}): string {
  const { before, after } = comparison;
  const lines = [`Comparing ${before.date} (revision ${before.revision}) with ${after.date} (revision ${after.revision}): ${comparison.changeCount} change${comparison.changeCount === 1 ? '' : 's'}`];
  if (comparison.details.length > 0) {
    lines.push('', 'Details');
    for (const detail of comparison.details) lines.push(`  ${detailNames[detail.field]}: [-${detail.before}-]{+${detail.after}+}`);
  }
  if (comparison.attendance.length > 0) {
    lines.push('', 'Attendance');
    for (const change of comparison.attendance) {
      const list = attendanceListNames[change.list];
      if (change.kind === 'added') lines.push(`  ${list}: {+${change.after}+}`);
      else if (change.kind === 'removed') lines.push(`  ${list}: [-${change.before}-]`);
      else lines.push(`  ${list}: [-${change.before}-]{+${change.after}+}`);
    }
  }
  const items = comparison.items.filter((item) => options.all === true || item.changes > 0 || item.kind !== 'same' || item.moved || item.renumbered);
  for (const item of items) lines.push('', ...itemLines(item, options.all === true));
  return `${lines.join('\n')}\n`;
}
