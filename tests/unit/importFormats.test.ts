// Each reader against tests/fixtures/import-formats/expected.json, written by hand from the sources
// before any reader existed: PDFs printed by Chromium (running headers, "Page N of M", a minute-number
// column, a hyphenated and hard-wrapped paragraph), Word documents built with `docx` (automatic
// numbering on the headings, bold RESOLVED, bullets), and pages saved from a browser with the site's
// navigation, cookie notices and footers around the minutes. Then the files that must be refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxHtml } from '../../electron/services/docxHtml.js';
import { readImportFile } from '../../electron/services/importFile.js';
import { importDocument, type ImportOutcome, type ImportedMeeting } from '../../shared/import/index.js';
import { makeLine } from '../../shared/import/lines.js';
import { suggestedDate } from '../../shared/import/suggestedDate.js';
import { Item, type MinutesNodeJSON } from '../../shared/model/meeting.js';

const folder = join(import.meta.dirname, '..', 'fixtures', 'import-formats');

interface Expected {
  form: string;
  council: string | null;
  committee: string;
  date: string;
  startTime: string;
  closingTime: string | null;
  items: [number, string][];
  resolutions: number;
  paragraphs: Record<string, string[]>;
  bullets?: Record<string, string[]>;
  bold?: Record<string, string>;
  absent: string[];
}

const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, Expected> & { refused: Record<string, string> };

const read = (fileName: string, bytes: Uint8Array = readFileSync(join(folder, fileName))): Promise<ImportOutcome> => {
  let next = 0;
  return readImportFile(fileName, bytes, () => `id-${++next}`);
};

interface TextNode {
  text: string;
  bold: boolean;
}

/** Every text node under the blocks, with whether it is bold. */
function textNodes(blocks: readonly MinutesNodeJSON[]): TextNode[] {
  return blocks.flatMap((block) =>
    block.type === 'text'
      ? [{ text: block.text ?? '', bold: (block.marks ?? []).some((mark) => mark.type === 'strong') }]
      : textNodes((block.content ?? []) as MinutesNodeJSON[]),
  );
}

const paragraphTexts = (blocks: readonly MinutesNodeJSON[]): string[] =>
  blocks.filter((block) => block.type === 'paragraph').map((block) => textNodes([block]).map((node) => node.text).join(''));

/** The bullets of every bullet list in the blocks, those in a resolution's parts too ("RESOLVED that: · …"). */
const bulletTexts = (blocks: readonly MinutesNodeJSON[]): string[] =>
  blocks.flatMap((block) =>
    block.type === 'bullet_list'
      ? ((block.content ?? []) as MinutesNodeJSON[]).map((item) => textNodes([item]).map((node) => node.text).join(''))
      : bulletTexts((block.content ?? []) as MinutesNodeJSON[]),
  );

const itemNumbered = (meeting: ImportedMeeting, number: string) => {
  const item = meeting.items.find((candidate) => String(candidate.minuteNumber) === number);
  expect(item, `item ${number}`).toBeDefined();
  return item!;
};

const readable = Object.keys(expected).filter((name) => name !== 'refused' && !name.startsWith('$'));

