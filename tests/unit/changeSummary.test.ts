import { describe, expect, it, vi } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { describeChanges } from '../../shared/compare/changeSummary.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { meeting003 } from '../fixtures/seed003.js';

const copy = (meeting: Meeting): Meeting => structuredClone(meeting);

describe('describeChanges', () => {
  it('names a new meeting and an unchanged one', () => {
    expect(describeChanges(null, meeting003)).toBe('Meeting created');
    expect(describeChanges(meeting003, { ...copy(meeting003), revision: 9, updatedAt: '2026-01-01T00:00:00.000Z' })).toBe('No changes');
  });

  it('names the item by its minute number and the kind of block edited', () => {
    const after = copy(meeting003);
    const at = after.items.findIndex((item) => item.minutes.some((block) => block.type === 'resolution'));
    const resolution = after.items[at]!.minutes.find((block) => block.type === 'resolution')!;
    resolution.attrs = { ...resolution.attrs, unanimous: !resolution.attrs?.['unanimous'] };
    expect(describeChanges(meeting003, after)).toBe(`Minute ${after.items[at]!.minuteNumber} resolution edited`);
  });

  it('names items added, removed and moved, attendance and details, and counts the rest', () => {
    const after = copy(meeting003);
    const [first, second] = after.items;
    after.items[0] = second!;
    after.items[1] = first!;
    expect(describeChanges(meeting003, after)).toBe('Items reordered');

    const fewer = copy(meeting003);
    const removed = fewer.items.pop()!;
    fewer.venue = 'Room 2';
    fewer.attendance.apologies.push({ name: 'Councillor Test', note: '' });
    fewer.items.push({ ...removed, id: 'new-item', title: 'Budget Monitoring' });
    fewer.items.push({ ...removed, id: 'newer-item', title: '' });
    expect(describeChanges(meeting003, fewer)).toBe(
      `Venue changed; attendance changed; minute ${removed.minuteNumber} added (Budget Monitoring); and 2 more changes`,
    );
  });

  it('names blocks added to a long item, writing each block out once however many there are (a 3,000-paragraph item once took 33 s to save)', () => {
    const withParagraphs = (count: number): Meeting => {
      const meeting = copy(meeting003);
      meeting.items[2]!.minutes = Array.from({ length: count }, (_, index) => blocks.paragraph(`Paragraph ${index} of a long item.`));
      return meeting;
    };
    const stringify = vi.spyOn(JSON, 'stringify');
    const written = (before: Meeting, after: Meeting): number => {
      stringify.mockClear();
      expect(describeChanges(before, after)).toBe(`Minute ${after.items[2]!.minuteNumber} narrative edited`);
      return stringify.mock.calls.length;
    };
    const few = written(withParagraphs(10), withParagraphs(20));
    const many = written(withParagraphs(1000), withParagraphs(2000));
    stringify.mockRestore();
    // Linear: a hundred times the blocks, about a hundred times the writing (pairs would be ten thousand times).
    expect(many / few).toBeLessThan(150);
  });
});
