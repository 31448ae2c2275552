// Dates and times the way the council's archive writes them. Stored values are ISO
// ("2017-07-13", "14:00"); these only format them for reading.
import { format, parseISO } from 'date-fns';

/** "Thursday, 13th July, 2017", as in the Agenda and minutes page header. */
export const formatAgendaDate = (isoDate: string): string => format(parseISO(isoDate), 'EEEE, do MMMM, yyyy');

/** "20 October 2022", as in the formal minutes and in running text. */
export const formatProseDate = (isoDate: string): string => format(parseISO(isoDate), 'd MMMM yyyy');

/** "2.00 pm" from "14:00". */
export const formatClockTime = (time: string): string => format(parseISO(`2000-01-01T${time}`), 'h.mm aaa');

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
