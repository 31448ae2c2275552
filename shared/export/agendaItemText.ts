// The council's single "Agenda item" page as text (seed 002): one item's title, source, minutes and
// its supporting documents.
import { fileStem, requestedItem, requirePublishable, type ExportedFile, type ExportRequest } from './exportForm.js';
import { draftMark, signatureLine, publishedItem } from './lifecycleMarks.js';
import { minutesOutline } from './outline.js';
import { minutesText } from './plainText.js';

export function renderAgendaItemText(request: ExportRequest): ExportedFile {
  requirePublishable(request);
  const item = requestedItem(request);
  const sections = [...draftMark(request.meeting), 'Agenda item', item.title];
  if (item.source !== '') sections.push(item.source);
  sections.push('Minutes:', minutesText(minutesOutline(publishedItem(request.meeting, item).minutes, request.committee.declarationKinds), { bullet: '•', nested: '◦' }), 'Supporting documents:');
  for (const document of item.documents) sections.push(document.sizeKb === null ? document.title : `${document.title} PDF ${Math.round(document.sizeKb)} KB`);
  sections.push(...signatureLine(request.meeting));
  return {
    fileName: `${fileStem(request)}-item-${item.minuteNumber}.txt`,
    mediaType: 'text/plain; charset=utf-8',
    content: `${sections.join('\n\n')}\n`,
  };
}
