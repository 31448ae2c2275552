// The export forms as files: the JSON archive reads back losslessly, the PDF prints, HTML and XML
// escape what looks like markup, bad meetings are refused, and nothing is ever overwritten unasked.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportError, type ExportRequest } from '../../shared/export/exportForm.js';
import { exportForms } from '../../shared/export/forms.js';
import { archivePackage, contentHash, readJsonArchive } from '../../shared/export/jsonArchive.js';
import * as blocks from '../../shared/editor/blocks.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { chromiumPdfPrinter } from '../../electron/services/chromiumPdf.js';
import { exportMeeting, writeExport } from '../../electron/services/exports.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { p, part, resolved } from '../fixtures/minutesJson.js';
import { cli, removeTestFolder, signedAsMinuteBookSigns } from './builders.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-export-'));
});
afterEach(async () => {
  await removeTestFolder(folder);
});

const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content));

describe('the JSON archive', () => {
  it('reads back every meeting exactly, with its hash checked', () => {
    const archive = JSON.parse(JSON.stringify(archivePackage(committee001, [meeting001])));
    const read = readJsonArchive(archive, 'archive.json');
    expect(read.committee).toEqual(committee001);
    expect(read.meetings[0]!.meeting).toEqual(meeting001);
    expect(read.meetings[0]!.contentHash).toMatch(/^sha256-[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the key order, and another hash for any change', () => {
    const reordered = Object.fromEntries(Object.entries(meeting001).reverse()) as Meeting;
    expect(contentHash(reordered)).toBe(contentHash(meeting001));
    expect(contentHash({ ...meeting001, venue: 'Committee Room 2' })).not.toBe(contentHash(meeting001));
  });

  it('refuses an archive whose meeting changed after it was archived, naming it', () => {
    const archive = JSON.parse(JSON.stringify(archivePackage(committee001, [meeting001])));
    archive.meetings[0].meeting.venue = 'Committee Room 2';
    expect(() => readJsonArchive(archive, 'archive.json')).toThrow('archive.json: meetings[0].contentHash: the meeting of 2017-04-27 has changed since it was archived');
  });
});

describe('bad input', () => {
  const untitled: ExportRequest = {
    committee: committee001,
    meeting: { ...meeting001, items: meeting001.items.map((item, index) => (index === 2 ? { ...item, title: ' ' } : item)) },
  };

  // Every published form; the JSON archive is lossless and keeps a draft exactly as it is.
  const published = Object.keys(exportForms).filter((format) => format !== 'item' && format !== 'json');
  it.each(published)('refuses %s for a meeting with an untitled item, naming it', async (format) => {
    const failure = await exportMeeting(untitled, format as never, () => Promise.reject(new Error('not printed'))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExportError);
    expect((failure as Error).message).toContain('item 81 (the 3rd on the agenda) has no title');
  });

  it('refuses the Agenda item page without an item, or for an item the meeting does not have', async () => {
    const form = exportForms.item.render!;
    expect(() => form({ meeting: meeting001, committee: committee001 })).toThrow('choose an item');
    expect(() => form({ meeting: meeting001, committee: committee001, item: 12 })).toThrow('there is no item 12 in this meeting (its items are 79, 80, 81, 82, 83, 84, 85, 86, 87)');
  });

  it('escapes minutes that look like markup in HTML, Markdown and XML', async () => {
    const hostile = '<script>alert("x")</script> & \'quotes\'';
    const meeting = { ...meeting001, items: [{ ...meeting001.items[0]!, title: 'Q&A <b>', minutes: [blocks.paragraph(hostile)] }] };
    const request = { meeting, committee: committee001 };
    for (const format of ['page-html', 'formal-html'] as const) {
      const html = text((await exportMeeting(request, format, () => Promise.reject(new Error()))).content);
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
      expect(html).toContain('Q&amp;A &lt;b&gt;');
    }
    const markdown = text((await exportMeeting(request, 'formal-md', () => Promise.reject(new Error()))).content);
    expect(markdown).toContain('\\<script\\>');
  });
});

describe('writing files', () => {
  it('never overwrites an existing file unless asked, and then replaces it whole', async () => {
    const path = join(folder, 'minutes.txt');
    await writeFile(path, 'the clerk’s own notes');
    const file = { fileName: 'minutes.txt', mediaType: 'text/plain', content: 'exported' };
    await expect(writeExport(file, path, false)).rejects.toThrow('already exists');
    expect(await readFile(path, 'utf8')).toBe('the clerk’s own notes');
    await writeExport(file, path, true);
    expect(await readFile(path, 'utf8')).toBe('exported');
  });
});

describe('the PDF', () => {
  it('prints the formal minutes with Chromium: pages, and the RESOLVED text in them', async () => {
    const pdf = await exportMeeting({ meeting: meeting003, committee: committee003 }, 'pdf', chromiumPdfPrinter());
    const bytes = pdf.content as Uint8Array;
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const path = join(folder, pdf.fileName);
    await writeFile(path, bytes);
    const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBeGreaterThan(1);
    const extracted = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout;
    expect(extracted).toContain('RESOLVED unanimously that:');
    expect(extracted).toContain('RESOLVED that the work programme be updated.');
    expect(extracted).toContain('Children\'s Services Ofsted Outcome');
  }, 60_000);

  it('is A4, numbered "Page n of N", headed with the committee and date after the first page, DRAFT on every page, parts hanging', async () => {
    const long = 'the Director of Children’s Services be asked to report to the next meeting on the progress made with each of the actions in the improvement plan, with figures for every locality';
    const item = { ...meeting003.items[0]!, minutes: [p('The Committee considered the report.'), resolved('', { body: [part(long), part('the report be noted.')] })] };
    const draft: ExportRequest = { meeting: { ...meeting003, status: 'draft', items: [item, ...meeting003.items.slice(1)] }, committee: committee003 };
    const pdf = await exportMeeting(draft, 'pdf', chromiumPdfPrinter());
    const path = join(folder, 'draft.pdf');
    await writeFile(path, pdf.content as Uint8Array);
    const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const page = (number: number) => spawnSync('pdftotext', ['-f', String(number), '-l', String(number), '-layout', path, '-'], { encoding: 'utf8' }).stdout;
    const header = `${committee003.name} — Thursday, 20 October 2022`.replace(/ +/g, ' ');
    for (let number = 1; number <= pages; number++) {
      const text = page(number).replace(/ +/g, ' ');
      expect(text).toContain(`Page ${number} of ${pages}`);
      expect(text).toContain('DRAFT – not yet agreed');
      if (number > 1) expect(text).toContain(header);
      else expect(text).not.toContain(header);
    }
    // Hanging: the part's second line starts where its first line's words start, right of the label "1)".
    const boxes = spawnSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' }).stdout;
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map(([, x, y, word]) => ({ x: Number(x), y: Number(y), word }));
    const at = words.findIndex((word, index) => word.word === 'the' && words[index + 1]?.word === 'Director');
    const first = words[at]!;
    const label = words.find((word) => word.word === '1)' && Math.abs(word.y - first.y) < 1)!;
    const nextLine = words.slice(at).find((word) => word.y > first.y + 4)!;
    expect(label.x).toBeLessThan(first.x - 10);
    expect(Math.abs(nextLine.x - first.x)).toBeLessThan(1);
  }, 60_000);
});

describe('minutes not yet agreed, and signed minutes', () => {
  const noPdf = () => Promise.reject(new Error('not printed'));
  const draft: ExportRequest = { meeting: { ...meeting003, status: 'draft' }, committee: committee003 };
  const agreed: ExportRequest = { meeting: meeting003, committee: committee003 };

  it.each(['page-html', 'formal-html'] as const)('%s of a draft opens with the mark, styled; agreed minutes have neither', async (format) => {
    const html = text((await exportMeeting(draft, format, noPdf)).content);
    expect(html).toMatch(/<main>\n<p class="draft-mark"><strong>DRAFT – not yet agreed<\/strong><\/p>\n/);
    expect(html).toContain('.draft-mark {');
    const published = text((await exportMeeting(agreed, format, noPdf)).content);
    expect(published).not.toContain('DRAFT');
    expect(published).not.toContain('draft-mark');
    // The same document but for the mark and its style.
    expect(html.replace(/<p class="draft-mark">.*<\/p>\n/, '').replace(/\n {2}\.draft-mark \{[^}]*\}\n/, '').replace(/\n {4}@top-right \{[^}]*\}/, '')).toBe(published);
  });

  it.each(['page-html', 'formal-html'] as const)('%s of signed minutes ends with the Chair’s signature', async (format) => {
    const meeting = signedAsMinuteBookSigns(meeting003, 'Councillor J Innes', '2022-12-01');
    const html = text((await exportMeeting({ meeting, committee: committee003 }, format, noPdf)).content);
    expect(html).toMatch(/<p class="signed">Signed Councillor J Innes \(Chair\), 1 December 2022<\/p>\n<\/main>/);
  });

  it('keeps the status in the JSON archive', async () => {
    for (const status of ['draft', 'circulated', 'agreed'] as const) {
      const archive = readJsonArchive(JSON.parse(text((await exportMeeting({ ...agreed, meeting: { ...meeting003, status } }, 'json', noPdf)).content)), 'archive.json');
      expect(archive.meetings[0]!.meeting.status).toBe(status);
    }
  });

  it('prints the mark in the PDF of a draft, and not in the agreed one', async () => {
    const extracted = async (request: ExportRequest) => {
      const pdf = await exportMeeting(request, 'pdf', chromiumPdfPrinter());
      const path = join(folder, `${request.meeting.status}.pdf`);
      await writeFile(path, pdf.content as Uint8Array);
      return spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout;
    };
    expect(await extracted(draft)).toMatch(/^DRAFT – not yet agreed\n/);
    expect(await extracted(agreed)).not.toContain('DRAFT');
  }, 60_000);
});

