// Minute numbers run continuously through a committee's municipal year and restart when the next one
// begins (seed 001, April 2017: 79–87; seed 004, July 2017: 5–10). A minute is cited as number/YY,
// YY being the two-digit year the municipal year began ("Minute 59/16"). How the number is printed
// beside the item is the committee's style (shared/model/committee.ts NumberingStyle): "79.", "79/16",
// "EX23", "PLN84/23", "26/14", with sub-items "5.1", "11a", "(a)". An imported item keeps the number
// its document printed (Item.printedNumber), which prints back as it is.
import type { NumberingStyle } from './model/committee.js';
import type { Item, MeetingSummary } from './model/meeting.js';
import { heldAtKey } from './dates.js';

/** English councils' municipal year starts in May (the annual meeting): the month taken where a committee's own is not known. */
export const ENGLISH_YEAR_START = 5;

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

/** The two years a meeting's minute numbers may print: the one its municipal year began in, and its calendar year. */
export interface MinuteYears {
  municipal: number;
  calendar: number;
}

/** The years of a meeting held on `isoDate` ("2026-03-17", a May start: municipal 2025, calendar 2026). */
export function minuteYearsOf(isoDate: string, startMonth: number): MinuteYears {
  return { municipal: municipalYearOf(isoDate, startMonth), calendar: Number(isoDate.slice(0, 4)) };
}

/**
 * A minute number taken apart: the committee's prefix, the number, the year as printed (two or four
 * digits' value: 16 of "79/16", 2016 of "79/2016"), and the sub-item after the number ("1" of "5.1",
 * "a" of "11a" or "(a)"). `number` is null for a bracketed sub-item, which prints without its item's number.
 */
export interface MinuteNumberParts {
  prefix: string;
  number: number | null;
  year: number | null;
  sub: string | null;
}

const yearText = (year: number, digits: 2 | 4): string => (digits === 2 ? String(year % 100).padStart(2, '0') : String(year));

/** The parts as the style prints them: "PLN84/23", "26/14", "5.1", "11a", "(a)", "79.". */
export function formatMinuteNumberParts(parts: MinuteNumberParts, style: NumberingStyle): string {
  if (parts.number === null || (parts.sub !== null && style.subItems === 'bracketed-letter')) return `(${parts.sub ?? ''})`;
  const sub = parts.sub === null ? '' : style.subItems === 'decimal' ? `.${parts.sub}` : parts.sub;
  const number = `${parts.prefix}${parts.number}${sub}`;
  // A sub-item's "5.1" takes no full stop after it: "5.1." is not how councils print it.
  const terminator = parts.sub === null ? style.terminator : '';
  if (parts.year === null || style.yearAt === 'none') return `${number}${terminator}`;
  const year = yearText(parts.year, style.yearDigits);
  return style.yearAt === 'after' ? `${number}${style.separator}${year}${terminator}` : `${year}${style.separator}${number}${terminator}`;
}

/** The year a meeting's numbers print in the style: the municipal or the calendar year. */
export const printedYearOf = (years: MinuteYears, style: NumberingStyle): number => (style.yearOf === 'calendar' ? years.calendar : years.municipal);

