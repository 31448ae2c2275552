// Reading dates and times as clerks type them (issue 13, part 7): day first whatever the computer's
// locale, times as councils print them, and a message that says what to write for what cannot be read.
import { describe, expect, it } from 'vitest';
import { readDate, readTime } from '../../shared/enteredDates.js';

const today = new Date(2026, 11, 7);
const valueOf = (reading: ReturnType<typeof readDate>) => (reading.kind === 'read' ? reading.value : reading);

describe('readDate', () => {
  it.each([
    ['13/7/2017', '2017-07-13'],
    ['13/07/2017', '2017-07-13'],
    ['13.7.2017', '2017-07-13'],
    ['13-07-2017', '2017-07-13'],
    ['13 July 2017', '2017-07-13'],
    ['13 july 2017', '2017-07-13'],
    ['13 Jul 17', '2017-07-13'],
    ['13 Jul. 2017', '2017-07-13'],
    ['13th July, 2017', '2017-07-13'],
    ['13th of July 2017', '2017-07-13'],
    ['Thursday 13 July 2017', '2017-07-13'],
    ['Thursday, 13th July, 2017', '2017-07-13'],
    ['Thurs 13/7/17', '2017-07-13'],
    ['July 13, 2017', '2017-07-13'],
    ['2017-07-13', '2017-07-13'],
    ['1 Sept 2025', '2025-09-01'],
    ['29/2/2024', '2024-02-29'],
    ['13/7/99', '1999-07-13'],
    ['  13 / 7 / 2017 ', '2017-07-13'],
    ['13 July', '2026-07-13'],
    ['13/7', '2026-07-13'],
  ])('reads %j as %s', (typed, iso) => {
    expect(valueOf(readDate(typed, today))).toBe(iso);
  });

  it('gives the date in words', () => {
    expect(readDate('13/7/2017', today)).toEqual({ kind: 'read', value: '2017-07-13', words: 'Thursday 13 July 2017' });
  });

  it('reads nothing typed as empty', () => {
    expect(readDate('   ', today)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['31/2/2026', 'There is no 31 February 2026: February 2026 has 28 days.'],
    ['29/2/2025', 'There is no 29 February 2025: February 2025 has 28 days.'],
    ['31 April 2017', 'There is no 31 April 2017: April 2017 has 30 days.'],
    ['0/7/2017', 'There is no 0 July 2017: July 2017 has 31 days.'],
    ['7/13/2017', 'There is no month 13. Minute Book reads dates day first: for July 13, write 13/7/2017.'],
    ['13/31/2017', 'There is no month 31.'],
    ['13 Jly 2017', '“jly” is not a month: write the month as July or Jul, or as a number, as 13/7/2017 or 13 July 2017.'],
    ['13/7/017', 'Write the year in full (2017) or as two figures (17), as 13/7/2017 or 13 July 2017.'],
    ['13/7/1017', 'Check the year: 1017 is not a year of a council’s minutes.'],
    ['Friday 13 July 2017', '13 July 2017 is a Thursday, not a Friday: check the date.'],
    ['next Thursday', 'Minute Book cannot read “next Thursday” as a date: write the day, month and year, as 13/7/2017 or 13 July 2017.'],
    ['13', 'Minute Book cannot read “13” as a date: write the day, month and year, as 13/7/2017 or 13 July 2017.'],
    ['13/7/2017/1', 'Minute Book cannot read “13/7/2017/1” as a date: write the day, month and year, as 13/7/2017 or 13 July 2017.'],
    ['13 July 2017 at 2pm', 'Minute Book cannot read “13 July 2017 at 2pm” as a date: write the day, month and year, as 13/7/2017 or 13 July 2017.'],
  ])('refuses %j, saying why', (typed, problem) => {
    expect(readDate(typed, today)).toEqual({ kind: 'problem', problem });
  });
});

describe('readTime', () => {
  it.each([
    ['2pm', '14:00', '2.00 pm'],
    ['2 pm', '14:00', '2.00 pm'],
    ['2.00 pm', '14:00', '2.00 pm'],
    ['2.00pm', '14:00', '2.00 pm'],
    ['2:30 p.m.', '14:30', '2.30 pm'],
    ['2.30 PM', '14:30', '2.30 pm'],
    ['10am', '10:00', '10.00 am'],
    ['10.15 a.m.', '10:15', '10.15 am'],
    ['12pm', '12:00', '12.00 pm'],
    ['12.30 am', '00:30', '12.30 am'],
    ['noon', '12:00', '12.00 pm'],
    ['12 noon', '12:00', '12.00 pm'],
    ['midday', '12:00', '12.00 pm'],
    ['midnight', '00:00', '12.00 am'],
    ['14:00', '14:00', '2.00 pm'],
    ['14.00', '14:00', '2.00 pm'],
    ['09:30', '09:30', '9.30 am'],
    ['1400', '14:00', '2.00 pm'],
    ['0930', '09:30', '9.30 am'],
    ['19', '19:00', '7.00 pm'],
    ['00:15', '00:15', '12.15 am'],
  ])('reads %j as %s (%s)', (typed, value, words) => {
    expect(readTime(typed)).toEqual({ kind: 'read', value, words });
  });

  it.each([
    ['2', 'Is that 2.00 am or 2.00 pm? Add am or pm, or write it on the 24-hour clock (14:00).'],
    ['2.00', 'Is that 2.00 am or 2.00 pm? Add am or pm, or write it on the 24-hour clock (14:00).'],
    ['10:30', 'Is that 10.30 am or 10.30 pm? Add am or pm, or write it on the 24-hour clock (22:30).'],
    ['13pm', '“13pm” is not a time: with am or pm the hour is from 1 to 12. Write 1.00 pm or 13:00.'],
    ['0 am', '“0 am” is not a time: with am or pm the hour is from 1 to 12.'],
    ['25:00', 'There is no hour 25: write the time as 2.00 pm or 14:00.'],
    ['2.75 pm', '“75” cannot be the minutes of a time: write them as two figures from 00 to 59, as 2.15 pm or 14:15.'],
    ['2.5 pm', '“5” cannot be the minutes of a time: write them as two figures from 00 to 59, as 2.15 pm or 14:15.'],
    ['teatime', 'Minute Book cannot read “teatime” as a time: write it as 2.00 pm, 2pm or 14:00.'],
    ['2 oclock', 'Minute Book cannot read “2 oclock” as a time: write it as 2.00 pm, 2pm or 14:00.'],
  ])('refuses %j, saying why', (typed, problem) => {
    expect(readTime(typed)).toEqual({ kind: 'problem', problem });
  });

  it('reads nothing typed as empty', () => {
    expect(readTime('')).toEqual({ kind: 'empty' });
  });
});
