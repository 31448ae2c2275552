// What every export form shares: the request (a meeting, its committee, and per-form options), the
// exported file, and the checks that refuse to export a meeting lacking what a form needs.
import type { Committee } from '../model/committee.js';
import type { Item, Meeting } from '../model/meeting.js';
import { minuteYearsOf, printedMinuteNumber } from '../numbering.js';

export const exportFormats = ['page-text', 'page-html', 'item', 'formal-md', 'formal-html', 'pdf', 'docx', 'json', 'akn'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportRequest {
  meeting: Meeting;
  committee: Committee;
  /** The item for the single "Agenda item" page, by minute number. */
  item?: number;
  /**
   * Cut an item's minutes on the Agenda and minutes page after this many characters, as the council's
   * site does ("...  view the full minutes text for item 7."), keyed by minute number.
   */
  cutMinutes?: Readonly<Record<number, number>>;
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string | Uint8Array;
}

export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(readonly problems: string[]) {
    super(`Cannot export: ${problems.join('; ')}.`);
  }
}

/**
 * The number beside an item on the Agenda and minutes page and in Akoma Ntoso: as its document printed
 * it when imported ("PLN84/23", "5.1"), else in the committee's style ("79.", "EX23", "26/14").
 */
export function itemNumberAsPublished(request: Pick<ExportRequest, 'meeting' | 'committee'>, item: Item): string {
  const { meeting, committee } = request;
  return printedMinuteNumber(item, minuteYearsOf(meeting.date, committee.municipalYearStartMonth), committee.numberingStyle);
}

/**
 * The number beside an item in the formal minutes (Markdown, HTML, PDF, Word): as its document printed
 * it when imported; "1.", "2." … within the meeting where the committee prints the number alone (seed 003
 * numbers its items so); else the committee's style ("EX23", "PLN84/23"), which formal minutes print too.
 */
export function formalItemNumber(request: Pick<ExportRequest, 'meeting' | 'committee'>, item: Item, index: number): string {
  const style = request.committee.numberingStyle;
  if (item.printedNumber === undefined && style.prefix === '' && style.yearAt === 'none') return `${index + 1}${style.terminator}`;
  return itemNumberAsPublished(request, item);
}

/** Everything a published form needs: refuses with every problem named, before anything is written. */
export function requirePublishable(request: ExportRequest): void {
  const { meeting, committee } = request;
  const problems: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meeting.date ?? '')) problems.push('the meeting has no date');
  // No start time is a fact of some published minutes (printed "held on …"); a malformed one is not.
  if (meeting.startTime !== null && !/^\d{2}:\d{2}$/.test(meeting.startTime)) problems.push('the meeting’s start time is not a time');
  if (committee.name.trim() === '') problems.push('the committee has no name');
  if (meeting.items.length === 0) problems.push('the meeting has no items');
  meeting.items.forEach((item, index) => {
    if (item.title.trim() === '') problems.push(`item ${item.minuteNumber} (the ${ordinal(index + 1)} on the agenda) has no title`);
  });
  if (problems.length > 0) throw new ExportError(problems);
}

/** The item a single-item form exports, or an error naming the minute numbers there are. */
export function requestedItem(request: ExportRequest): Item {
  const { meeting, item } = request;
  if (item === undefined) throw new ExportError(['choose an item (by minute number) for the Agenda item page']);
  const found = meeting.items.find((candidate) => candidate.minuteNumber === item);
  if (found === undefined) {
    throw new ExportError([`there is no item ${item} in this meeting (its items are ${meeting.items.map((i) => i.minuteNumber).join(', ')})`]);
  }
  return found;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "education-and-childrens-services-scrutiny-board-2": the committee's part of exported files' names. */
export function committeeStem(committee: Committee): string {
  return committee.name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "education-and-childrens-services-scrutiny-board-2-2017-07-13", the stem of a meeting's exported files. */
export function fileStem(request: ExportRequest): string {
  return `${committeeStem(request.committee)}-${request.meeting.date}`;
}