describe.each(readable)('%s', (fileName) => {
  const want = expected[fileName] as Expected;
  const outcome = read(fileName);

  it('is read in its form, with the meeting details the document states', async () => {
    const { meetings, report } = await outcome;
    expect(meetings).toHaveLength(1);
    const meeting = meetings[0]!;
    expect(report.form).toBe(want.form);
    expect(meeting.committee).toEqual({ name: want.committee, council: want.council });
    expect([meeting.date, meeting.startTime, meeting.closingTime]).toEqual([want.date, want.startTime, want.closingTime]);
  });

  it('finds every item, numbered and titled as printed', async () => {
    const meeting = (await outcome).meetings[0]!;
    expect(meeting.items.map((item) => [item.minuteNumber, item.title])).toEqual(want.items);
    for (const item of meeting.items) expect(() => Item.parse(item)).not.toThrow();
  });

  it('finds the decisions', async () => {
    const meeting = (await outcome).meetings[0]!;
    // A resolution approving the previous minutes is read as the approval of the minutes, the block
    // Minute Book keeps such a decision in; expected.json counts every "RESOLVED".
    const decisions = meeting.items.flatMap((item) => item.minutes).filter((block) => block.type === 'resolution' || block.type === 'minutes_approval');
    expect(decisions).toHaveLength(want.resolutions);
  });

  it('keeps paragraphs whole, bullets as bullets and bold as bold', async () => {
    const meeting = (await outcome).meetings[0]!;
    for (const [number, paragraphs] of Object.entries(want.paragraphs)) {
      expect(paragraphTexts(itemNumbered(meeting, number).minutes)).toEqual(expect.arrayContaining(paragraphs));
    }
    for (const [number, bullets] of Object.entries(want.bullets ?? {})) {
      expect(bulletTexts(itemNumbered(meeting, number).minutes)).toEqual(bullets);
    }
    for (const [number, words] of Object.entries(want.bold ?? {})) {
      const item = itemNumbered(meeting, number);
      // The model keeps a bold "RESOLVED" as the resolution's lead, which every export prints in bold.
      const kept = textNodes(item.minutes).some((node) => node.bold && node.text.includes(words)) || (words === 'RESOLVED' && item.minutes.some((block) => block.type === 'resolution'));
      expect(kept, `“${words}” in bold in item ${number}`).toBe(true);
    }
  });

  it('leaves out running headers, page numbers and the site around the minutes, placing every other line', async () => {
    const { meetings, report } = await outcome;
    const seen = JSON.stringify(meetings) + JSON.stringify(report.unplaced);
    for (const text of want.absent) expect(seen).not.toContain(text);
    expect(report.unplaced).toEqual([]);
  });
});

describe('a Word document as HTML', () => {
  it('keeps the headings, Word’s automatic numbering (counted as Word counts it), bold and bullets', async () => {
    const html = await docxHtml('brackenfield-finance.docx', readFileSync(join(folder, 'brackenfield-finance.docx')));
    expect(html).toContain('<h1>Brackenfield Town Council</h1>');
    expect([...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1])).toEqual(['1. Apologies', '2. Declarations of Interest', '3. Accounts for Payment', '4. Internal Audit Report']);
    expect(html).toContain('<strong>RESOLVED</strong> that the payments be approved.');
    expect(html).toContain('<ul><li>the asset register be updated;</li><li>bank reconciliations be signed by a councillor each quarter.</li></ul>');
  });
});

