// Dates and clock times as councils write them in headers and running text: "Thursday, 13th July,
// 2017", "21 July 2022", "the 16th of January 2025", "13/07/2017"; "2.00 pm", "10.00 am", "4:30pm",
// "14:30". Every pattern starts with a literal or a bounded run, so a search is linear in the text.

export interface FoundDate {
  /** ISO date, "2017-07-13". */
  iso: string;
  /** Where the date was found in the searched text. */
  start: number;
  end: number;
}

const monthNumbers: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const monthWord = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/gi;
/** The day before the month: "13th ", "16th of ", "6 ". Searched in a short window, so it stays cheap. */
const dayBefore = /(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s,]*$/i;
const yearAfter = /^[\s,]*(\d{4})(?!\d)/;
/** "July 13, 2017", the American order some exports use. */
const dayAndYearAfter = /^\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i;
const numericDate = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/g;

const pad = (value: number): string => String(value).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && year <= 2200 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The first full date (day, month and year) in the text, or null. Month-and-year alone ("October, 2017") is not a date of a meeting. */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const match of text.matchAll(monthWord)) {
    const monthStart = match.index;
    const monthEnd = monthStart + match[0].length;
    const word = (match[1] ?? '').toLowerCase();
    const month = monthNumbers[word.startsWith('sept') ? 'sept' : word.slice(0, 3)];
    if (month === undefined) continue;
    const window = text.slice(Math.max(0, monthStart - 16), monthStart);
    const before = dayBefore.exec(window);
    const after = text.slice(monthEnd, monthEnd + 16);
    const year = yearAfter.exec(after);
    if (before !== null && year !== null) {
      const iso = isoDate(Number(year[1]), month, Number(before[1]));
      if (iso !== null) {
        const start = monthStart - window.length + before.index + before[0].indexOf(before[1] ?? '');
        best = { iso, start, end: monthEnd + year[0].length };
        break;
      }
    }
    const american = dayAndYearAfter.exec(after);
    if (american !== null) {
      const iso = isoDate(Number(american[2]), month, Number(american[1]));
      if (iso !== null) {
        best = { iso, start: monthStart, end: monthEnd + american[0].length };
        break;
      }
    }
  }
  const numeric = [...text.matchAll(numericDate)].find((match) => isoDate(Number(match[3]), Number(match[2]), Number(match[1])) !== null);
  if (numeric !== undefined && (best === null || numeric.index < best.start)) {
    return {
      iso: isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])) as string,
      start: numeric.index,
      end: numeric.index + numeric[0].length,
    };
  }
  return best;
}

/** "m" may run into what follows ("4.00pm1 July 2021", text pulled from a table's cells), but not into a word ("2 amendments"). */
const twelveHour = /\b(\d{1,2})(?:[.:](\d{2}))?\s?([ap])\.?\s?m(?![a-z])\.?/gi;
const twentyFourHour = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/g;

export interface FoundTime {
  /** "14:30". */
  time: string;
  start: number;
}

/** The first clock time in the text, or null: "2.00 pm" → "14:00", "4:30pm" → "16:30", "noon" → "12:00", "14:30". */
export function findTime(text: string): FoundTime | null {
  for (const match of text.matchAll(twelveHour)) {
    const hour = Number(match[1]);
    const minute = Number(match[2] ?? '0');
    if (hour < 1 || hour > 12 || minute > 59) continue;
    const afternoon = (match[3] ?? '').toLowerCase() === 'p';
    const hour24 = (hour % 12) + (afternoon ? 12 : 0);
    return { time: `${pad(hour24)}:${pad(minute)}`, start: match.index };
  }
  const noon = /\b(?:noon|midday)\b/i.exec(text);
  if (noon !== null) return { time: '12:00', start: noon.index };
  for (const match of text.matchAll(twentyFourHour)) {
    // "20.10.2022" is a date, not ten past eight.
    if (/^[./]\d/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2))) continue;
    return { time: `${pad(Number(match[1]))}:${match[2]}`, start: match.index };
  }
  return null;
}
