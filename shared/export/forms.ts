// Every export form, by name. Each is one module; a new form is one new file and one line here.
// The PDF is the formal HTML printed by Chromium, which only the node side can do.
import { renderAgendaItemText } from './agendaItemText.js';
import { renderAkomaNtoso } from './akomaNtoso.js';
import { renderDocx } from './docx.js';
import { fileStem, type ExportFormat, type ExportedFile, type ExportRequest } from './exportForm.js';
import { renderFormalHtml } from './formalHtml.js';
import { renderFormalMarkdown } from './formalMarkdown.js';
import { renderJsonArchive } from './jsonArchive.js';
import { renderPageHtml } from './pageHtml.js';
import { renderPageText } from './pageText.js';
import { committeeAsRecorded } from '../lifecycle/recorded.js';

export interface ExportFormInfo {
  label: string;
  /** Needs `item` in the request: the single Agenda item page. */
  needsItem: boolean;
  /** Renders in any environment; absent for the PDF, which the node side prints from the formal HTML. */
  render?: (request: ExportRequest) => ExportedFile | Promise<ExportedFile>;
}

/**
 * The request as the minutes print: circulated, agreed and signed minutes carry the committee's
 * heading and numbering as they were circulated (committeeAsRecorded), whatever the committee says now.
 */
export const asRecorded = (request: ExportRequest): ExportRequest => ({ ...request, committee: committeeAsRecorded(request.committee, request.meeting) });

const recorded =
  <R>(render: (request: ExportRequest) => R) =>
  (request: ExportRequest): R =>
    render(asRecorded(request));

export const exportForms: Record<ExportFormat, ExportFormInfo> = {
  'page-text': { label: 'Agenda and minutes page (text)', needsItem: false, render: recorded(renderPageText) },
  'page-html': { label: 'Agenda and minutes page (HTML)', needsItem: false, render: recorded(renderPageHtml) },
  item: { label: 'Agenda item page (text)', needsItem: true, render: recorded(renderAgendaItemText) },
  'formal-md': { label: 'Formal minutes (Markdown)', needsItem: false, render: recorded(renderFormalMarkdown) },
  'formal-html': { label: 'Formal minutes (HTML)', needsItem: false, render: recorded(renderFormalHtml) },
  pdf: { label: 'Formal minutes (PDF)', needsItem: false },
  docx: {
    label: 'Formal minutes (Word)',
    needsItem: false,
    render: recorded(async (request) => ({
      fileName: `${fileStem(request)}-minutes.docx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: await renderDocx(request),
    })),
  },
  json: { label: 'Lossless JSON archive', needsItem: false, render: renderJsonArchive },
  akn: {
    label: 'Akoma Ntoso (LegalDocML) XML',
    needsItem: false,
    render: recorded((request) => ({ fileName: `${fileStem(request)}-akn.xml`, mediaType: 'application/akn+xml', content: renderAkomaNtoso(request) })),
  },
};