describe('files that are refused, each with its reason', () => {
  const refusal = (fileName: string) => new RegExp(`Cannot import “${fileName}”: .*${expected.refused[fileName]}`);

  it('a scanned PDF, which has no text', async () => {
    await expect(read('scanned.pdf')).rejects.toThrow(refusal('scanned.pdf'));
  });

  it('an encrypted PDF', async () => {
    await expect(read('encrypted.pdf')).rejects.toThrow(refusal('encrypted.pdf'));
  });

  it('a malformed PDF: a header, then a cut-off copy with its bytes scrambled', async () => {
    const good = readFileSync(join(folder, 'harwick-planning.pdf'));
    const broken = good.subarray(0, good.length / 3).map((byte, at) => (at > 16 && at % 7 === 0 ? 0x00 : byte));
    await expect(read('malformed.pdf', broken)).rejects.toThrow(refusal('malformed.pdf'));
    await expect(read('malformed.pdf', new TextEncoder().encode('%PDF-1.7\nthis is not a PDF at all\n%%EOF'))).rejects.toThrow(refusal('malformed.pdf'));
  });

  /** Milliseconds the action takes. */
  const timed = async (action: () => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    await action();
    return performance.now() - started;
  };

  it('a PDF over 20 MB, before it is parsed', async () => {
    const bytes = new Uint8Array(21 * 1024 * 1024);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    const refusing = await timed(() => expect(read('oversized.pdf', bytes)).rejects.toThrow(refusal('oversized.pdf')));
    // Refused in a fraction of the time one look at every byte takes: it was never parsed.
    expect(refusing).toBeLessThan((await timed(async () => void new TextDecoder().decode(bytes))) / 4);
  });

  it('a 100 MB web page, by its size before it is decoded', async () => {
    const bytes = new Uint8Array(100 * 1024 * 1024).fill(0x3c);
    const refusing = await timed(() => expect(read('huge.html', bytes)).rejects.toThrow(/Cannot import “huge\.html”: the file is larger than 50 MB/));
    // Refused in a fraction of the time decoding it takes, measured in the same run (the machine may be busy).
    expect(refusing).toBeLessThan((await timed(async () => void new TextDecoder().decode(bytes))) / 4);
  });

  it('a web page nested a million elements deep: read in bounded time, no stack overflow', async () => {
    const deep = `<html><body><h1>Agenda and minutes</h1>${'<div><section>'.repeat(500_000)}<h3>1. Title</h3><p>Minutes:</p><p>Noted.</p></body></html>`;
    const started = performance.now();
    const outcome = await read('deep.html', new TextEncoder().encode(deep)).catch((error: unknown) => error);
    expect(outcome instanceof Error ? outcome.name : 'read').toMatch(/^(?:read|ImportError)$/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  const wordWithDocument = async (documentXml: string): Promise<Uint8Array> => {
    const zip = await JSZip.loadAsync(readFileSync(join(folder, 'kelby-licensing.docx')));
    zip.file('word/document.xml', documentXml);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  };

  it('a zip bomb in a Word document, declaring its size: refused from the zip directory, nothing inflated', async () => {
    const bomb = await wordWithDocument(' '.repeat(40 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    await expect(read('bomb.docx', bomb)).rejects.toThrow(refusal('bomb.docx'));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a zip bomb that lies about its size: inflating stops where the lie is found', async () => {
    const bomb = await wordWithDocument(`<?xml version="1.0"?>${' '.repeat(8 * 1024 * 1024)}`);
    // Patch the declared uncompressed size of word/document.xml, in its local header and in the central directory, to 2 KB.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    const nameAt = (at: number) => name.every((byte, offset) => bomb[at + offset] === byte);
    for (let at = 0; at + 46 < bomb.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50 && nameAt(at + 30)) view.setUint32(at + 22, 2048, true);
      if (signature === 0x02014b50 && nameAt(at + 46)) view.setUint32(at + 24, 2048, true);
    }
    await expect(read('bomb.docx', bomb)).rejects.toThrow(/larger than it declares and too large when uncompressed/);
  });

  it('a zip that is not a Word document, and an old .doc', async () => {
    const zip = new JSZip();
    zip.file('minutes.txt', 'Minutes of the Meeting of the Council');
    await expect(read('archive.zip', await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/not a Word document \(it has no word\/document.xml\)/);
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(read('minutes.doc', ole)).rejects.toThrow(/old-style Word \(.doc\)/);
  });

  it('a damaged zip', async () => {
    const word = readFileSync(join(folder, 'kelby-licensing.docx'));
    await expect(read('damaged.docx', word.subarray(0, word.length - 200))).rejects.toThrow(/not a readable Word document/);
  });
});

describe('a date suggested for a meeting the file does not date', () => {
  const lines = (...texts: string[]) => texts.map((text, index) => makeLine({ index, line: index + 1, text }));

  it('from the file name, in the forms clerks and sites save them', () => {
    expect(suggestedDate('Cabinet 2025-01-30.html', [])).toEqual({ date: '2025-01-30', from: 'the file name “Cabinet 2025-01-30.html”' });
    expect(suggestedDate('minutes_30-01-2025.pdf', [])?.date).toBe('2025-01-30');
    expect(suggestedDate('Scrutiny Board 30 January 2025.docx', [])?.date).toBe('2025-01-30');
    expect(suggestedDate('000_f89e8ca412644775.txt', [])).toBeNull();
  });

  it('from “held on” said of this meeting, never of other minutes, the next meeting or a range of days', () => {
    expect(suggestedDate('item.txt', lines('Meeting of the Cabinet held on Tuesday, 10 February 2026 (Item 87.)'))?.date).toBe('2026-02-10');
    expect(suggestedDate('item.txt', lines('To agree the minutes of the meeting held on the 16th of January 2025'))).toBeNull();
    expect(suggestedDate('item.txt', lines('The next meeting will be held on 9 June 2025.'))).toBeNull();
    expect(suggestedDate('item.txt', lines('The meeting noted the inspection held on 15-17 October 2024.'))).toBeNull();
  });

  it('is offered for the seeds that state no date (000, 002) only when something suggests one', async () => {
    for (const seed of ['000_f89e8ca412644775.txt', '002_649d194bed661f2d.txt']) {
      const outcome = importDocument(seed, readFileSync(join(import.meta.dirname, '..', '..', 'seeds', seed), 'utf8'), () => 'id');
      expect(outcome.meetings[0]?.date).toBeNull();
      expect(outcome.report.suggestedDate).toBeNull();
    }
  });
});
