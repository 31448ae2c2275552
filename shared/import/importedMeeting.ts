// What an importer hands back: the meetings it read, in the app's model but not yet in a library
// (no ids for meeting or committee, no status), and a report of what it could not place.
import type { Attendance } from '../model/attendance.js';
import type { Lifecycle } from '../model/lifecycle.js';
import type { NumberingStyle } from '../model/committee.js';
import type { Adjournment, Item, MeetingStatus } from '../model/meeting.js';

/**
 * 'formal-md' is formal minutes read as text (Markdown, plain text, a PDF's lines); 'formal-html' as HTML (a web page, a Word document).
 * 'general-text' and 'general-html' are minutes in a layout no form knows, read by the general reader (generalReader.ts).
 */
export type ArchiveForm = 'page-text' | 'page-html' | 'page-table' | 'item' | 'formal-md' | 'formal-html' | 'general-text' | 'general-html' | 'json';

/** What each form is, in the clerk's words, for the import's report ("read as …"). */
export const archiveFormWords: Readonly<Record<ArchiveForm, string>> = {
  'page-text': 'an Agenda and minutes page',
  'page-html': 'an Agenda and minutes page',
  'page-table': 'a copied Agenda and minutes page, its table flattened',
  item: 'one agenda item’s page',
  'formal-md': 'formal minutes',
  'formal-html': 'formal minutes',
  'general-text': 'minutes as text',
  'general-html': 'minutes as a web page',
  json: 'Minute Book’s own archive',
};

export interface ImportedMeeting {
  /** `name` is '' when the form does not say (the Agenda item page). */
  committee: { name: string; council: string | null };
  /** ISO date, null when the form gives none (the Agenda item page, the flattened table). */
  date: string | null;
  /** "14:00". */
  startTime: string | null;
  closingTime: string | null;
  /** In the order they happened; absent when the file records none (as `Meeting.adjournments`). */
  adjournments?: Adjournment[] | undefined;
  venue: string;
  contact: { name: string; phone: string; email: string } | null;
  /** Empty groups when the form lists nobody. */
  attendance: Attendance;
  /** "79." → plain, "77/21" → with-year, null when the items are not numbered. */
  numberingStyle: NumberingStyle | null;
  /** Minute numbers as printed; 1..n when the form numbers within the meeting or not at all. */
  items: Item[];
  /** Minute Book's own archive only: the meeting's id, status, first minute number and lifecycle as archived, so a draft comes back a draft and signed minutes signed. */
  archived?: { id: string; status: MeetingStatus; firstMinuteNumber: number | null; lifecycle?: Lifecycle | undefined };
}

export interface UnplacedLine {
  line: number;
  text: string;
}

/** A date the file suggests for a meeting it does not date, and where it was found ("the file name “…”"). */
export interface SuggestedDate {
  date: string;
  from: string;
}

export interface ImportReport {
  fileName: string;
  form: ArchiveForm;
  unplaced: UnplacedLine[];
  warnings: string[];
  /** For a meeting the file does not date (shared/import/suggestedDate.ts); null when it is dated or nothing suggests one. */
  suggestedDate: SuggestedDate | null;
}

export interface ImportOutcome {
  meetings: ImportedMeeting[];
  report: ImportReport;
}

/** A file Minute Book cannot read as minutes; the message names the file and what is wrong with it. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`Cannot import “${fileName}”: ${problem}`);
  }
}
