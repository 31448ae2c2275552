// `npm run cli -- diff`: two Minute Book JSON archives compared as text, HTML and JSON.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareMeetings } from '../../shared/compare/compareMeetings.js';
import { archivePackage } from '../../shared/export/jsonArchive.js';
import { editedDraft } from '../fixtures/editedDraft003.js';
import { committee003 } from '../fixtures/seed003.js';
import * as blocks from '../../shared/editor/blocks.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { cli, removeTestFolder } from './builders.js';
const { saved, draft } = editedDraft();

let folder: string;
let before: string;
let after: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-cli-diff-'));
  before = join(folder, 'saved.json');
  after = join(folder, 'draft.json');
  await writeFile(before, JSON.stringify(archivePackage(committee003, [saved])));
  await writeFile(after, JSON.stringify(archivePackage(committee003, [draft])));
});
afterAll(async () => {
  await removeTestFolder(folder);
});

describe('npm run cli -- diff', () => {
  it('prints the comparison as marked text by default, as JSON and as HTML', () => {
    const text = cli('diff', before, after);
    expect([text.status, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toContain('Receives the Development Plan at [-a future-]{+the next+} meeting');
    expect(text.stdout).toContain('5 changes');

    const json = cli('diff', before, after, '--format', 'json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(compareMeetings(saved, draft))));

    const html = cli('diff', before, after, '--format', 'html');
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain(`${committee003.name.replace("'", '&#39;')}, 2022-10-20 (revision 3)`);
    expect(html.stdout).toContain('<del>a future</del><ins>the next</ins>');
  }, 60_000);

  it('refuses a missing argument or an unknown format with the usage', () => {
    const missing = cli('diff', before);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('diff <meeting-file>[@<revision>] <meeting-file>[@<revision>]');
    const unknown = cli('diff', before, after, '--format', 'pdf');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--format takes text, html, json');
  }, 60_000);

  it('compares a version kept in a meeting file\'s history with the meeting as it stands', async () => {
    const library = await MeetingLibrary.open({ folder: join(folder, 'library') });
    const { id: _id, createdAt: _createdAt, ...fields } = committee003;
    const committee = await library.createCommittee(fields);
    const created = await library.createMeeting({ committeeId: committee.id, date: '2022-10-20', startTime: '14:30', venue: '' });
    const first = await library.saveMeeting({ ...created, items: created.items.map((item, index) => (index === 2 ? { ...item, minutes: [blocks.paragraph('The Board noted the report.')] } : item)) });
    const current = await library.loadMeeting(created.id);
    await library.saveMeeting({ ...current, items: current.items.map((item, index) => (index === 2 ? { ...item, minutes: [blocks.paragraph('The Board noted the revised report.')] } : item)) });
    await library.close();
    const file = join(folder, 'library', 'meetings', `${created.id}.json`);

    const text = cli('diff', `${file}@${first.revision}`, file);
    expect([text.status, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toContain('The Board noted the {+revised +}report.');
    expect(text.stdout).toContain('1 change');
    const unknown = cli('diff', `${file}@99`, file);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Revision 99 is not kept');
  }, 60_000);
});
