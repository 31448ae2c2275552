import { describe, expect, it } from 'vitest';
import { alignItems } from '../../shared/compare/alignItems.js';
import { counterpart, gapsFor } from '../../renderer/src/compare/alignment.js';
import { meeting001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';

describe('what the alignment means for the panes', () => {
  const rows = alignItems(meeting001.items, meeting004.items);

  it('puts a gap in each pane for every item only the other has, numbered as the other prints it', () => {
    const gapsLeft = gapsFor(rows, 'left', meeting004.items);
    const gapsRight = gapsFor(rows, 'right', meeting001.items);
    const onlyRight = rows.filter((row) => row.left === null).map((row) => meeting004.items[row.right!]!);
    const onlyLeft = rows.filter((row) => row.right === null).map((row) => meeting001.items[row.left!]!);
    expect(gapsLeft.flatMap((gap) => gap.labels)).toEqual(onlyRight.map((item) => `${item.minuteNumber}. ${item.title}`));
    expect(gapsRight.flatMap((gap) => gap.labels)).toEqual(onlyLeft.map((item) => `${item.minuteNumber}. ${item.title}`));
    // Each gap stands before the next item its pane does have, in reading order.
    for (const gap of gapsLeft) expect(gap.beforeIndex).toBeLessThanOrEqual(meeting001.items.length);
    expect(gapsLeft.map((gap) => gap.beforeIndex)).toEqual([...gapsLeft.map((gap) => gap.beforeIndex)].sort((a, b) => a - b));
  });

  it('finds the aligned item, or the nearest aligned one above a gap', () => {
    const rowsWithGap = [
      { left: 0, right: 0, basis: 'standard' as const },
      { left: 1, right: null, basis: null },
      { left: null, right: 1, basis: null },
      { left: 2, right: 2, basis: 'title' as const },
    ];
    expect(counterpart(rowsWithGap, 'left', 0)).toEqual({ index: 0, exact: true });
    expect(counterpart(rowsWithGap, 'left', 1)).toEqual({ index: 0, exact: false });
    expect(counterpart(rowsWithGap, 'right', 1)).toEqual({ index: 1, exact: false });
    expect(counterpart(rowsWithGap, 'right', 2)).toEqual({ index: 2, exact: true });
    expect(counterpart(rowsWithGap, 'left', 9)).toBeNull();
    expect(counterpart([{ left: null, right: 0, basis: null }], 'right', 0)).toBeNull();
  });
});
