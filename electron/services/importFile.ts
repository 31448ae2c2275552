// Reads one file of the archive from its bytes, whatever its format: a PDF (pdf.js, then the lines
// rebuilt in shared/import/pdfLines.ts), a Word document (mammoth to HTML, then the HTML reader), or
// text (UTF-8: plain text, Markdown, HTML, the JSON archive). The format is told by the bytes
// themselves (shared/import/fileFormat.ts), never by the file's name; the size is checked before
// anything is parsed. Used by the contract's library:read-file (the window sends PDF and Word files
// as base64) and by the command line (every file).
import { ImportError, MAX_IMPORT_BYTES, importDocument, importPdfPages, type ImportOptions, type ImportOutcome } from '../../shared/import/index.js';
import { MAX_BINARY_IMPORT_BYTES, fileFormatOf } from '../../shared/import/fileFormat.js';

/** A size in whole megabytes, as refusals name it ("50 MB"). */
export const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Reads the file's meetings and report; `bytes` is the whole file, `options` the kinds of interest to
 * read declarations against (shared/import/index.ts `readForCommittee`).
 * @throws ImportError naming the file and what is wrong: too large (text over MAX_IMPORT_BYTES, a PDF
 *   or Word file over MAX_BINARY_IMPORT_BYTES), an old .doc, a zip that is not Word, a zip bomb, a PDF
 *   that is encrypted, damaged or scanned, or text that is not minutes.
 */
export async function readImportFile(fileName: string, bytes: Uint8Array, newId: () => string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const format = fileFormatOf(bytes);
  if (format === 'text') {
    if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportError(fileName, `the file is larger than ${megabytes(MAX_IMPORT_BYTES)}, far more than any set of minutes; check that it is the right file.`);
    return importDocument(fileName, new TextDecoder('utf-8').decode(bytes), newId, options);
  }
  if (bytes.byteLength > MAX_BINARY_IMPORT_BYTES) {
    throw new ImportError(fileName, `the file is larger than ${megabytes(MAX_BINARY_IMPORT_BYTES)}, more than any minutes; if it is a pack with the reports, import the minutes alone.`);
  }
  if (format === 'ole') throw new ImportError(fileName, 'it is an old-style Word (.doc) or Office file; open it in Word and save it as .docx, then import that.');
  // mammoth and pdf.js are loaded when a Word file or PDF comes, not at start-up: a folder of text pages needs neither.
  if (format === 'zip') return importDocument(fileName, await (await import('./docxHtml.js')).docxHtml(fileName, bytes), newId, options);
  return importPdfPages(fileName, await (await import('./pdfText.js')).pdfText(fileName, bytes), newId, options);
}
