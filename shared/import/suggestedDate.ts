// A date to offer the clerk for a meeting whose minutes do not state it (the single "Agenda item"
// page, the table-flattened page): from the file's name as councils' sites and clerks save them
// ("Cabinet 2025-01-30.html", "minutes_30-01-2025.pdf", "30 January 2025.docx"), or else from a
// "held on …" phrase in the text that is not about other minutes or the next meeting. Only ever a
// suggestion: the clerk confirms it (the import dialog, or the command line's --date).
import { findDate } from './datesAndTimes.js';
import type { SuggestedDate } from './importedMeeting.js';
import type { SourceLine } from './lines.js';

/** "2025-01-30", "20250130" in a file name. */
const isoInName = /(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)/;
/** "30-01-2025", "30_01_2025", "30.01.2025", "30/01/2025". */
const dayFirstInName = /(?<!\d)(\d{1,2})[-_./](\d{1,2})[-_./](\d{4})(?!\d)/;

/** "held on", said of a meeting ("the meeting of the Cabinet held on"), not of other minutes or the next meeting. */
const heldOn = /\bheld\s+on\b/gi;
const ofAMeeting = /\bmeeting\b[^.;]{0,80}$/i;
const notThisMeeting = /\b(?:minutes|next|previous|last|following|future|adjourned)\b[^.;]{0,80}$/i;
/** What may stand between "held on" and the date: a weekday, "the" ("held on Tuesday, the 4th of March"); a range ("15-17 October") may not. */
const beforeTheDate = /^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$/i;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && year <= 2200 ? date.toISOString().slice(0, 10) : null;
}

function fromFileName(fileName: string): string | null {
  const name = fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
  const iso = isoInName.exec(name);
  if (iso !== null) {
    const date = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date !== null) return date;
  }
  const dayFirst = dayFirstInName.exec(name);
  if (dayFirst !== null) {
    const date = isoOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    if (date !== null) return date;
  }
  return findDate(name.replace(/[_-]+/g, ' '))?.iso ?? null;
}

/** How much of the text is searched for "held on": the opening of any minutes says it. */
const searchedLines = 400;

/**
 * The date to suggest for an undated meeting, and where it was found (for the clerk to judge), or
 * null. The file name wins (a clerk's own naming); then the first "<a meeting> held on <date>" in
 * the first lines that is not "the minutes of the meeting held on", "the next meeting will be held
 * on" and the like (DOMAIN.md: never the date of the minutes being approved or of the next meeting).
 */
export function suggestedDate(fileName: string, lines: readonly SourceLine[]): SuggestedDate | null {
  const named = fromFileName(fileName);
  if (named !== null) return { date: named, from: `the file name “${fileName}”` };
  for (const line of lines.slice(0, searchedLines)) {
    for (const match of line.key.matchAll(heldOn)) {
      const before = line.key.slice(Math.max(0, match.index - 120), match.index);
      if (!ofAMeeting.test(before) || notThisMeeting.test(before)) continue;
      const after = line.key.slice(match.index + match[0].length, match.index + match[0].length + 60);
      const found = findDate(after);
      if (found !== null && beforeTheDate.test(after.slice(0, found.start))) return { date: found.iso, from: `the text: “${line.key.slice(match.index, match.index + match[0].length + found.end).trim()}”` };
    }
  }
  return null;
}
