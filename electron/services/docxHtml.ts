// A Word document (.docx) as HTML for the HTML reader, by mammoth, which keeps headings, lists and
// bold as HTML. Two things are done around it. Before mammoth inflates anything, the zip is checked
// with yauzl: the parts it holds, their uncompressed sizes as declared, and, for the XML parts mammoth
// reads, their real sizes (yauzl stops inflating a part the moment it outgrows what it declared), so a
// zip bomb is refused after at most MAX_DOCX_UNCOMPRESSED bytes of inflating. And Word's automatic
// numbering is written into the text: mammoth turns each numbered paragraph into a list item without
// its number, and a list interrupted by the minutes under each heading would start again at 1 in
// HTML, so the numbers are counted here as Word counts them ("3. Accounts for Payment").
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { ImportError } from '../../shared/import/index.js';

/** No part of a Word document of minutes comes near this; word/document.xml of a 300-page report is a few MB. */
export const MAX_DOCX_PART = 16 * 1024 * 1024;
/** All the XML parts together, uncompressed: mammoth holds them as a tree, several times this in memory. */
export const MAX_DOCX_UNCOMPRESSED = 32 * 1024 * 1024;
/**
 * Word's XML deflates 5 to 20 times; a part over a megabyte that claims more than this is padding
 * made to inflate (the usual zip bomb, a run of one byte, deflates about 1000 times).
 */
export const MAX_DOCX_RATIO = 100;
const MAX_DOCX_ENTRIES = 10_000;

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The XML parts (what mammoth reads; images and other media are never opened). */
const isXmlPart = (name: string): boolean => /\.(?:xml|rels)$/i.test(name);

/**
 * Checks the zip before mammoth reads it.
 * @throws ImportError naming the file: not a zip, not a Word document, or a part (or all of them) too
 *   large uncompressed, declared or real.
 */
async function checkZip(fileName: string, bytes: Buffer): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw new ImportError(fileName, `it is not a readable Word document (the zip is damaged: ${(error as Error).message}).`);
  }
  const tooLarge = (what: string) => new ImportError(fileName, `${what} too large when uncompressed (a “zip bomb”?): Word documents of minutes are far smaller.`);
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        if (entries.length > MAX_DOCX_ENTRIES) return reject(new ImportError(fileName, `it holds more than ${MAX_DOCX_ENTRIES} parts, which no Word document does.`));
        if (isXmlPart(entry.fileName)) {
          declared += entry.uncompressedSize;
          if (entry.uncompressedSize > MAX_DOCX_PART) return reject(tooLarge(`its part ${entry.fileName} is ${megabytes(entry.uncompressedSize)},`));
          if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > MAX_DOCX_RATIO * Math.max(1, entry.compressedSize)) {
            return reject(tooLarge(`its part ${entry.fileName} inflates ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times, to ${megabytes(entry.uncompressedSize)}:`));
          }
          if (declared > MAX_DOCX_UNCOMPRESSED) return reject(tooLarge(`its text is over ${megabytes(MAX_DOCX_UNCOMPRESSED)},`));
        }
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    if (!entries.some((entry) => entry.fileName === 'word/document.xml')) {
      throw new ImportError(fileName, 'it is a zip file but not a Word document (it has no word/document.xml); save the minutes as .docx from Word and import that.');
    }
    // The sizes a zip declares can lie: inflate each part mammoth will read, stopping at what it declared.
    for (const entry of entries.filter((candidate) => isXmlPart(candidate.fileName))) {
      const stream = await zip.openReadStreamPromise(entry);
      const keep = numberingParts.includes(entry.fileName);
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (chunk: Buffer) => (keep ? chunks.push(chunk) : undefined));
        stream.on('end', () => {
          if (keep) kept.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          resolve();
        });
        stream.on('error', (error: Error) => reject(/too many bytes/i.test(error.message) ? tooLarge(`its part ${entry.fileName} is larger than it declares and`) : error));
      });
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, `it is not a readable Word document (${(error as Error).message}).`);
  } finally {
    zip.close();
  }
  return kept;
}

/** The parts the numbering pass reads besides mammoth: where each list starts. */
const numberingParts = ['word/document.xml', 'word/numbering.xml'];

/**
 * Where each numbered paragraph's list starts, in the order the paragraphs come: Word's `w:start`
 * ("N 19." in a document whose items carry on the year's numbering), or a `w:startOverride` of its
 * list. mammoth reads neither, so they are read from the XML here; the numbered paragraphs
 * (`w:numPr`) are taken in document order, as mammoth's tree gives them.
 */
