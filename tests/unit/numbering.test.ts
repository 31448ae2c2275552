import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberingStyleFrom } from '../../shared/model/committee.js';
import { summarise, type Meeting } from '../../shared/model/meeting.js';
import {
  continuingMinuteNumber,
  firstMinuteNumberOf,
  formatMinuteNumber,
  minuteCitation,
  minuteYearsOf,
  municipalYearLabel,
  municipalYearOf,
  numberItems,
} from '../../shared/numbering.js';
import { aCommittee, aMeeting, items } from './builders.js';

/** Numbers a meeting the way the library does when it saves it. */
function numbered(meeting: Meeting, library: Meeting[], startMonth: number): Meeting {
  const continuing = continuingMinuteNumber(meeting, library.map(summarise), startMonth);
  return { ...meeting, items: numberItems(meeting.items, firstMinuteNumberOf(meeting, continuing)) };
}

describe('the municipal-year boundary of seeds 001 and 004', () => {
  const committee = aCommittee();
  const startMonth = committee.municipalYearStartMonth;
  // Seed 001: 27 April 2017, items 79–87. Its earlier meetings are not in the library, so the clerk set 79.
  const april = aMeeting(committee, { date: '2017-04-27', startTime: '14:00', firstMinuteNumber: 79, items: items(9) });
  // The meeting of 29 June 2017 whose minutes seed 004 agrees: the first of 2017/18, items 1–4.
  const june = aMeeting(committee, { date: '2017-06-29', startTime: '14:00', items: items(4) });
  // Seed 004: 13 July 2017, items 5–10.
  const july = aMeeting(committee, { date: '2017-07-13', startTime: '10:00', items: items(6) });

  const library: Meeting[] = [];
  for (const meeting of [april, june, july]) library.push(numbered(meeting, library, startMonth));
  const [numberedApril, numberedJune, numberedJuly] = library as [Meeting, Meeting, Meeting];
  const printed = (meeting: Meeting, style: 'plain' | 'with-year') =>
    meeting.items.map((item) => formatMinuteNumber(item.minuteNumber, minuteYearsOf(meeting.date, startMonth), numberingStyleFrom(style)));

  it('puts April 2017 in 2016/17 and July 2017 in 2017/18', () => {
    expect(municipalYearLabel(municipalYearOf(april.date, startMonth))).toBe('2016/17');
    expect(municipalYearLabel(municipalYearOf(july.date, startMonth))).toBe('2017/18');
  });

  it('numbers seed 001 79–87 and restarts at 1 in the new municipal year', () => {
    expect(numberedApril.items.map((item) => item.minuteNumber)).toEqual([79, 80, 81, 82, 83, 84, 85, 86, 87]);
    expect(numberedJune.items.map((item) => item.minuteNumber)).toEqual([1, 2, 3, 4]);
  });

  it('continues seed 004 from the earlier meeting of its year: 5–10', () => {
    expect(numberedJuly.items.map((item) => item.minuteNumber)).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it('prints the plain style as on the Agenda and minutes page', () => {
    expect(printed(numberedApril, 'plain')).toEqual(['79.', '80.', '81.', '82.', '83.', '84.', '85.', '86.', '87.']);
    expect(printed(numberedJuly, 'plain')).toEqual(['5.', '6.', '7.', '8.', '9.', '10.']);
  });

  it('prints the number/year style as minutes cite each other ("Minute 59/16", "Minute 3/17")', () => {
    expect(printed(numberedApril, 'with-year')).toEqual(['79/16', '80/16', '81/16', '82/16', '83/16', '84/16', '85/16', '86/16', '87/16']);
    expect(printed(numberedJuly, 'with-year')).toEqual(['5/17', '6/17', '7/17', '8/17', '9/17', '10/17']);
    expect(minuteCitation(3, municipalYearOf(june.date, startMonth))).toBe('3/17');
  });

  it('renumbers a draft when an item is added, removed or moved', () => {
    const withExtra = numberItems([...numberedJuly.items, ...items(1)], 5);
    expect(withExtra.map((item) => item.minuteNumber)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    const withoutSecond = numberItems(numberedJuly.items.filter((_, index) => index !== 1), 5);
    expect(withoutSecond.map((item) => item.minuteNumber)).toEqual([5, 6, 7, 8, 9]);
    expect(withoutSecond[1]!.title).toBe('Item 3');
  });

  it('ignores other committees and later meetings when continuing the numbering', () => {
    const otherCommittee = aMeeting(aCommittee(), { date: '2017-07-01', items: items(30) });
    const later = aMeeting(committee, { date: '2017-09-01', items: items(3) });
    const summaries = [...library, otherCommittee, numbered(later, library, startMonth)].map(summarise);
    expect(continuingMinuteNumber(july, summaries, startMonth)).toBe(5);
  });
});

describe('municipal years (properties)', () => {
  const isoDate = fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it('every date falls in the year that began on the most recent start month', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 12 }), (date, startMonth) => {
        const year = municipalYearOf(date, startMonth);
        const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
        const nextStart = `${year + 1}-${String(startMonth).padStart(2, '0')}-01`;
        return start <= date && date < nextStart;
      }),
    );
  });

  it('a run of meetings is numbered 1, 2, 3 … within each municipal year, restarting at each boundary', () => {
    const meetingPlan = fc.array(fc.tuple(isoDate, fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(meetingPlan, fc.integer({ min: 1, max: 12 }), (plan, startMonth) => {
        const committee = aCommittee({ municipalYearStartMonth: startMonth });
        const dates = [...new Set(plan.map(([date]) => date))].sort();
        const library: Meeting[] = [];
        for (const date of dates) {
          const count = plan.find(([planned]) => planned === date)![1];
          library.push(numbered(aMeeting(committee, { date, items: items(count) }), library, startMonth));
        }
        const byYear = new Map<number, number[]>();
        for (const meeting of library) {
          const year = municipalYearOf(meeting.date, startMonth);
          byYear.set(year, [...(byYear.get(year) ?? []), ...meeting.items.map((item) => item.minuteNumber)]);
        }
        for (const numbers of byYear.values()) expect(numbers).toEqual(numbers.map((_, index) => index + 1));
      }),
    );
  });
});