/** The minute number as printed beside the item in the committee's style: "79.", "79/16", "EX23", "26/14". */
export function formatMinuteNumber(minuteNumber: number, years: MinuteYears, style: NumberingStyle): string {
  return formatMinuteNumberParts({ prefix: style.prefix, number: minuteNumber, year: printedYearOf(years, style), sub: null }, style);
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Reads a minute number printed in the style ("PLN84/23", "26/14", "5.1", "11a", "(a)", "79."), or
 * null when it is not one. The prefix is matched regardless of case; a year is optional, so "EX23" and
 * "79" read in a style that prints one. The inverse of formatMinuteNumberParts.
 */
export function parseMinuteNumber(printed: string, style: NumberingStyle): MinuteNumberParts | null {
  const text = printed.trim();
  const bracketed = /^\(([a-z]{1,3})\)$/.exec(text);
  if (bracketed !== null) return { prefix: '', number: null, year: null, sub: bracketed[1] ?? null };
  const sub = style.subItems === 'decimal' ? '(?:\\.(\\d{1,2}))?' : '([a-z])?';
  const number = `(${escaped(style.prefix)})(\\d{1,4})${sub}`;
  const year = `(\\d{${style.yearDigits}})`;
  const separator = escaped(style.separator);
  const pattern =
    style.yearAt === 'before'
      ? new RegExp(`^(?:${year}${separator})?${number}\\.?$`, 'i')
      : new RegExp(`^${number}(?:${separator}${year})?\\.?$`, 'i');
  const match = pattern.exec(text);
  if (match === null) return null;
  const [yearGroup, prefixGroup, numberGroup, subGroup] = style.yearAt === 'before' ? [match[1], match[2], match[3], match[4]] : [match[4], match[1], match[2], match[3]];
  const value = Number(numberGroup);
  if (value === 0) return null;
  return { prefix: prefixGroup === '' || prefixGroup === undefined ? '' : style.prefix, number: value, year: yearGroup === undefined ? null : Number(yearGroup), sub: subGroup ?? null };
}

/**
 * Whether the item was printed as a sub-item of the item its minute number names ("40.1", "5a",
 * "11(a)" under 40, 5 and 11): it shares that item's number, as its document minuted it.
 */
export function isSubItem(item: Pick<Item, 'minuteNumber' | 'printedNumber'>, style: NumberingStyle): boolean {
  if (item.printedNumber === undefined) return false;
  const parts = parseMinuteNumber(item.printedNumber, style) ?? parseMinuteNumber(item.printedNumber, { ...style, subItems: style.subItems === 'decimal' ? 'letter' : 'decimal' });
  if (parts !== null) return parts.sub !== null && (parts.number === null || parts.number === item.minuteNumber);
  // "11(a)": a bracketed letter after the item's number, which no style prints but documents do.
  const bracketed = /^[A-Za-z]{0,6}(\d{1,4})\([a-z]\)$/.exec(item.printedNumber.trim());
  return bracketed !== null && Number(bracketed[1]) === item.minuteNumber;
}

/** The item's minute number as published: the number its document printed when imported, else its number in the committee's style. */
export function printedMinuteNumber(item: Pick<Item, 'minuteNumber' | 'printedNumber'>, years: MinuteYears, style: NumberingStyle): string {
  return item.printedNumber ?? formatMinuteNumber(item.minuteNumber, years, style);
}

/**
 * How other minutes cite this one: "59/16" where the committee prints the number alone (a minute is
 * cited with its municipal year, DOMAIN.md), else the number as printed without its full stop
 * ("EX23", "PLN84/23", "26/14", "5.1/16" for a sub-item of a plain-numbered committee).
 */
export function minuteCitationOf(item: Pick<Item, 'minuteNumber' | 'printedNumber'>, years: MinuteYears, style: NumberingStyle): string {
  if (style.yearAt === 'none' && style.prefix === '') {
    const printed = item.printedNumber === undefined ? null : parseMinuteNumber(item.printedNumber, style);
    const sub = printed?.sub ?? null;
    if (sub === null) return minuteCitation(item.minuteNumber, years.municipal);
    return `${item.minuteNumber}${style.subItems === 'decimal' ? `.${sub}` : sub}/${String(years.municipal % 100).padStart(2, '0')}`;
  }
  return printedMinuteNumber(item, years, style).replace(/\.$/, '');
}

/**
 * A minute number as minutes cite one, for building patterns: with a prefix ("EX14", "PLN84/23") or a
 * two-digit year ("59/16", "26/14", "5.1/16"). A bare number ("Minute 45") is not a citation here: which
 * year's minute it means depends on the citing meeting; nor is "3/2017", which is more often a date.
 */
export const citedMinuteSource = String.raw`(?:[A-Z]{1,6}\d{1,4}(?:\/\d{2})?|\d{1,4}(?:\.\d{1,2}|[a-z])?\/\d{2})(?![\d/])`;

/**
 * A citation in one canonical form ("059/16" → "59/16", "ex14" → "EX14"), so that a citation and the
 * minute it names meet whatever the spelling; null for anything that is not a citation (citedMinuteSource).
 */
export function normaliseCitation(text: string): string | null {
  const match = /^\s*([A-Za-z]{0,6})(\d{1,4})(\.\d{1,2}|[a-z])?(?:\/(\d{2}))?\s*$/.exec(text);
  if (match === null) return null;
  const [, prefix = '', number, sub = '', year] = match;
  if (Number(number) === 0 || (prefix === '' && year === undefined)) return null;
  return `${prefix.toUpperCase()}${Number(number)}${sub}${year === undefined ? '' : `/${year}`}`;
}

/**
 * A minute number as running text cites one after "Minute" or "Minute No.": every citedMinuteSource,
 * and also a four-digit year ("59/2016") and a bare number ("Minute 45", "Minute 41 below"), which name
 * a minute of the citing meeting's own municipal year. Never a time, a date or an ordinal ("Minute 12
 * February", "minute 3.30 pm", "the 2nd").
 */
export const citedMinuteInTextSource = String.raw`(?:[A-Z]{1,6}\d{1,4}(?:\/\d{2}(?:\d{2})?)?|\d{1,4}(?:\.\d{1,2}|[a-z])?(?:\/\d{2}(?:\d{2})?)?)(?![\d/]|[.:]\d|\s*(?:[ap]\.?m\b|st\b|nd\b|rd\b|th\b)|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)`;

const citedParts = /^\s*([A-Za-z]{0,6})(\d{1,4})(\.\d{1,2}|[a-z])?(?:\/(\d{2}|\d{4}))?\s*$/;

/**
 * A cited minute in one canonical spelling, as the minutes print it ("059/16" → "59/16", "ex14" →
 * "EX14", "59/2016" and "45" kept so): what citedMinuteInTextSource finds; null for anything else.
 * Unlike normaliseCitation, a bare number or a four-digit year is kept: it is resolved against the
 * citing meeting (citationInYear).
 */
export function normaliseCitedMinute(text: string): string | null {
  const match = citedParts.exec(text);
  if (match === null) return null;
  const [, prefix = '', number, sub = '', year] = match;
  if (Number(number) === 0) return null;
  return `${prefix.toUpperCase()}${Number(number)}${sub}${year === undefined ? '' : `/${year}`}`;
}

/**
 * A cited minute as the library looks it up: "59/2016" as "59/16"; a citation already with a year or
 * prefix as normaliseCitation spells it; for a bare number ("45"), the number alone, to be found among
 * the minutes of the citing meeting's municipal year.
 */
export function citationToResolve(text: string): { citation: string } | { minuteNumber: number } | null {
  const match = citedParts.exec(text);
  if (match === null) return null;
  const [, prefix = '', number, sub = '', year] = match;
  if (prefix === '' && sub === '' && year === undefined) return Number(number) === 0 ? null : { minuteNumber: Number(number) };
  const citation = normaliseCitation(`${prefix}${number}${sub}${year === undefined ? '' : `/${year.slice(-2)}`}`);
  return citation === null ? null : { citation };
}

/**
 * Which year a printed two- or four-digit year is, for a meeting held on `isoDate`: the calendar
 * year's where it matches that and not the municipal year's ("35/26" on 17 March 2026), else the
 * municipal year's (also where both are the same, from the start month to December).
 */
export function yearOfPrinted(year: number, isoDate: string, startMonth: number): NumberingStyle['yearOf'] {
  const years = minuteYearsOf(isoDate, startMonth);
  const digits = year >= 100 ? 4 : 2;
  const same = (full: number) => (digits === 4 ? full === year : full % 100 === year);
  return same(years.calendar) && !same(years.municipal) ? 'calendar' : 'municipal';
}

interface MeetingToNumber {
  id: string;
  committeeId: string;
  date: string;
  startTime: string | null;
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
  const heldAt = heldAtKey(meeting);
  let latest: MeetingSummary | undefined;
  let latestHeldAt = '';
  for (const other of library) {
    if (other.id === meeting.id || other.committeeId !== meeting.committeeId || other.itemCount === 0) continue;
    if (other.date < from || other.date >= until || other.date > meeting.date) continue;
    const otherHeldAt = heldAtKey(other);
    if (otherHeldAt >= heldAt) continue;
    if (latest === undefined || otherHeldAt > latestHeldAt) {
      latest = other;
      latestHeldAt = otherHeldAt;
    }
  }
  return latest === undefined ? 1 : latest.lastMinuteNumber + 1;
}

/**
 * Gives items consecutive numbers from `first`, in agenda order. An item given another number loses
 * the number it was imported with, which no longer says where it stands.
 */
export function numberItems<T extends { minuteNumber: number; printedNumber?: string | undefined }>(items: readonly T[], first: number): T[] {
  return items.map((item, index) => {
    if (item.minuteNumber === first + index) return item;
    const { printedNumber: _imported, ...rest } = item;
    return { ...rest, minuteNumber: first + index } as T;
  });
}