function listStarts(parts: Map<string, string>): number[] {
  const numbering = parts.get('word/numbering.xml') ?? '';
  const attribute = (tag: string, name: string): string | null => new RegExp(`\\s${name}="(\\d+)"`).exec(tag)?.[1] ?? null;
  const levelStarts = new Map<string, number>();
  for (const { tag, body } of elements(numbering, 'w:abstractNum')) {
    for (const level of elements(body, 'w:lvl')) {
      const start = /<w:start\s+w:val="(\d+)"/.exec(level.body);
      levelStarts.set(`${attribute(tag, 'w:abstractNumId')} ${attribute(level.tag, 'w:ilvl')}`, start === null ? 1 : Number(start[1]));
    }
  }
  const lists = new Map<string, { abstract: string; overrides: Map<string, number> }>();
  for (const { tag, body } of elements(numbering, 'w:num')) {
    const overrides = new Map<string, number>();
    for (const override of elements(body, 'w:lvlOverride')) {
      const start = /<w:startOverride\s+w:val="(\d+)"/.exec(override.body);
      if (start !== null) overrides.set(attribute(override.tag, 'w:ilvl') ?? '0', Number(start[1]));
    }
    lists.set(attribute(tag, 'w:numId') ?? '', { abstract: /<w:abstractNumId\s+w:val="(\d+)"/.exec(body)?.[1] ?? '', overrides });
  }
  const starts: number[] = [];
  for (const { body } of elements(parts.get('word/document.xml') ?? '', 'w:numPr')) {
    const id = /<w:numId\s+w:val="(\d+)"/.exec(body)?.[1] ?? '0';
    if (id === '0') continue;
    const level = /<w:ilvl\s+w:val="(\d+)"/.exec(body)?.[1] ?? '0';
    const list = lists.get(id);
    starts.push(list?.overrides.get(level) ?? levelStarts.get(`${list?.abstract ?? ''} ${level}`) ?? 1);
  }
  return starts;
}

/**
 * Each `<name …>…</name>` in the XML, its opening tag and its body, found with indexOf so that the
 * scan stays linear however the part is made (an opening with no end stops it, rather than making
 * each later opening search to the end again).
 */
function* elements(xml: string, name: string): Generator<{ tag: string; body: string }> {
  const close = `</${name}>`;
  for (let at = xml.indexOf(`<${name}`); at >= 0; at = xml.indexOf(`<${name}`, at)) {
    const after = xml[at + name.length + 1];
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return;
    // "<w:num" also opens "<w:numPr>" and "<w:numId …/>": only the element itself counts.
    if (after !== ' ' && after !== '>' && after !== '/') {
      at = tagEnd;
      continue;
    }
    const tag = xml.slice(at, tagEnd + 1);
    if (tag.endsWith('/>')) {
      at = tagEnd;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) return;
    yield { tag, body: xml.slice(tagEnd + 1, end) };
    at = end + close.length;
  }
}

/** mammoth's document tree, as far as the numbering pass needs it (mammoth/lib/documents.js). */
interface DocumentElement {
  type: string;
  children?: DocumentElement[];
  numbering?: { isOrdered: boolean; level: string } | null;
  value?: string;
}

/** A plain run as mammoth's documents.Run makes one (every property, or its HTML writer trips). */
const numberRun = (value: string): DocumentElement =>
  ({
    type: 'run',
    children: [{ type: 'text', value }],
    styleId: null,
    styleName: null,
    isBold: false,
    isUnderline: false,
    isItalic: false,
    isStrikethrough: false,
    isAllCaps: false,
    isSmallCaps: false,
    verticalAlignment: 'baseline',
    font: null,
    fontSize: null,
    highlight: null,
  }) as DocumentElement;

/** The numbered paragraphs in mammoth's tree, in document order. */
function numberedParagraphs(element: DocumentElement, into: DocumentElement[] = []): DocumentElement[] {
  if (element.type === 'paragraph' && element.numbering !== undefined && element.numbering !== null) into.push(element);
  for (const child of element.children ?? []) numberedParagraphs(child, into);
  return into;
}

/**
 * Writes each automatically numbered paragraph's number into its text, and makes it an ordinary
 * paragraph. Each list counts from its own start (`starts`, one for each numbered paragraph in
 * order), used only when the XML's numbered paragraphs are the very ones mammoth found; otherwise from 1.
 */
function numberParagraphs(document: DocumentElement, starts: readonly number[]): DocumentElement {
  const numbered = numberedParagraphs(document);
  const startOf = new Map<DocumentElement, number>();
  if (numbered.length === starts.length) numbered.forEach((paragraph, index) => startOf.set(paragraph, starts[index] ?? 1));
  const counters = new Map<object, number>();
  const visit = (element: DocumentElement): void => {
    const numbering = element.numbering;
    if (element.type === 'paragraph' && numbering?.isOrdered === true) {
      const count = counters.has(numbering) ? (counters.get(numbering) as number) + 1 : (startOf.get(element) ?? 1);
      counters.set(numbering, count);
      // A number at one level starts the levels below it again, as in Word.
      for (const level of counters.keys()) if (Number((level as { level: string }).level) > Number(numbering.level)) counters.delete(level);
      element.children = [numberRun(`${count}. `), ...(element.children ?? [])];
      element.numbering = null;
    }
    for (const child of element.children ?? []) visit(child);
  };
  visit(document);
  return document;
}

/**
 * The document as an HTML page (`<html><body>…`), images left out.
 * @throws ImportError naming the file when it is not a Word document or could be a zip bomb.
 */
export async function docxHtml(fileName: string, bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = listStarts(await checkZip(fileName, buffer));
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer },
      {
        externalFileAccess: false,
        // Images are not minutes: never inflated, never embedded.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (document: DocumentElement) => numberParagraphs(document, starts),
      },
    );
    return `<html><body>${value}</body></html>`;
  } catch (error) {
    throw new ImportError(fileName, `it is not a readable Word document (${(error as Error).message}).`);
  }
}
