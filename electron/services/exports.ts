// Exporting on the node side: every pure form from shared/export, the PDF printed from the formal
// HTML, and writing the result without ever overwriting a file the caller did not say to replace.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { committeeStem, type ExportFormat, type ExportedFile, type ExportRequest } from '../../shared/export/exportForm.js';
import { renderFormalHtml } from '../../shared/export/formalHtml.js';
import { asRecorded, exportForms } from '../../shared/export/forms.js';
import { archivePackage } from '../../shared/export/jsonArchive.js';
import { LibraryError } from './libraryErrors.js';
import type { MeetingLibrary } from './meetingLibrary.js';
import { heldAtKey } from '../../shared/dates.js';

/** Prints an HTML document to PDF: Electron's printToPDF in the app, Chromium elsewhere. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export async function exportMeeting(request: ExportRequest, format: ExportFormat, printPdf: PdfPrinter): Promise<ExportedFile> {
  const form = exportForms[format];
  if (form.render !== undefined) return form.render(request);
  const html = renderFormalHtml(asRecorded(request));
  return { fileName: html.fileName.replace(/\.html$/, '.pdf'), mediaType: 'application/pdf', content: await printPdf(String(html.content)) };
}

/** The lossless archive of every meeting of a committee in the library, oldest first. */
export async function committeeArchive(library: MeetingLibrary, committeeId: string): Promise<ExportedFile> {
  const { committees, meetings } = library.overview();
  const committee = committees.find((candidate) => candidate.id === committeeId);
  if (committee === undefined) throw new LibraryError('not-found', `There is no committee with id ${committeeId} in this library.`);
  const summaries = meetings.filter((summary) => summary.committeeId === committeeId).sort((a, b) => heldAtKey(a).localeCompare(heldAtKey(b)));
  const archived = [];
  for (const summary of summaries) archived.push(await library.meetingAsStored(summary.id));
  return { fileName: `${committeeStem(committee)}-archive.json`, mediaType: 'application/json', content: `${JSON.stringify(archivePackage(committee, archived), null, 2)}\n` };
}

/**
 * Writes an export to `path`. An existing file is kept unless `overwrite` is set; the content goes to a
 * temporary file first and is renamed into place, so a failed write leaves nothing half-written.
 */
export async function writeExport(file: ExportedFile, path: string, overwrite: boolean): Promise<void> {
  if (!overwrite) {
    // Claim the name first: 'wx' fails if the file exists, and leaves an empty placeholder otherwise.
    try {
      await (await open(path, 'wx')).close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new LibraryError('conflict', `${path} already exists; choose another name or ask to replace it.`);
      }
      throw error;
    }
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(file.content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (!overwrite) await rm(path, { force: true });
    throw error;
  }
}
