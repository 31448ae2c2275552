// The formal minutes document as HTML (seed 003's content): printable, and the source of the PDF.
import { draftMark, publishedItem } from './lifecycleMarks.js';
import { attendanceGroups } from '../attendanceText.js';
import { formatFormalDate, formatHeldAt } from '../dates.js';
import { meetingTimeLines } from './meetingTimes.js';
import { businessHeadings } from '../model/meeting.js';
import { fileStem, formalItemNumber, requirePublishable, type ExportedFile, type ExportRequest } from './exportForm.js';
import { blockHtml, escapeHtml, htmlDocument, lifecycleHtml, runningHeaderStyles } from './html.js';
import { minutesOutline } from './outline.js';

export function renderFormalHtml(request: ExportRequest): ExportedFile {
  requirePublishable(request);
  const { meeting, committee } = request;
  const heldAt = formatHeldAt(meeting);
  const lifecycle = lifecycleHtml(meeting);
  const parts = [
    ...lifecycle.opening,
    `<p class="council"><strong>${escapeHtml(committee.council)}</strong></p>`,
    `<h1>Minutes of the Meeting of ${escapeHtml(committee.name)} <span class="held">${heldAt}</span></h1>`,
  ];
  const groups = attendanceGroups(meeting.attendance);
  if (groups.length > 0) {
    const rows = groups.map(
      (group) => `<div class="attendance-group"><dt>${escapeHtml(group.heading)}:</dt>${group.entries.map((entry) => `<dd>${escapeHtml(entry)}</dd>`).join('')}</div>`,
    );
    parts.push('<h2>Present:</h2>', `<dl class="attendance">${rows.join('')}</dl>`);
  }
  let business: string | null = null;
  meeting.items.forEach((item, index) => {
    if (item.business !== business) {
      business = item.business;
      parts.push(`<h2>${businessHeadings[item.business]}</h2>`);
    }
    parts.push(`<section><h3>${escapeHtml(formalItemNumber(request, item, index))} ${escapeHtml(item.title)}</h3>${minutesOutline(publishedItem(meeting, item).minutes, committee.declarationKinds).map(blockHtml).join('\n')}</section>`);
  });
  parts.push(...meetingTimeLines(meeting).map((line) => `<p class="closed">${escapeHtml(line)}</p>`));
  parts.push(...lifecycle.closing);
  return {
    fileName: `${fileStem(request)}-minutes.html`,
    mediaType: 'text/html; charset=utf-8',
    content: htmlDocument(`Minutes of the Meeting of ${committee.name}, ${formatFormalDate(meeting.date)}`, parts.join('\n'), lifecycle.styles + runningHeaderStyles(`${committee.name} — ${formatFormalDate(meeting.date)}`, draftMark(meeting)[0] ?? null)),
  };
}
