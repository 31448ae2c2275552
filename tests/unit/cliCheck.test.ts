// `npm run cli -- check`: the checks before circulating or signing a library's meeting file, its
// citations resolved against the library's other meeting files; exit 1 on errors; nothing written.
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePackage } from '../../shared/export/jsonArchive.js';
import { summarise, type Meeting } from '../../shared/model/meeting.js';
import { approval, minuteRef, p } from '../fixtures/minutesJson.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';
import { cli, removeTestFolder } from './builders.js';

/** A draft of 14 September 2017 following seed 004 (items 11–12), citing a minute of 004 and one the library lacks. */
const draft: Meeting = {
  ...meeting004,
  id: '7a1d9c44-2b6e-4c8f-a3d0-5f4e2c1b0010',
  date: '2017-09-14',
  status: 'draft',
  firstMinuteNumber: null,
  attendance: { ...meeting004.attendance, members: [{ name: 'Councillor K Sandhu', chair: true }] },
  items: [
    { ...meeting004.items[1]!, id: 'draft-11', minuteNumber: 11, minutes: [approval('2017-07-13', 'The minutes of the meeting held on 13th July, 2017 were approved.')] },
    { ...meeting004.items[2]!, id: 'draft-12', minuteNumber: 12, minutes: [p('Further to ', minuteRef('8/17'), ' and ', minuteRef('59/16'), ' the Board noted the update.')] },
  ],
};

let folder: string;
const meetingFile = (meeting: Meeting) => join(folder, 'library', 'meetings', `${meeting.id}.json`);
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-cli-check-'));
  await mkdir(join(folder, 'library', 'meetings'), { recursive: true });
  const meetings = [meeting001, meeting004, draft];
  await writeFile(join(folder, 'library', 'library.json'), JSON.stringify({ schemaVersion: 1, committees: [committee001], meetings: meetings.map(summarise), stamps: {} }));
  for (const meeting of meetings) await writeFile(meetingFile(meeting), JSON.stringify({ schemaVersion: 1, meeting }));
  await writeFile(join(folder, 'archive.json'), JSON.stringify(archivePackage(committee001, [meeting004])));
});
afterAll(async () => {
  await removeTestFolder(folder);
});

describe('npm run cli -- check', () => {
  it('lists a draft’s checks before circulating, resolving its references against the library’s meeting files; exit 0 with warnings only', async () => {
    const before = await readdir(join(folder, 'library'), { recursive: true });
    const result = cli('check', meetingFile(draft));
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      [
        "Education and Children's Services Scrutiny Board (2), the meeting of 14 September 2017, before circulating: 0 errors, 2 warnings to confirm",
        '  warning  Apologies: none recorded — confirm if no apologies were given',
        '  warning  Minute 12: Minute 59/16 is not in this library',
        '',
      ].join('\n'),
    );
    // Reads only: no lock taken, no index or history written.
    expect(await readdir(join(folder, 'library'), { recursive: true })).toEqual(before);
  }, 60_000);

  it('exits 1 when any check is an error, and gives the checks as JSON', () => {
    const result = cli('check', meetingFile(meeting004), '--json');
    expect([result.status, result.stderr]).toEqual([1, '']);
    const { step, checks, notes } = JSON.parse(result.stdout);
    expect(step).toBe('sign');
    expect(notes).toEqual([]);
    expect(checks.map((check: { severity: string; code: string; itemId: string | null }) => [check.severity, check.code, check.itemId])).toEqual([
      ['error', 'attendance-none', null],
      ['warning', 'apologies-none', null],
      // The meeting of 27 April 2017 before it is not signed (signing is checked in the order of the meetings).
      ['warning', 'earlier-unsigned', null],
      ['warning', 'approval-meeting-missing', '0c3e5a10-0004-4000-8000-000000000006'],
      ['warning', 'reference-unresolved', '0c3e5a10-0004-4000-8000-000000000008'],
    ]);
    const text = cli('check', meetingFile(meeting004), '--step', 'circulate');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('the meeting of 13 July 2017, before circulating: 1 error, 3 warnings to confirm');
    expect(text.stdout).toContain('  error    Attendance: no members are recorded as present');
  }, 60_000);

  it('refuses an archive, an unknown step and a missing file, saying why', () => {
    const archive = cli('check', join(folder, 'archive.json'));
    expect(archive.status).toBe(1);
    expect(archive.stderr).toContain('is an archive; check a meeting file in a library');
    const step = cli('check', meetingFile(draft), '--step', 'publish');
    expect(step.status).toBe(2);
    expect(step.stderr).toContain('--step takes circulate or sign, not publish');
    const missing = cli('check', join(folder, 'nothing.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');
  }, 60_000);
});
