// The text of a PDF with its positions, read by Mozilla's pdf.js (the legacy build, which runs in
// Node), for shared/import/pdfLines.ts to rebuild into lines. It lives on the node side because the
// legacy build expects Node's globals and runs its parser as a "fake worker" in this process; the
// worker module is imported here so that the bundled main process, bridge and command line need no
// worker file at run time. A PDF that is encrypted, malformed, has no text (a scan) or takes too long
// is refused with an ImportError saying which.
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { ImportError } from '../../shared/import/index.js';
import type { PdfPageText, PdfTextRun } from '../../shared/import/pdfLines.js';

/**
 * pdf.js, loaded the first time a PDF is read: loading it installs polyfills on Node's globals (and
 * its in-process worker slows large HTTP bodies in the same process many times over), which no
 * process that never reads a PDF should pay for. pdf.js looks for the worker on globalThis before
 * trying to load a worker file.
 */
let loaded: Promise<typeof Pdfjs> | null = null;
const pdfjsLibrary = (): Promise<typeof Pdfjs> =>
  (loaded ??= (async () => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })());

/** More pages than any minutes (with their appended reports) have. */
export const MAX_PDF_PAGES = 2000;
/** A PDF that has not given up its text in this time is refused rather than left to hold the import. */
export const PDF_TIME_LIMIT_MS = 30_000;

/** "ABCDEF+LiberationSerif-Bold", "Arial,Bold", "Calibri-BoldItalic", "Helvetica-Black": a bold face. */
const boldFace = /bold|black|heavy|semibold|demi/i;

async function pagesOf(document: Pdfjs.PDFDocumentProxy, fileName: string): Promise<PdfPageText[]> {
  if (document.numPages > MAX_PDF_PAGES) throw new ImportError(fileName, `it has ${document.numPages} pages, more than the ${MAX_PDF_PAGES} Minute Book reads; import the minutes without their appendices.`);
  const pages: PdfPageText[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
    // The fonts' real names ("…-Bold") are known once the page's drawing operators are read.
    if (items.length > 0) await page.getOperatorList();
    const bold = new Map<string, boolean>();
    const isBold = (fontName: string): boolean => {
      let known = bold.get(fontName);
      if (known === undefined) {
        const font = page.commonObjs.has(fontName) ? (page.commonObjs.get(fontName) as { name?: string; bold?: boolean }) : null;
        known = font?.bold === true || boldFace.test(font?.name ?? '');
        bold.set(fontName, known);
      }
      return known;
    };
    const runs: PdfTextRun[] = items.map((item) => {
      const [a, b, , d, x, y] = item.transform as [number, number, number, number, number, number];
      return { text: item.str, x, y, width: item.width, size: Math.hypot(a, b) || Math.abs(d) || item.height, bold: isBold(item.fontName) };
    });
    pages.push({ width, height, runs });
    page.cleanup();
  }
  return pages;
}

/**
 * The text runs of every page, in PDF points.
 * @throws ImportError naming the file: encrypted (a password is needed), not a readable PDF, no text
 *   at all (a scanned document: Minute Book does not read images of text), too many pages, or not read
 *   within PDF_TIME_LIMIT_MS.
 */
export async function pdfText(fileName: string, bytes: Uint8Array): Promise<PdfPageText[]> {
  let task: Pdfjs.PDFDocumentLoadingTask | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ImportError(fileName, `its text could not be read within ${PDF_TIME_LIMIT_MS / 1000} seconds; the PDF may be damaged.`)), PDF_TIME_LIMIT_MS);
  });
  try {
    // pdf.js takes ownership of the bytes it is given, and refuses a Node Buffer: give it a plain copy.
    const pdfjs = await pdfjsLibrary();
    task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
    const pages = await Promise.race([task.promise.then((document) => pagesOf(document, fileName)), timeout]);
    if (pages.every((page) => page.runs.length === 0)) {
      throw new ImportError(fileName, 'the PDF has no text, only images of pages (a scanned document?); Minute Book does not read scans. Import the minutes as the council published them in text, or a Word copy.');
    }
    return pages;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportError(fileName, 'the PDF is encrypted and needs a password to open; save an unprotected copy and import that.');
    throw new ImportError(fileName, `it is not a readable PDF (${(error as Error).message ?? String(error)}).`);
  } finally {
    clearTimeout(timer);
    await task?.destroy();
  }
}
