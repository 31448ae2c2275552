// What comes in from outside is held to the same rules everywhere: one allow-list of link addresses
// (schema, importers, exports), JSON bounded in size and depth before anything recursive reads it, and
// text made well-formed Unicode, so a mutated archive or a hostile page neither runs script nor crashes.
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTestFolder } from './builders.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../shared/export/exportForm.js';
import { exportForms } from '../../shared/export/forms.js';
import { archivePackage } from '../../shared/export/jsonArchive.js';
import { importDocument, ImportError } from '../../shared/import/index.js';
import { parseBoundedJson } from '../../shared/model/boundedJson.js';
import { linkRule, safeLinkAddress, typedLinkAddress } from '../../shared/model/linkAddress.js';
import type { Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { wellFormedDeep, wellFormedText } from '../../shared/model/wellFormedText.js';
import { createHandlers, dispatch } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { committee001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';
import { decodedHostileHrefs, hostileHrefs } from '../fixtures/hostileLinks.js';

const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content));
const placeholder = (index: number) => `https://example.org/link-${index}`;

/** Seed 004 with one paragraph per address, each a link over "the report (n)". */
function withLinks(hrefs: readonly string[]): Meeting {
  const meeting = structuredClone(meeting004);
  const paragraphs: MinutesNodeJSON[] = hrefs.map((href, index) => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: 'See ' },
      { type: 'text', text: `the report (${index})`, marks: [{ type: 'link', attrs: { href } }] },
    ],
  }));
  meeting.items[2]!.minutes = [...meeting.items[2]!.minutes, ...paragraphs];
  return meeting;
}
const request = (meeting: Meeting): ExportRequest => ({ meeting, committee: committee001 });

/** Every link address in what an importer read. */
function linksIn(value: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(value, (key, inner: unknown) => {
    const mark = inner as { type?: unknown; attrs?: { href?: unknown } };
    if (mark !== null && typeof mark === 'object' && mark.type === 'link') found.push(String(mark.attrs?.href));
    return inner;
  });
  return found;
}

