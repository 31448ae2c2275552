// Schema version 3 (issue 11) reads the files versions 1 and 2 wrote; version 2 (issue 10) read version 1's. tests/fixtures/v1/ is a real library
// written by the release before it (commit c632790): a committee, two meetings (one signed) with a
// declaration, a unanimous resolution and a request, their histories, preferences, and a JSON archive
// of the signed meeting. Version-1 meetings must mean the same, keep their signatures, and be
// rewritten as version 2 only when next saved.
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import * as blocks from '../../shared/editor/blocks.js';
import { readJsonArchive } from '../../shared/export/jsonArchive.js';
import { renderFormalMarkdown } from '../../shared/export/formalMarkdown.js';
import { asRecorded } from '../../shared/export/forms.js';
import { renderPageText } from '../../shared/export/pageText.js';
import { tamperWarning, verifyArchive } from '../../shared/lifecycle/signature.js';
import { plainNumbering, withYearNumbering } from '../../shared/model/committee.js';
import { modelCode2020 } from '../../shared/model/declarationKinds.js';
import { CURRENT_SCHEMA_VERSION, parseLibraryFile, parseMeetingFile, parsePreferencesFile, parseSignatureRegisterFile } from '../../shared/model/files.js';
import { migrateLibraryFile, migrateMeetingFile } from '../../shared/model/migrations.js';
import { removeTestFolder } from './builders.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'v1');
const readJson = async (path: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
const meetingFiles = async (): Promise<string[]> => (await readdir(join(fixtures, 'meetings'))).filter((name) => name.endsWith('.json'));

let folder: string | null = null;
afterEach(async () => {
  if (folder !== null) await removeTestFolder(folder);
  folder = null;
});

describe('version-1 files', () => {
  it('are version 1, as the release wrote them', async () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(3);
    expect((await readJson(join(fixtures, 'library.json')))['schemaVersion']).toBe(1);
    for (const name of await meetingFiles()) expect((await readJson(join(fixtures, 'meetings', name)))['schemaVersion']).toBe(1);
  });

  it('library.json: every committee gets the 2020 model code as its kinds of interest, nothing else changes', async () => {
    const raw = await readJson(join(fixtures, 'library.json'));
    const library = parseLibraryFile(raw, 'library.json');
    expect(library.schemaVersion).toBe(3);
    expect(library.committees.map((committee) => committee.declarationKinds)).toEqual([modelCode2020]);
    // Version 3 reads the style's name as the style it printed.
    const { declarationKinds: _kinds, numberingStyle, ...rest } = library.committees[0]!;
    expect(numberingStyle).toEqual(plainNumbering);
    const { numberingStyle: _named, ...written } = (raw['committees'] as Record<string, unknown>[])[0]!;
    expect(rest).toEqual(written);
    // Read as summaries written before publication and agreement were listed: neither, until the file is read again.
    expect(library.meetings).toEqual((raw['meetings'] as object[]).map((summary) => ({ published: false, agreedAt: null, ...summary })));
    // Pure: the raw file is not touched, and a version-2 file passes through as it is.
    expect((raw['committees'] as Record<string, unknown>[])[0]!['declarationKinds']).toBeUndefined();
    expect(migrateLibraryFile(migrateLibraryFile(raw))).toEqual(migrateLibraryFile(raw));
  });

  it('meetings: each meeting reads exactly as written, and the signed one still matches its signature', async () => {
    for (const name of await meetingFiles()) {
      const raw = await readJson(join(fixtures, 'meetings', name));
      const file = parseMeetingFile(raw, name);
      expect(file.meeting).toEqual(raw['meeting']);
      expect(file.committee?.declarationKinds).toEqual(modelCode2020);
      expect(tamperWarning(file.meeting)).toBeNull();
      expect(migrateMeetingFile(migrateMeetingFile(raw))).toEqual(migrateMeetingFile(raw));
    }
    const signed = (await Promise.all((await meetingFiles()).map(async (name) => parseMeetingFile(await readJson(join(fixtures, 'meetings', name)), name).meeting))).filter(
      (meeting) => meeting.status === 'signed',
    );
    expect(signed).toHaveLength(1);
  });

  it('meetings: the minutes print as before — the unanimous resolution, the declaration', async () => {
    const raw = await readJson(join(fixtures, 'library.json'));
    const committee = parseLibraryFile(raw, 'library.json').committees[0]!;
    const name = (await meetingFiles())[0]!;
    const { meeting } = parseMeetingFile(await readJson(join(fixtures, 'meetings', name)), name);
    const printed = renderFormalMarkdown({ meeting, committee }).content;
    expect(printed).toContain('**RESOLVED unanimously that the Board:**');
    expect(printed).toContain('Councillor F Abbott declared an other registrable interest in item 3: a governor of a school named in the report');
  });

  it('preferences.json reads as version 3', async () => {
    expect(parsePreferencesFile(await readJson(join(fixtures, 'preferences.json')), 'preferences.json')).toEqual({ schemaVersion: 3, clerkName: 'Michelle Rose' });
  });

  it('the JSON archive of version 1 reads, with its hashes and signature checked', async () => {
    const archive = readJsonArchive(await readJson(join(fixtures, 'archive-v1.json')), 'archive-v1.json');
    expect(archive.schemaVersion).toBe(3);
    expect(archive.committee.declarationKinds).toEqual(modelCode2020);
    expect(archive.committee.numberingStyle).toEqual(plainNumbering);
    expect(verifyArchive(archive)).toEqual([]);
  });

  it('a version-1 library opens unchanged: no problems, nothing rewritten on reading; a save writes version 3', async () => {
    folder = await mkdtemp(join(tmpdir(), 'minute-book-v1-'));
    await cp(fixtures, folder, { recursive: true });
    const before = await Promise.all((await meetingFiles()).map((name) => readFile(join(folder!, 'meetings', name), 'utf8')));
    const library = await MeetingLibrary.open({ folder });
    try {
      const overview = library.overview();
      expect(overview.problems).toEqual([]);
      expect(overview.readOnly).toBeNull();
      expect(overview.committees[0]!.declarationKinds).toEqual(modelCode2020);
      expect(overview.meetings.map((meeting) => [meeting.status, meeting.signed, meeting.tampered]).sort()).toEqual([
        ['draft', false, null],
        ['signed', true, null],
      ]);
      const after = await Promise.all((await meetingFiles()).map((name) => readFile(join(folder!, 'meetings', name), 'utf8')));
      expect(after).toEqual(before);

      const draftId = overview.meetings.find((meeting) => meeting.status === 'draft')!.id;
      const draft = await library.loadMeeting(draftId);
      expect((await library.meetingVersions(draftId)).versions.length).toBeGreaterThan(1);
      const saved = await library.saveMeeting({ ...draft, items: draft.items.map((item, index) => (index === 2 ? { ...item, minutes: [...item.minutes, blocks.motion('m1')] } : item)) });
      const onDisk = await readJson(join(folder, 'meetings', `${draftId}.json`));
      expect(onDisk['schemaVersion']).toBe(3);
      expect((onDisk['committee'] as { declarationKinds: unknown }).declarationKinds).toEqual(modelCode2020);
      expect((await library.loadMeeting(draftId)).items[2]!.minutes.at(-1)).toEqual(blocks.motion('m1'));
      expect(saved.revision).toBe(draft.revision + 1);
    } finally {
      await library.close();
    }
  });
});

