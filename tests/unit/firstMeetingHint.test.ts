// The Getting started hint belongs to the clerk's first meeting (issue 13, part 1), not to every meeting.
import { describe, expect, it } from 'vitest';
import { hintShowsOn } from '../../renderer/src/meeting/FirstMeetingHint.js';

const storage = (kept: Record<string, string> = {}) => ({
  kept,
  getItem: (key: string) => kept[key] ?? null,
  setItem: (key: string, value: string) => {
    kept[key] = value;
  },
});

describe('hintShowsOn', () => {
  it('shows on the first meeting asked about, keeps showing there, and never on another', () => {
    const store = storage();
    expect(hintShowsOn('first', store)).toBe(true);
    expect(hintShowsOn('second', store)).toBe(false);
    expect(hintShowsOn('first', store)).toBe(true);
  });

  it('shows nowhere once dismissed', () => {
    expect(hintShowsOn('first', storage({ 'minute-book:first-meeting-hint': 'dismissed' }))).toBe(false);
  });

  it('shows no hint when the storage cannot be used, rather than one on every meeting', () => {
    const broken = {
      getItem: () => {
        throw new Error('storage disabled');
      },
      setItem: () => undefined,
    };
    expect(hintShowsOn('first', broken)).toBe(false);
  });
});