describe('the command line', () => {
  async function libraryWith(meeting: Meeting): Promise<string> {
    await mkdir(join(folder, 'library', 'meetings'), { recursive: true });
    await writeFile(join(folder, 'library', 'library.json'), JSON.stringify({ schemaVersion: 1, committees: [committee001], meetings: [], stamps: {} }));
    const path = join(folder, 'library', 'meetings', `${meeting.id}.json`);
    await writeFile(path, JSON.stringify({ schemaVersion: 1, meeting }));
    return path;
  }

  it('exports a library meeting to a form, and refuses to overwrite it unless forced', async () => {
    const meetingFile = await libraryWith(meeting001);
    const out = join(folder, 'page.txt');
    const first = cli('export', meetingFile, '--format', 'page-text', '--out', out);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('79.\n\nDeclarations of Interests');
    const again = cli('export', meetingFile, '--format', 'item', '--item', '81', '--out', out);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const forced = cli('export', meetingFile, '--format', 'item', '--item', '81', '--out', out, '--force');
    expect(forced.status).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^Agenda item\n\nOne Strategic Plan for School Organisation/);
  }, 30_000);

  it('prints the PDF on A4 with page numbers, as the app and the browser bridge do', async () => {
    const meetingFile = await libraryWith(meeting001);
    const out = join(folder, 'minutes.pdf');
    const result = cli('export', meetingFile, '--format', 'pdf', '--out', out);
    expect(result.stderr).toBe('');
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/Page size:.*\(A4\)/);
    expect(spawnSync('pdftotext', ['-l', '1', out, '-'], { encoding: 'utf8' }).stdout).toMatch(/Page 1 of \d+/);
  }, 60_000);

  it('says what is missing and writes nothing for a meeting that lacks it', async () => {
    const meetingFile = await libraryWith({ ...meeting001, items: meeting001.items.map((item) => ({ ...item, title: '' })) });
    const out = join(folder, 'minutes.md');
    const result = cli('export', meetingFile, '--format', 'formal-md', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot export: item 79 (the 1st on the agenda) has no title');
    await expect(readFile(out)).rejects.toThrow('ENOENT');
  }, 30_000);

  it('archives every meeting of the committee with --whole-committee, each with its hash', async () => {
    const meetingFile = await libraryWith(meeting001);
    await writeFile(join(folder, 'library', 'meetings', `${meeting004.id}.json`), JSON.stringify({ schemaVersion: 1, meeting: meeting004 }));
    const out = join(folder, 'archive.json');
    const result = cli('export', meetingFile, '--format', 'json', '--whole-committee', '--out', out);
    expect(result.stderr).toBe('');
    const archive = readJsonArchive(JSON.parse(await readFile(out, 'utf8')), 'archive.json');
    expect(archive.meetings.map((entry) => entry.meeting.date)).toEqual(['2017-04-27', '2017-07-13']);
    expect(archive.meetings[1]!.meeting).toEqual(meeting004);
  }, 30_000);

  it('explains its usage when asked something it does not know', () => {
    const result = cli('export', 'x.json', '--format', 'rtf', '--out', 'y');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown format rtf');
  }, 30_000);
});
