// Minute numbers run continuously through a committee's municipal year and restart when the next one
// begins (seed 001, April 2017: 79–87; seed 004, July 2017: 5–10). A minute is cited as number/YY,
// YY being the two-digit year the municipal year began ("Minute 59/16").
import type { NumberingStyle } from './model/committee.js';
import type { MeetingSummary } from './model/meeting.js';

/** The calendar year in which the municipal year containing `isoDate` began. */
export function municipalYearOf(isoDate: string, startMonth: number): number {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month >= startMonth ? year : year - 1;
}

/** "2016/17", the way councils name a municipal year. */
export function municipalYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** "59/16": how one minute cites another, whatever the committee's printing style. */
export function minuteCitation(minuteNumber: number, municipalYear: number): string {
  return `${minuteNumber}/${String(municipalYear % 100).padStart(2, '0')}`;
}

/** The minute number as printed beside the item: "79." or "79/16". */
export function formatMinuteNumber(minuteNumber: number, municipalYear: number, style: NumberingStyle): string {
  return style === 'plain' ? `${minuteNumber}.` : minuteCitation(minuteNumber, municipalYear);
}

interface MeetingToNumber {
  id: string;
  committeeId: string;
  date: string;
  startTime: string;
}

/** The clerk's explicit first number wins: it is set when the year's earlier meetings are not in the library. */
export const firstMinuteNumberOf = (meeting: { firstMinuteNumber: number | null }, continuing: number): number =>
  meeting.firstMinuteNumber ?? continuing;

/**
 * Where a meeting's numbering continues from: one after the last minute of the latest earlier meeting
 * of the same committee in the same municipal year, or 1 if it is the year's first meeting in the library.
 */
export function continuingMinuteNumber(
  meeting: MeetingToNumber,
  library: readonly MeetingSummary[],
  startMonth: number,
): number {
  const year = municipalYearOf(meeting.date, startMonth);
  // The municipal year as bounds on ISO dates, and times as "dateTtime" text, compared as strings: a save
  // scans the committee's meetings (hundreds in a council's archive), and parsing each date cost 3 µs.
  const month = String(startMonth).padStart(2, '0');
  const [from, until] = [`${year}-${month}-01`, `${year + 1}-${month}-01`];
  const heldAt = `${meeting.date}T${meeting.startTime}`;
  let latest: MeetingSummary | undefined;
  let latestHeldAt = '';
  for (const other of library) {
    if (other.id === meeting.id || other.committeeId !== meeting.committeeId || other.itemCount === 0) continue;
    if (other.date < from || other.date >= until || other.date > meeting.date) continue;
    const otherHeldAt = `${other.date}T${other.startTime}`;
    if (otherHeldAt >= heldAt) continue;
    if (latest === undefined || otherHeldAt > latestHeldAt) {
      latest = other;
      latestHeldAt = otherHeldAt;
    }
  }
  return latest === undefined ? 1 : latest.lastMinuteNumber + 1;
}

/** Gives items consecutive numbers from `first`, in agenda order. */
export function numberItems<T extends { minuteNumber: number }>(items: readonly T[], first: number): T[] {
  return items.map((item, index) =>
    item.minuteNumber === first + index ? item : { ...item, minuteNumber: first + index },
  );
}
