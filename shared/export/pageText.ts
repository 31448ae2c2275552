// The council's "Agenda and minutes" page as text (seeds 001 and 004): header, then each item's
// minute number, title with its document, source, agenda text and minutes.
import { formatAgendaDate, formatClockTime } from '../dates.js';
import type { Item, Meeting } from '../model/meeting.js';
import type { Committee } from '../model/committee.js';
import type { DeclarationKind } from '../model/declarationKinds.js';
import { fileStem, itemNumberAsPublished, requirePublishable, type ExportedFile, type ExportRequest } from './exportForm.js';
import { draftMark, signatureLine, publishedItem } from './lifecycleMarks.js';
import { meetingTimeLines } from './meetingTimes.js';
import { minutesOutline } from './outline.js';
import { minutesText, type BulletMarks } from './plainText.js';

export const pageBullets: BulletMarks = { bullet: '·', nested: '•' };

/** "One Strategic Plan for School Organisation pdf icon PDF 51 KB": the title with its first document. */
export function titleWithDocument(item: Item): string {
  const size = item.documents[0]?.sizeKb;
  return size === undefined || size === null ? item.title : `${item.title} pdf icon PDF ${Math.round(size)} KB`;
}

/** The item's minutes as the page prints them, cut where the request asks ("...  view the full minutes text for item 7."). */
export function pageMinutes(item: Item, cutAt: number | undefined, kinds: readonly DeclarationKind[]): string {
  const text = minutesText(minutesOutline(item.minutes, kinds), pageBullets);
  if (cutAt === undefined || text.length < cutAt) return text;
  return `${text.slice(0, cutAt).trimEnd()}  ...  view the full minutes text for item ${item.minuteNumber}.`;
}

export function pageHeader(meeting: Meeting, committee: Committee): string[] {
  const contact = meeting.contact;
  return [
    [committee.name, '-', formatAgendaDate(meeting.date), ...(meeting.startTime === null ? [] : [formatClockTime(meeting.startTime)])].join(' '),
    `Venue: ${meeting.venue}. View directions`,
    [`Contact: ${contact.name}`, contact.phone && `Tel: ${contact.phone}`, contact.email && `Email:  ${contact.email}`].filter(Boolean).join('  '),
  ];
}

function itemBlock(item: Item, number: string, cutAt: number | undefined, kinds: readonly DeclarationKind[]): string {
  const lines = [number, titleWithDocument(item)];
  if (item.source !== '') lines.push(item.source);
  if (item.agendaText !== '') lines.push(...item.agendaText.split('\n'));
  if (item.documents.length > 1) lines.push('Additional documents:');
  lines.push('Minutes:', pageMinutes(item, cutAt, kinds));
  return lines.join('\n\n');
}

export function renderPageText(request: ExportRequest): ExportedFile {
  requirePublishable(request);
  const { meeting, committee, cutMinutes = {} } = request;
  const text = [
    ...draftMark(meeting),
    'Agenda and minutes',
    ...pageHeader(meeting, committee),
    'Items\nNo. Item',
    ...meeting.items.map((item) => itemBlock(publishedItem(meeting, item), itemNumberAsPublished(request, item), cutMinutes[item.minuteNumber], committee.declarationKinds)),
    ...meetingTimeLines(meeting, formatClockTime),
    ...signatureLine(meeting),
  ].join('\n\n');
  return { fileName: `${fileStem(request)}-agenda-and-minutes.txt`, mediaType: 'text/plain; charset=utf-8', content: `${text}\n` };
}
