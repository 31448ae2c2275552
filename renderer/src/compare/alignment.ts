// What the alignment of two meetings' items (shared/compare/alignItems.ts) means for the two panes:
// where each pane shows a gap for the other's unmatched items, and which item of one pane stands
// beside an item of the other.
import type { AlignedRow } from '../../../shared/compare/alignItems.js';
import type { Item } from '../../../shared/model/meeting.js';
import type { AlignmentGap } from '../editor/alignmentPlugin.js';

export type Side = 'left' | 'right';
export const otherSide = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/**
 * The counterpart, in the other pane, of this pane's item `index`: the aligned item, or else the
 * nearest item above with one (null when none is). Rows are in reading order (shared/compare/alignItems.ts).
 */
export function counterpart(rows: readonly AlignedRow[], side: Side, index: number): { index: number; exact: boolean } | null {
  const at = rows.findIndex((row) => row[side] === index);
  if (at < 0) return null;
  const exact = rows[at]![otherSide(side)];
  if (exact !== null) return { index: exact, exact: true };
  for (let row = at - 1; row >= 0; row--) {
    const before = rows[row]![otherSide(side)];
    if (before !== null) return { index: before, exact: false };
  }
  return null;
}

/** Where in one pane the other's unmatched items stand, with the words the gap shows. */
export function gapsFor(rows: readonly AlignedRow[], side: Side, otherItems: readonly Item[]): AlignmentGap[] {
  const gaps: AlignmentGap[] = [];
  let pending: string[] = [];
  let next = 0;
  for (const row of rows) {
    const mine = row[side];
    const theirs = row[otherSide(side)];
    if (mine === null && theirs !== null) {
      const item = otherItems[theirs];
      // Numbered as that pane prints it, so the clerk finds it there.
      pending.push(`${item?.minuteNumber ?? theirs + 1}. ${item?.title.trim() || 'Untitled item'}`);
      continue;
    }
    if (mine !== null) {
      if (pending.length > 0) gaps.push({ beforeIndex: mine, labels: pending });
      pending = [];
      next = mine + 1;
    }
  }
  if (pending.length > 0) gaps.push({ beforeIndex: next, labels: pending });
  return gaps;
}

