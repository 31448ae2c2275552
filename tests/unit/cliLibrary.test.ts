// The command line's import and search against a real library folder: the seeds go in, a dry run
// and bad input leave the library exactly as it was, and search finds what the minutes say.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeTestFolder } from './builders.js';

const seeds = join(import.meta.dirname, '..', '..', 'seeds');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-cli-'));
});
afterEach(async () => {
  await removeTestFolder(folder);
});

const libraryState = async (library: string) => {
  const files = await readdir(library, { recursive: true }).catch(() => []);
  return Promise.all(files.sort().map(async (file) => [file, await readFile(join(library, file), 'utf8').catch(() => '(folder)')]));
};

describe('npm run cli -- import / search', () => {
  it('imports the seeds folder, printing the meetings as stored and each file’s report', async () => {
    const library = join(folder, 'library');
    const result = cli('import', seeds, '--library', library, '--json');
    expect(result.stderr).toBe('');
    // The two undated forms were not imported, so the command says it failed.
    expect(result.status).toBe(1);
    const { meetings, summary, reports } = JSON.parse(result.stdout);
    expect(meetings.map((meeting: { date: string }) => meeting.date).sort()).toEqual(['2017-04-27', '2017-07-13', '2022-10-20']);
    expect(meetings.every((meeting: { importedFrom?: unknown }) => meeting.importedFrom !== undefined)).toBe(true);
    expect(summary).toMatchObject({ meetings: 3, skipped: 0 });
    expect(reports).toHaveLength(7);
    // Undated forms (the table page, the single item page) are reported with what to give, not guessed.
    const needs = reports.filter((report: { error?: string }) => report.error !== undefined);
    expect(needs.map((report: { fileName: string }) => report.fileName)).toEqual(['000_f89e8ca412644775.txt', '002_649d194bed661f2d.txt']);
    for (const report of needs) expect(report.error).toMatch(/does not state the meeting's date: give it with --date YYYY-MM-DD; nor the committee: give it with --committee/);

    const again = cli('import', seeds, '--library', library);
    expect(again.stdout).toContain('Imported 0 meeting(s)');
    expect(again.stdout).toContain('3 skipped');
  }, 60_000);

  it('changes nothing on a dry run or on input that is not minutes', async () => {
    const library = join(folder, 'library');
    cli('import', join(seeds, '001_a919da4fdd24a8d9.txt'), '--library', library);
    const before = await libraryState(library);

    const dryRun = cli('import', seeds, '--library', library, '--dry-run');
    expect(dryRun.stdout).toContain('Would import 2 meeting(s)');
    expect(await libraryState(library)).toEqual(before);

    const bad = join(folder, 'bad');
    await rm(bad, { recursive: true, force: true });
    await writeFile(join(folder, 'empty.txt'), '');
    await writeFile(join(folder, 'binary.txt'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]));
    await writeFile(join(folder, 'news.html'), '<html><body><h1>Local team wins cup</h1><p>The match ended 2-1.</p></body></html>');
    const refused = cli('import', join(folder, 'empty.txt'), join(folder, 'binary.txt'), join(folder, 'news.html'), '--library', library);
    expect(refused.stdout).toMatch(/empty\.txt: .*empty/i);
    expect(refused.stdout).toMatch(/binary\.txt: .*binary|not text/i);
    expect(refused.stdout).toMatch(/news\.html: /);
    expect(refused.stdout).toContain('Imported 0 meeting(s)');
    expect(await libraryState(library)).toEqual(before);
  }, 60_000);

  it('searches the library, with filters', async () => {
    const library = join(folder, 'library');
    cli('import', seeds, '--library', library);
    const hits = JSON.parse(cli('search', 'young carers', '--library', library, '--json').stdout);
    expect(hits[0]).toMatchObject({ citation: '7/17', title: 'Support to Young Carers', date: '2017-07-13' });
    const resolutions2016 = JSON.parse(cli('search', 'Ofsted', '--library', library, '--year', '2016/17', '--only', 'resolutions', '--json').stdout);
    expect(resolutions2016.length).toBeGreaterThan(0);
    expect(resolutions2016.every((hit: { date: string; matchedIn: string }) => hit.date === '2017-04-27' && hit.matchedIn === 'resolutions')).toBe(true);
  }, 60_000);
});
