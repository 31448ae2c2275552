// The formal minutes document as Markdown (seed 003): the council, the title with time and date,
// who was present, the items numbered within the meeting under Public/Private Business, and the
// closing time.
import { attendanceGroups } from '../attendanceText.js';
import { formatHeldAt } from '../dates.js';
import { meetingTimeLines } from './meetingTimes.js';
import { businessHeadings } from '../model/meeting.js';
import { fileStem, formalItemNumber, requirePublishable, type ExportedFile, type ExportRequest } from './exportForm.js';
import { blockMarkdown, escapeMarkdown } from './markdown.js';
import { draftMark, signatureLine, publishedItem } from './lifecycleMarks.js';
import { minutesOutline } from './outline.js';

export function renderFormalMarkdown(request: ExportRequest): ExportedFile {
  requirePublishable(request);
  const { meeting, committee } = request;
  const sections: string[] = [
    ...draftMark(meeting).map((mark) => `**${mark}**`),
    [
      `**${escapeMarkdown(committee.council)}**`,
      `**Minutes of the Meeting of ${escapeMarkdown(committee.name)}**`,
      `**${formatHeldAt(meeting)}**`,
    ].join('  \n'),
  ];
  const groups = attendanceGroups(meeting.attendance);
  if (groups.length > 0) sections.push('Present:');
  for (const group of groups) {
    const entries = group.entries.map(escapeMarkdown);
    if (group.entriesBelowHeading) sections.push(`${group.heading}:`, entries.join('  \n'));
    else sections.push([`${group.heading}: ${entries[0]}`, ...entries.slice(1)].join('  \n'));
  }
  let business: string | null = null;
  meeting.items.forEach((item, index) => {
    if (item.business !== business) {
      business = item.business;
      sections.push(`## **${businessHeadings[item.business]}**`);
    }
    sections.push(`### **${formalItemNumber(request, item, index)} ${escapeMarkdown(item.title)}**`, ...minutesOutline(publishedItem(meeting, item).minutes, committee.declarationKinds).map(blockMarkdown));
  });
  sections.push(...meetingTimeLines(meeting).map(escapeMarkdown));
  sections.push(...signatureLine(meeting).map(escapeMarkdown));
  return { fileName: `${fileStem(request)}-minutes.md`, mediaType: 'text/markdown; charset=utf-8', content: `${sections.join('\n\n')}\n` };
}
