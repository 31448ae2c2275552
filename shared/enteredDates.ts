// What a clerk types into a date or time field, read the British way whatever the computer's
// locale: day before month ("13/7/2017", "13 July 2017", "13 Jul 17", "Thursday 13th July 2017"),
// and times as councils print them ("2pm", "2.00 pm", "14:00", "noon"). Each reading is either the
// stored value (ISO "2017-07-13", "14:00") with the words the field shows for it, or a sentence saying
// what could not be read and how to write it. Month names and two-digit years are read by date-fns.
import { format, getDaysInMonth, isExists, isValid, parse, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { formatClockTime, formatDateInWords } from './dates.js';

/** What a field made of its text: nothing typed, a value it holds (with its words), or a problem to show. */
export type Reading = { kind: 'empty' } | { kind: 'read'; value: string; words: string } | { kind: 'problem'; problem: string };

const EXAMPLE_DATE = 'as 13/7/2017 or 13 July 2017';
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

const pad = (value: number): string => String(value).padStart(2, '0');

/** A month written in words, at least three letters ("Jul", "July", "Sept"), as 1–12, or null. */
function monthFromWord(word: string, today: Date): number | null {
  if (word.length < 3) return null;
  const month = parse(word === 'sept' ? 'sep' : word, 'LLLL', today, { locale: enGB });
  return isValid(month) ? month.getMonth() + 1 : null;
}

/** "17" → 2017 (the century nearest today, as date-fns reads it); four figures as they are; else null. */
function yearFrom(figures: string, today: Date): number | null {
  if (figures.length === 4) return Number(figures);
  if (figures.length === 2) return parse(figures, 'yy', today).getFullYear();
  return null;
}

const weekdayAtStart = /^(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?,?\s*/;
const isoForm = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a date as a clerk types it, day first. `today` gives the year when none is typed ("13 July")
 * and the century of a two-digit year. Refuses with the reason what is not a real date ("31/2/2026"),
 * a month past 12 ("7/13/2017": dates are read day first), a weekday that does not match the date, and
 * anything else it cannot read.
 */
export function readDate(text: string, today: Date = new Date()): Reading {
  const typed = text.trim().toLowerCase();
  if (typed === '') return { kind: 'empty' };
  const cannotRead = (): Reading => ({ kind: 'problem', problem: `Minute Book cannot read “${text.trim()}” as a date: write the day, month and year, ${EXAMPLE_DATE}.` });

  const iso = isoForm.exec(typed);
  let day: number, month: number, year: number;
  let weekday: string | null = null;
  if (iso !== null) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const named = weekdayAtStart.exec(typed);
    if (named !== null) weekday = named[1]!;
    const rest = typed.slice(named?.[0].length ?? 0);
    // Figures (an ordinal's "th" dropped) and words; separators, commas and "of" between them ignored.
    const parts = [...rest.matchAll(/(\d+)(?:st|nd|rd|th)?|([a-z]+)/g)]
      .map((match) => ({ figures: match[1], word: match[2] }))
      .filter((part) => part.word !== 'of');
    if (/[^\da-z\s/.,-]/.test(rest) || parts.length < 2 || parts.length > 3) return cannotRead();
    const [first, second, third] = parts as [(typeof parts)[number], (typeof parts)[number], (typeof parts)[number] | undefined];
    if (third !== undefined && third.figures === undefined) return cannotRead();
    // "13 July", "13/7"; and "July 13, 2017", which can only be read one way.
    const dayPart = first.figures !== undefined ? first : second;
    const monthPart = first.figures !== undefined ? second : first;
    if (dayPart.figures === undefined || dayPart.figures.length > 2) return cannotRead();
    day = Number(dayPart.figures);
    if (monthPart.word !== undefined) {
      const fromWord = monthFromWord(monthPart.word, today);
      if (fromWord === null) return { kind: 'problem', problem: `“${monthPart.word}” is not a month: write the month as July or Jul, or as a number, ${EXAMPLE_DATE}.` };
      month = fromWord;
    } else {
      if (monthPart.figures!.length > 2) return cannotRead();
      month = Number(monthPart.figures);
    }
    if (third === undefined) year = today.getFullYear();
    else {
      const fromFigures = yearFrom(third.figures!, today);
      if (fromFigures === null) return { kind: 'problem', problem: `Write the year in full (2017) or as two figures (17), ${EXAMPLE_DATE}.` };
      year = fromFigures;
    }
  }

  if (month < 1 || month > 12) {
    const swapped = month <= 31 && day >= 1 && day <= 12 ? ` Minute Book reads dates day first: for ${format(new Date(2000, day - 1, 1), 'MMMM')} ${month}, write ${month}/${day}/${year}.` : '';
    return { kind: 'problem', problem: `There is no month ${month}.${swapped}` };
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { kind: 'problem', problem: `Check the year: ${year} is not a year of a council’s minutes.` };
  if (!isExists(year, month - 1, day)) {
    const monthName = format(new Date(year, month - 1, 1), 'MMMM yyyy');
    return { kind: 'problem', problem: `There is no ${day} ${monthName.split(' ')[0]} ${year}: ${monthName} has ${getDaysInMonth(new Date(year, month - 1, 1))} days.` };
  }
  const value = `${year}-${pad(month)}-${pad(day)}`;
  const words = formatDateInWords(value);
  if (weekday !== null && words.slice(0, 3).toLowerCase() !== weekday.slice(0, 3)) {
    return { kind: 'problem', problem: `${format(parseISO(value), 'd MMMM yyyy')} is a ${format(parseISO(value), 'EEEE')}, not a ${weekdayName(weekday)}: check the date.` };
  }
  return { kind: 'read', value, words };
}

const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const weekdayName = (start: string): string => {
  const name = weekdayNames.find((candidate) => candidate.startsWith(start.slice(0, 3))) ?? start;
  return name.charAt(0).toUpperCase() + name.slice(1);
};

const twelveHourForm = /^(\d{1,2})(?:[.:](\d+))?\s*([ap])\.?\s*m\.?$/;
const clockForm = /^(\d{1,2})(?:[.:](\d+))?$/;
const fourFigures = /^(\d{2})(\d{2})$/;

/**
 * Reads a clock time as a clerk types it: "2pm", "2.00 pm", "2:30 p.m.", "noon", "midnight", and the
 * 24-hour clock ("14:00", "09:30", "1400"). An hour from 1 to 12 with no am or pm and no leading zero
 * ("2.00", "10:30") could be morning or afternoon, so it is refused with both readings offered rather
 * than guessed.
 */
export function readTime(text: string): Reading {
  const typed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (typed === '') return { kind: 'empty' };
  const read = (hour: number, minute: number): Reading => {
    const value = `${pad(hour)}:${pad(minute)}`;
    return { kind: 'read', value, words: formatClockTime(value) };
  };
  if (/^(?:12 )?(?:noon|midday)$/.test(typed)) return read(12, 0);
  if (/^(?:12 )?midnight$/.test(typed)) return read(0, 0);

  const twelveHour = twelveHourForm.exec(typed);
  const figuresOnly = fourFigures.exec(typed);
  const clock = twelveHour ?? clockForm.exec(typed) ?? figuresOnly;
  if (clock === null) {
    return { kind: 'problem', problem: `Minute Book cannot read “${text.trim()}” as a time: write it as 2.00 pm, 2pm or 14:00.` };
  }
  const [hourFigures, minuteFigures = '00'] = [clock[1]!, clock[2]];
  const hour = Number(hourFigures);
  const minute = Number(minuteFigures);
  if (minuteFigures.length !== 2 || minute > 59) {
    return { kind: 'problem', problem: `“${minuteFigures}” cannot be the minutes of a time: write them as two figures from 00 to 59, as 2.15 pm or 14:15.` };
  }
  if (twelveHour !== null) {
    const afternoon = twelveHour[3] === 'p';
    if (hour < 1 || hour > 12) {
      const suggestion = hour > 12 && hour < 24 ? ` Write ${hour - 12}.${minuteFigures} pm or ${pad(hour)}:${minuteFigures}.` : '';
      return { kind: 'problem', problem: `“${text.trim()}” is not a time: with am or pm the hour is from 1 to 12.${suggestion}` };
    }
    return read((hour % 12) + (afternoon ? 12 : 0), minute);
  }
  if (hour > 23) return { kind: 'problem', problem: `There is no hour ${hour}: write the time as 2.00 pm or 14:00.` };
  const mayBeEitherHalf = hour >= 1 && hour <= 12 && !hourFigures.startsWith('0') && clock !== figuresOnly;
  if (mayBeEitherHalf) {
    const morning = formatClockTime(`${pad(hour % 12)}:${minuteFigures}`);
    const afternoon = formatClockTime(`${pad((hour % 12) + 12)}:${minuteFigures}`);
    return { kind: 'problem', problem: `Is that ${morning} or ${afternoon}? Add am or pm, or write it on the 24-hour clock (${pad((hour % 12) + 12)}:${minuteFigures}).` };
  }
  return read(hour, minute);
}
