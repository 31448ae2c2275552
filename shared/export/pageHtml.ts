// The "Agenda and minutes" page as HTML: the same content as the text form (seeds 001 and 004), as a
// self-contained, accessible, printable document.
import { publishedItem } from './lifecycleMarks.js';
import { formatClockTime } from '../dates.js';
import type { DeclarationKind } from '../model/declarationKinds.js';
import type { Item } from '../model/meeting.js';
import { fileStem, itemNumberAsPublished, requirePublishable, type ExportedFile, type ExportRequest } from './exportForm.js';
import { blockHtml, escapeHtml, htmlDocument, lifecycleHtml } from './html.js';
import { meetingTimeLines } from './meetingTimes.js';
import { minutesOutline } from './outline.js';
import { pageHeader } from './pageText.js';

function documentNote(item: Item): string {
  const size = item.documents[0]?.sizeKb;
  return size === undefined || size === null ? '' : ` <span class="document"><span class="visually-hidden">pdf icon</span> PDF ${Math.round(size)} KB</span>`;
}

function itemHtml(item: Item, number: string, kinds: readonly DeclarationKind[]): string {
  const parts = [`<h3><span class="minute-number">${escapeHtml(number)}</span> ${escapeHtml(item.title)}${documentNote(item)}</h3>`];
  if (item.source !== '') parts.push(`<p class="source">${escapeHtml(item.source)}</p>`);
  for (const line of item.agendaText.split('\n').filter((text) => text !== '')) parts.push(`<p class="agenda-text">${escapeHtml(line)}</p>`);
  if (item.documents.length > 1) parts.push('<p>Additional documents:</p>');
  parts.push('<h4>Minutes:</h4>', ...minutesOutline(item.minutes, kinds).map(blockHtml));
  return `<li id="item-${item.minuteNumber}"><article>${parts.join('\n')}</article></li>`;
}

export function renderPageHtml(request: ExportRequest): ExportedFile {
  requirePublishable(request);
  const { meeting, committee } = request;
  const [title, venue, contact] = pageHeader(meeting, committee) as [string, string, string];
  const lifecycle = lifecycleHtml(meeting);
  const body = [
    ...lifecycle.opening,
    '<h1>Agenda and minutes</h1>',
    `<p class="meeting">${escapeHtml(title)}</p>`,
    `<p>${escapeHtml(venue)}</p>`,
    `<p>${escapeHtml(contact)}</p>`,
    '<h2 id="items">Items</h2>',
    `<ol class="items" aria-labelledby="items">${meeting.items.map((item) => itemHtml(publishedItem(meeting, item), itemNumberAsPublished(request, item), committee.declarationKinds)).join('\n')}</ol>`,
    ...meetingTimeLines(meeting, formatClockTime).map((line) => `<p class="closed">${escapeHtml(line)}</p>`),
    ...lifecycle.closing,
  ].join('\n');
  return {
    fileName: `${fileStem(request)}-agenda-and-minutes.html`,
    mediaType: 'text/html; charset=utf-8',
    content: htmlDocument(`Agenda and minutes – ${title}`, body, lifecycle.styles),
  };
}