describe('the link allow-list', () => {
  it('keeps web and email addresses, cleaned as a browser cleans them', () => {
    expect(safeLinkAddress('https://www.coventry.gov.uk/meetings')).toBe('https://www.coventry.gov.uk/meetings');
    expect(safeLinkAddress('  http://example.org/a\tb ')).toBe('http://example.org/ab');
    expect(safeLinkAddress('mailto:michelle.rose@coventry.gov.uk')).toBe('mailto:michelle.rose@coventry.gov.uk');
  });

  it.each(decodedHostileHrefs)('refuses %j', (href) => {
    expect(safeLinkAddress(href)).toBeNull();
  });

  it('stores an address typed in the Link dialog with a scheme, refusing spaces inside and scheme-relative addresses', () => {
    expect(typedLinkAddress(' www.coventry.gov.uk ')).toEqual({ href: 'http://www.coventry.gov.uk' });
    expect(typedLinkAddress('https://www.coventry.gov.uk/meetings')).toEqual({ href: 'https://www.coventry.gov.uk/meetings' });
    expect(typedLinkAddress('https://exa mple.org')).toEqual({ refused: expect.stringContaining('space') });
    expect(typedLinkAddress('//evil.example')).toEqual({ refused: expect.stringContaining('https://') });
    for (const href of decodedHostileHrefs) expect(typedLinkAddress(href)).toHaveProperty('refused');
  });

  it('drops hostile links from an imported HTML page, keeping their text and naming each in the report', () => {
    const page = text((exportForms['page-html'].render!(request(withLinks(hostileHrefs.map((_, index) => placeholder(index))))) as { content: string }).content);
    let hostile = page;
    hostileHrefs.forEach((href, index) => {
      hostile = hostile.replace(`href="${placeholder(index)}"`, `href="${href.replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`);
    });
    const outcome = importDocument('minutes.html', hostile, () => crypto.randomUUID());
    expect(linksIn(outcome.meetings)).toEqual([]);
    const read = JSON.stringify(outcome.meetings);
    for (const index of hostileHrefs.keys()) expect(read).toContain(`the report (${index})`);
    expect(outcome.report.warnings.filter((warning) => warning.includes(linkRule))).toHaveLength(hostileHrefs.length);
  });

  it('drops hostile links from imported Markdown', () => {
    let markdown = text((exportForms['formal-md'].render!(request(withLinks(hostileHrefs.map((_, index) => placeholder(index))))) as { content: string }).content);
    decodedHostileHrefs.forEach((href, index) => {
      markdown = markdown.replace(`(${placeholder(index)})`, `(${href.replace(/[()\s]/g, '')})`);
    });
    const outcome = importDocument('minutes.md', markdown, () => crypto.randomUUID());
    expect(linksIn(outcome.meetings).filter((href) => safeLinkAddress(href) !== href)).toEqual([]);
    expect(JSON.stringify(outcome.meetings)).not.toMatch(/javascript:|vbscript:|data:text/i);
  });

  it('refuses a JSON archive made with a hostile link, saying why', () => {
    const archive = JSON.stringify(archivePackage(committee001, [withLinks(['javascript:window.__pwned=1'])]));
    expect(() => importDocument('board.json', archive, () => crypto.randomUUID())).toThrow(ImportError);
    expect(() => importDocument('board.json', archive, () => crypto.randomUUID())).toThrow(linkRule);
  });

  it('writes no hostile address into any export form, and every HTML export forbids script', async () => {
    const meeting = withLinks(decodedHostileHrefs);
    for (const [format, form] of Object.entries(exportForms)) {
      if (form.render === undefined || format === 'json') continue;
      const file = await form.render({ ...request(meeting), item: meeting.items[2]!.minuteNumber });
      const content = format === 'docx' ? '' : text(file.content);
      expect(content, format).not.toMatch(/javascript|vbscript|data:text|file:\/\//i);
      if (format.endsWith('html')) expect(content).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    }
  });
});

describe('bounded JSON and well-formed text', () => {
  let folder: string;
  let library: MeetingLibrary;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-bounds-'));
    library = await MeetingLibrary.open({ folder });
  });
  afterEach(async () => {
    await library.close();
    await removeTestFolder(folder);
  });
  const call = (channel: string, input: unknown) => dispatch(createHandlers(library, { printPdf: () => Promise.reject(new Error('no')) }), channel, input);

  it('makes every string and key of a JSON value well-formed, a "__proto__" key staying a key, not a prototype', () => {
    const parsed = JSON.parse('{"name":"A\\u0000B","__proto__":{"polluted":"yes"},"items":[{"t\\ud800":"\\u202eevil"}]}') as Record<string, unknown>;
    const copy = wellFormedDeep(parsed, 'library.json') as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['name', '__proto__', 'items']);
    expect(copy['name']).toBe('AB');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(copy['items']).toEqual([{ 't\ufffd': 'evil' }]);
  });

  it('answers a value parsed from text with nothing to change as it is, and still cleans text whose escapes or characters need it', () => {
    const clean = parseBoundedJson('{"name":"Council House","items":[{"title":"Apologies"}]}', 'library.json');
    expect(wellFormedDeep(clean, 'library.json')).toBe(clean);
    // A value parsed from clean text but deeper than the walk's limit is still refused.
    expect(() => wellFormedDeep(parseBoundedJson('[[[["deep"]]]]', 'library.json'), 'library.json', 3)).toThrow('it is nested more than 3 levels deep');
    // Escapes spell characters the text does not show: the walk runs and removes them.
    const escaped = parseBoundedJson('{"name":"A\\u0000B","title":"\\u202eevil","pair":"\\ud83d\\ude00"}', 'library.json');
    expect(wellFormedDeep(escaped, 'library.json')).toEqual({ name: 'AB', title: 'evil', pair: '\u{1f600}' });
    const raw = parseBoundedJson(`{"name":"Room \u{7f}3","lone":"\ud800"}`, 'library.json');
    expect(wellFormedDeep(raw, 'library.json')).toEqual({ name: 'Room 3', lone: '\ufffd' });
  });

  it('refuses a payload nested thousands deep with a message, not a stack overflow', async () => {
    let deep: unknown = { type: 'paragraph' };
    for (let level = 0; level < 5000; level++) deep = { type: 'bullet_list', content: [deep] };
    const result = await call('meetings:save', { meeting: { ...meeting004, items: [{ ...meeting004.items[0]!, minutes: [deep] }] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Minute Book reads at most 64') } });
  });

  it('refuses a ten-million-deep array by its depth, before parsing it', () => {
    const deep = `${'['.repeat(10_000_000)}${']'.repeat(10_000_000)}`;
    expect(() => parseBoundedJson(deep, 'the call')).toThrow('the call: it is nested 10,000,000 levels deep; Minute Book reads at most 64');
  });

  it('sets aside a meeting file nested too deep, naming the limit', async () => {
    const committee = await library.createCommittee({ ...committee001, name: 'Board' });
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    await library.close();
    const path = join(folder, 'meetings', `${meeting.id}.json`);
    const file = await fs.readFile(path, 'utf8');
    await fs.writeFile(path, file.replace('"minutes": [', `"minutes": [${'['.repeat(500)}${']'.repeat(500)},`));
    library = await MeetingLibrary.open({ folder });
    expect(library.overview().problems[0]!.message).toContain('Minute Book reads at most 64');
  });

  it('stores lone surrogates and control characters as well-formed text, and exports a file written before this rule', async () => {
    expect(wellFormedText('Room \ud800 3\u0000')).toBe('Room \ufffd 3');
    const committee = await library.createCommittee({ ...committee001, name: 'Board' });
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const saved = await call('meetings:save', { meeting: { ...meeting, venue: 'Committee Room \ud800' } });
    expect(saved.ok).toBe(true);
    expect((await library.loadMeeting(meeting.id)).venue).toBe('Committee Room \ufffd');

    // A file from before: the lone surrogate written as JSON writes it, "\ud800".
    await library.close();
    const path = join(folder, 'meetings', `${meeting.id}.json`);
    await fs.writeFile(path, (await fs.readFile(path, 'utf8')).replace('Committee Room \ufffd', 'Committee Room \\ud800'));
    library = await MeetingLibrary.open({ folder });
    const archive = await call('exports:committee-archive', { committeeId: committee.id });
    expect(archive).toMatchObject({ ok: true });
    expect((archive as { value: { content: string } }).value.content).toContain('Committee Room \ufffd');
  });

  it('bounds the names a clerk enters and removes the bidirectional overrides that could disguise them', async () => {
    expect(wellFormedText('Audit\u202e eettimmoC\u202c')).toBe('Audit eettimmoC');
    expect(wellFormedText('\u2067عربي\u2069 Board')).toBe('\u2067عربي\u2069 Board');
    const huge = await call('committees:create', { ...committee001, name: 'B'.repeat(1024 * 1024) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('the committee name is 1,048,576 characters long; Minute Book keeps at most 200') } });
    const overridden = await call('committees:create', { ...committee001, name: 'Board\u202e2' });
    expect(overridden).toMatchObject({ ok: true, value: { name: 'Board2' } });
    const committee = (overridden as { value: { id: string } }).value;
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const longVenue = await call('meetings:save', { meeting: { ...meeting, venue: 'Room '.repeat(200) } });
    expect(longVenue).toMatchObject({ ok: false, error: { message: expect.stringContaining('venue: the venue is 1,000 characters long; Minute Book keeps at most 500') } });
    // Every committee of the seeds is well within the bounds.
    expect(await call('committees:create', { ...committee001, name: 'Board 2' })).toMatchObject({ ok: true });
  });

  it('refuses a hostile link in a save, naming the field', async () => {
    const committee = await library.createCommittee({ ...committee001, name: 'Board' });
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const result = await call('meetings:save', { meeting: { ...withLinks(['JaVaScRiPt:alert(1)']), id: meeting.id, committeeId: committee.id, revision: 0, status: 'draft' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(linkRule) } });
  });
});
