// The hand-written seed fixtures are valid meeting files: the stored shape parses and every item's minutes
// fit the editor schema. Their numbering and committee match the published pages.
import { describe, expect, it } from 'vitest';
import { parseMeetingFile } from '../../shared/model/files.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { item002 } from '../fixtures/seed002.js';
import { meeting004 } from '../fixtures/seed004.js';

const range = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, index) => first + index);

const parses = (meeting: Meeting): void => {
  expect(() => parseMeetingFile({ schemaVersion: 1, meeting }, 'x')).not.toThrow();
};

describe('seed fixtures', () => {
  it('seed 001 (27 April 2017) is a valid meeting, minutes 79–87', () => {
    parses(meeting001);
    expect(meeting001.items).toHaveLength(9);
    expect(meeting001.items.map((item) => item.minuteNumber)).toEqual(range(79, 87));
    expect(meeting001.firstMinuteNumber).toBe(79);
    expect(meeting001.committeeId).toBe(committee001.id);
  });

  it('seed 004 (13 July 2017) is a valid meeting of the same board, minutes 5–10', () => {
    parses(meeting004);
    expect(meeting004.items).toHaveLength(6);
    expect(meeting004.items.map((item) => item.minuteNumber)).toEqual(range(5, 10));
    expect(meeting004.firstMinuteNumber).toBe(5);
    expect(meeting004.committeeId).toBe(committee001.id);
    expect(meeting004.committeeId).toBe(meeting001.committeeId);
  });

  it('seed 002 (one agenda item) is a valid item', () => {
    parses({ ...meeting001, items: [item002] });
    expect(item002.minuteNumber).toBe(1);
  });

  it('ids are distinct across the fixtures', () => {
    const ids = [meeting001, meeting004].flatMap((meeting) => meeting.items.map((item) => item.id)).concat(item002.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(meeting001.id).not.toBe(meeting004.id);
  });
});
