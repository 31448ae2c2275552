// Aligning two meetings' items for the side-by-side view, on the seeds and on meetings built from them.
import { describe, expect, it } from 'vitest';
import { alignItems, standardItemOf, type AlignedRow } from '../../shared/compare/alignItems.js';
import type { Item, Meeting } from '../../shared/model/meeting.js';
import { numberItems } from '../../shared/numbering.js';
import { meetingFromStandardAgenda } from '../../shared/standardAgenda.js';
import { p, resolved } from '../fixtures/minutesJson.js';
import { meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';

/** Each row as "left title | right title (basis)", for readable expectations. */
const described = (left: readonly Item[], right: readonly Item[], rows: AlignedRow[]) =>
  rows.map((row) => `${row.left === null ? '—' : left[row.left]!.title} | ${row.right === null ? '—' : right[row.right]!.title}${row.basis ? ` (${row.basis})` : ''}`);

/** Every index of both sides appears once, in order: the two columns read as the meetings do. */
function expectOrderPreserving(rows: AlignedRow[], leftCount: number, rightCount: number) {
  expect(rows.map((row) => row.left).filter((index) => index !== null)).toEqual([...Array(leftCount).keys()]);
  expect(rows.map((row) => row.right).filter((index) => index !== null)).toEqual([...Array(rightCount).keys()]);
  for (const row of rows) expect(row.basis === null).toBe(row.left === null || row.right === null);
}

let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const substantive = (title: string): Item => ({
  id: newId(),
  minuteNumber: 1,
  title,
  source: 'Briefing Note of the Director of Children’s Services',
  business: 'public',
  agendaText: '',
  documents: [],
  minutes: [p('The Board received a briefing note.'), resolved('the Board noted the report.')],
});

/** The committee's next meeting: the standard agenda (in its usual wordings) with this meeting's business in the middle. */
function laterMeeting(): Meeting {
  const meeting = meetingFromStandardAgenda(committee003, {
    id: '7a1d9c44-2b6e-4c8f-a3d0-5f4e2c1b0103',
    date: '2022-12-08',
    startTime: '14:00',
    venue: 'Diamond Room 2 - Council House',
    previousMeetingDate: meeting003.date,
    now: '2022-12-01T09:00:00.000Z',
    newId,
  });
  const [declarations, minutes, outstanding, work, aob] = meeting.items;
  minutes!.title = 'Minutes of the previous meeting held on 20 October 2022';
  aob!.title = 'AOB';
  meeting.items = numberItems(
    [declarations!, minutes!, substantive("Children's Services Ofsted Outcome – Development Plan"), substantive('Child Sexual Abuse Inquiry'), outstanding!, work!, aob!],
    7,
  );
  return meeting;
}

describe('standardItemOf', () => {
  it('knows the standard items under the wordings councils use, and nothing else', () => {
    expect(standardItemOf('Declaration of interests')).toBe('Declarations of Interests');
    expect(standardItemOf('DECLARATIONS OF INTEREST')).toBe('Declarations of Interests');
    expect(standardItemOf('Minutes of the previous meeting')).toBe('Minutes');
    expect(standardItemOf('Minutes of the meeting held on 6th April, 2017')).toBe('Minutes');
    expect(standardItemOf('A.O.B.')).toBe('Any Other Business');
    expect(standardItemOf('Apologies for absence')).toBe('Apologies');
    expect(standardItemOf('Improvement Board')).toBeNull();
    expect(standardItemOf('')).toBeNull();
  });
});

describe('alignItems', () => {
  it('lines up seed 001 beside seed 003: the standard items, similar titles, and gaps for the rest', () => {
    const rows = alignItems(meeting001.items, meeting003.items);
    expectOrderPreserving(rows, meeting001.items.length, meeting003.items.length);
    expect(described(meeting001.items, meeting003.items, rows)).toEqual([
      'Declarations of Interests | Declarations of Interests (standard)',
      'Minutes | Minutes (standard)',
      'One Strategic Plan for School Organisation | —',
      'Improving Quality and Performance of Social Workers | —',
      // Both about Children's Services: two of their three and four words are the same.
      '— | Co-option of Other Faiths Representatives to the Scrutiny Board',
      "Commissioned Children's Services | Children's Services Ofsted Outcome (title)",
      'Improvement Board | —',
      'Outstanding Issues | Work Programme and Outstanding Issues (title)',
      'Work Programme | —',
      'Any Other Business | Any Other Business (standard)',
    ]);
  });

  it('lines up seed 001 beside seed 004, the same committee a municipal year apart', () => {
    const rows = alignItems(meeting001.items, meeting004.items);
    expectOrderPreserving(rows, meeting001.items.length, meeting004.items.length);
    const matched = rows.filter((row) => row.basis !== null).map((row) => `${meeting001.items[row.left!]!.title} (${row.basis})`);
    expect(matched).toEqual(['Declarations of Interests (standard)', 'Minutes (standard)', 'Improvement Board (title)', 'Work Programme (standard)', 'Any Other Business (standard)']);
  });

  it('lines up a meeting beside the committee’s next one, whose standard items are worded differently', () => {
    const later = laterMeeting();
    const rows = alignItems(meeting003.items, later.items);
    expectOrderPreserving(rows, meeting003.items.length, later.items.length);
    expect(described(meeting003.items, later.items, rows)).toEqual([
      'Declarations of Interests | Declarations of Interests (standard)',
      'Minutes | Minutes of the previous meeting held on 20 October 2022 (standard)',
      'Co-option of Other Faiths Representatives to the Scrutiny Board | —',
      "Children's Services Ofsted Outcome | Children's Services Ofsted Outcome – Development Plan (title)",
      '— | Child Sexual Abuse Inquiry',
      'Work Programme and Outstanding Issues | Outstanding Issues (title)',
      '— | Work Programme',
      'Any Other Business | AOB (standard)',
    ]);
  });

  it('matches versions of one meeting by id, through new, removed and retitled items', () => {
    const after = structuredClone(meeting003);
    after.items[3]!.title = 'Ofsted re-inspection';
    const removed = after.items.splice(2, 1)[0]!;
    after.items.splice(4, 0, substantive('Youth Justice Plan'));
    const rows = alignItems(meeting003.items, after.items);
    expectOrderPreserving(rows, meeting003.items.length, after.items.length);
    expect(rows.filter((row) => row.right === null).map((row) => meeting003.items[row.left!]!.id)).toEqual([removed.id]);
    expect(rows.filter((row) => row.left === null).map((row) => after.items[row.right!]!.title)).toEqual(['Youth Justice Plan']);
    for (const row of rows.filter((row) => row.basis !== null)) {
      expect(row.basis).toBe('id');
      expect(after.items[row.right!]!.id).toBe(meeting003.items[row.left!]!.id);
    }
  });

  it('keeps both columns in order when items were reordered, matching the most it can', () => {
    const after = structuredClone(meeting003);
    const [moved] = after.items.splice(4, 1);
    after.items.splice(2, 0, moved!);
    const rows = alignItems(meeting003.items, after.items);
    expectOrderPreserving(rows, meeting003.items.length, after.items.length);
    // Five of six items stay matched; the moved one faces a gap on each side.
    expect(rows.filter((row) => row.basis === 'id')).toHaveLength(5);
    expect(rows.filter((row) => row.basis === null).map((row) => (row.left === null ? after.items[row.right!]!.id : meeting003.items[row.left]!.id))).toEqual([moved!.id, moved!.id]);
  });

  it('matches by minute number only for two records of the same meeting', () => {
    const imported = structuredClone(meeting004);
    imported.items = imported.items.map((item) => ({ ...item, id: newId(), title: item.title === 'Support to Young Carers' ? 'Young Carers' : `${item.title.toUpperCase()} (imported)` }));
    const same = alignItems(meeting004.items, imported.items, { sameMeeting: true });
    expect(same.map((row) => row.basis)).toEqual(meeting004.items.map(() => 'minute'));
    const apart = alignItems(meeting004.items, imported.items);
    expect(apart.find((row) => row.left === 2)?.basis).toBe('title');
    expect(apart.some((row) => row.basis === 'minute')).toBe(false);
  });

  it('never matches empty titles with each other, and copes with empty meetings', () => {
    const blank = (id: string): Item => ({ ...substantive(''), id });
    const rows = alignItems([blank('a'), blank('b')], [blank('c')]);
    expect(rows.map((row) => row.basis)).toEqual([null, null, null]);
    expect(alignItems([], [])).toEqual([]);
    expect(alignItems(meeting003.items, [])).toHaveLength(meeting003.items.length);
  });

  it('aligns two 150-item meetings quickly', () => {
    const titles = (count: number, shift: number) =>
      Array.from({ length: count }, (_, index) => substantive(`Report on ward ${['north', 'south', 'east', 'west', 'central'][index % 5]} project ${['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma', 'kappa'][(index + shift) % 7]} ${index}`));
    const left = titles(150, 0);
    const right = titles(150, 1);
    const start = performance.now();
    const rows = alignItems(left, right);
    expect(performance.now() - start).toBeLessThan(500);
    expectOrderPreserving(rows, 150, 150);
  });
});