// tests/fixtures/v2/ is the v1 library opened by the release before version 3 (commit 99eed60, through
// its MeetingLibrary API): its committee switched to "with-year", the draft saved (so
// written as version 2) and circulated (so its lifecycle records the committee's numbering as
// "with-year", inside what a signature would cover), its signature register and a version-2 archive.
const fixtures2 = join(import.meta.dirname, '..', 'fixtures', 'v2');
const circulatedId = '0af48e02-88f8-44a9-9aaf-7944ed01c434';

describe('version-2 files', () => {
  it('are version 2, with the numbering style by name', async () => {
    const raw = await readJson(join(fixtures2, 'library.json'));
    expect(raw['schemaVersion']).toBe(2);
    expect((raw['committees'] as Record<string, unknown>[])[0]!['numberingStyle']).toBe('with-year');
    expect((await readJson(join(fixtures2, 'meetings', `${circulatedId}.json`)))['schemaVersion']).toBe(2);
  });

  it('library.json: the committee’s "with-year" becomes the style it printed, nothing else changes', async () => {
    const raw = await readJson(join(fixtures2, 'library.json'));
    const library = parseLibraryFile(raw, 'library.json');
    expect(library.schemaVersion).toBe(3);
    const { numberingStyle, ...rest } = library.committees[0]!;
    expect(numberingStyle).toEqual(withYearNumbering);
    const { numberingStyle: _named, ...written } = (raw['committees'] as Record<string, unknown>[])[0]!;
    expect(rest).toEqual(written);
    expect(migrateLibraryFile(migrateLibraryFile(raw))).toEqual(migrateLibraryFile(raw));
  });

  it('the circulated meeting reads exactly as written: its recorded numbering keeps its name, and prints as circulated', async () => {
    const raw = await readJson(join(fixtures2, 'meetings', `${circulatedId}.json`));
    const file = parseMeetingFile(raw, 'meeting');
    expect(file.meeting).toEqual(raw['meeting']);
    expect(file.meeting.lifecycle?.recordedAs?.numberingStyle).toBe('with-year');
    expect(file.committee?.numberingStyle).toEqual(withYearNumbering);
    // Printed as circulated: committeeAsRecorded reads the name as the style, whatever the committee says now.
    const printed = renderPageText(asRecorded({ meeting: file.meeting, committee: { ...file.committee!, numberingStyle: plainNumbering } })).content as string;
    expect(printed).toMatch(/^\d+\/17$/m);
  });

  it('the signature register and the version-2 archive read, its hashes checked', async () => {
    expect(parseSignatureRegisterFile(await readJson(join(fixtures2, 'signatures.json')), 'signatures.json').schemaVersion).toBe(3);
    const archive = readJsonArchive(await readJson(join(fixtures2, 'archive-v2.json')), 'archive-v2.json');
    expect(archive.schemaVersion).toBe(3);
    expect(archive.committee.numberingStyle).toEqual(withYearNumbering);
    expect(verifyArchive(archive)).toEqual([]);
  });

  it('a version-2 library opens with no problems and nothing rewritten; its signed meeting still verifies', async () => {
    folder = await mkdtemp(join(tmpdir(), 'minute-book-v2-'));
    await cp(fixtures2, folder, { recursive: true });
    const names = (await readdir(join(fixtures2, 'meetings'))).filter((name) => name.endsWith('.json'));
    const before = await Promise.all(names.map((name) => readFile(join(folder!, 'meetings', name), 'utf8')));
    const library = await MeetingLibrary.open({ folder });
    try {
      const overview = library.overview();
      expect(overview.problems).toEqual([]);
      expect(overview.committees[0]!.numberingStyle).toEqual(withYearNumbering);
      expect(overview.meetings.map((meeting) => [meeting.status, meeting.tampered]).sort()).toEqual([
        ['circulated', null],
        ['signed', null],
      ]);
      expect(await Promise.all(names.map((name) => readFile(join(folder!, 'meetings', name), 'utf8')))).toEqual(before);
    } finally {
      await library.close();
    }
  });
});
