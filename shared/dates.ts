// Dates and times the way the council's archive writes them. Stored values are ISO
// ("2017-07-13", "14:00"); these only format them for reading.
import { format, parseISO } from 'date-fns';

/** "Thursday, 13th July, 2017", as in the Agenda and minutes page header. */
export const formatAgendaDate = (isoDate: string): string => format(parseISO(isoDate), 'EEEE, do MMMM, yyyy');

/** "20 October 2022", as in the formal minutes and in running text. */
export const formatProseDate = (isoDate: string): string => format(parseISO(isoDate), 'd MMMM yyyy');

/** "2.00 pm" from "14:00". */
export const formatClockTime = (time: string): string => format(parseISO(`2000-01-01T${time}`), 'h.mm aaa');

/**
 * "held at 2.00 pm on Thursday, 20 October 2022", as the formal minutes' title gives it (seed 003); "held on
 * Thursday, 20 October 2022" when the minutes do not state a start time (startTime null), never midnight.
 */
export const formatHeldAt = (meeting: { date: string; startTime: string | null }): string =>
  meeting.startTime === null ? `held on ${formatFormalDate(meeting.date)}` : `held at ${formatClockTime(meeting.startTime)} on ${formatFormalDate(meeting.date)}`;

/**
 * "2017-07-13T14:00": a key that orders meetings by when they were held, compared as strings. A meeting
 * whose start time is not stated ("2017-07-13T") comes before the others of its day.
 */
export const heldAtKey = (meeting: { date: string; startTime: string | null }): string => `${meeting.date}T${meeting.startTime ?? ''}`;

/** ISO date of a JavaScript Date in local time (what "today" means to the clerk). */
export const toIsoDate = (date: Date): string => format(date, 'yyyy-MM-dd');

/** "Thursday, 20 October 2022", as in the formal minutes' title (seed 003). */
export const formatFormalDate = (isoDate: string): string => format(parseISO(isoDate), 'EEEE, d MMMM yyyy');

/** "4:30pm", as the formal minutes print the closing time: "(Meeting closed at 4:30pm)". */
export const formatClosingTime = (time: string): string => format(parseISO(`2000-01-01T${time}`), 'h:mmaaa');

/** "3 December 2026, 2.05 pm": when a version was saved or a step taken, in the clerk's local time, on the 12-hour clock as councils print times. */
export const formatSavedAt = (isoDateTime: string): string => format(parseISO(isoDateTime), 'd MMMM yyyy, h.mm aaa');

/** "Thursday 13 July 2017": a date field's reading of what the clerk typed, in words. */
export const formatDateInWords = (isoDate: string): string => format(parseISO(isoDate), 'EEEE d MMMM yyyy');

/** "13/07/2017": how a date field shows a date it holds, day first whatever the computer's locale. */
export const formatEntryDate = (isoDate: string): string => format(parseISO(isoDate), 'dd/MM/yyyy');
