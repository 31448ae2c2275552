// Print (Ctrl+P, File → Print): the minutes as the formal document, never the window around them. The
// formal HTML carries its own paper (shared/export/html.ts: A4, margins, page numbers, the running
// header and the DRAFT mark), so what comes out of the printer is what the PDF export gives.
import { renderFormalHtml } from '../../../shared/export/formalHtml.js';
import { asRecorded } from '../../../shared/export/forms.js';
import type { Committee } from '../../../shared/model/committee.js';
import type { Meeting } from '../../../shared/model/meeting.js';
import { printDocument } from '../common/printDocument.js';

/**
 * Prints the meeting as it stands in the window, with the committee's heading as the minutes record it (asRecorded). Throws the export's own ExportError ("item 4 (the 4th
 * on the agenda) has no title") when the minutes cannot be printed yet, for the window to show.
 */
export function printMinutes(meeting: Meeting, committee: Committee): void {
  const formal = renderFormalHtml(asRecorded({ meeting, committee }));
  printDocument('The minutes for printing', String(formal.content));
}
