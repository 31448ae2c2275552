// The command line's import of every format (PDF, Word, saved web pages), of files that do not state
// their date or committee (--date, --committee, and the exact file named when they are missing), and
// of hostile files: the exit code says whether every file was imported, and a refused file leaves
// the library exactly as it was.
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/model/meeting.js';
import { cli, removeTestFolder } from './builders.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import-formats');
const seeds = join(import.meta.dirname, '..', '..', 'seeds');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-cli-formats-'));
});
afterEach(async () => {
  await removeTestFolder(folder);
});

const storedMeetings = async (library: string): Promise<Meeting[]> => {
  const names = (await readdir(join(library, 'meetings')).catch(() => [])).filter((name) => /^[0-9a-f-]{36}\.json$/.test(name));
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(library, 'meetings', name), 'utf8')).meeting as Meeting));
};

describe('npm run cli -- import, every format', () => {
  it('imports PDFs, Word documents and saved pages, each meeting keeping its report', async () => {
    const input = join(folder, 'in');
    await mkdir(input);
    const readable = ['ashcombe-parish.pdf', 'harwick-planning.pdf', 'brackenfield-finance.docx', 'kelby-licensing.docx', 'saved-complete.html', 'saved-html-only.html'];
    for (const name of readable) await copyFile(join(fixtures, name), join(input, name));
    const library = join(folder, 'library');
    const result = cli('import', input, '--library', library);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Imported 6 meeting(s), 19 item(s)');
    const meetings = await storedMeetings(library);
    expect(meetings.map((meeting) => meeting.date).sort()).toEqual(['2021-11-03', '2022-11-17', '2025-05-12', '2025-06-03', '2026-02-10', '2026-03-04']);
    const ashcombe = meetings.find((meeting) => meeting.date === '2025-05-12')!;
    expect(ashcombe.importedFrom).toMatchObject({ file: 'ashcombe-parish.pdf', form: 'formal-md' });
    expect(ashcombe.importedFrom?.report?.warnings[0]).toMatch(/^Left out 3 running header, footer or page number line/);
  }, 60_000);

  it('names the file that does not state its date and committee, exits 1 and writes nothing; --date and --committee import it', async () => {
    const library = join(folder, 'library');
    const item = join(seeds, '002_649d194bed661f2d.txt');
    const refused = cli('import', item, join(fixtures, 'kelby-licensing.docx'), '--library', library, '--dry-run');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      `002_649d194bed661f2d.txt: not imported: the file does not state the meeting's date: give it with --date YYYY-MM-DD; nor the committee: give it with --committee "<name>".`,
    );
    expect(refused.stdout).toContain('Would import 1 meeting(s)');

    const given = cli('import', item, '--library', library, '--date', '2025-03-13', '--committee', 'Education and Children’s Services Scrutiny Board (2)');
    expect(given.stderr).toBe('');
    expect(given.status).toBe(0);
    const [meeting] = await storedMeetings(library);
    // The page states no time: none is recorded (it would print as "12.00 am"), and nothing is guessed.
    expect(meeting).toMatchObject({ date: '2025-03-13', status: 'published', startTime: null });
    expect(meeting!.importedFrom?.report?.guesses).toEqual([
      'The date 13 March 2025 was given by the clerk: the file does not state it.',
      'The committee “Education and Children’s Services Scrutiny Board (2)” was given by the clerk: the file does not state it.',
    ]);

    // The library's committees are offered when another file lacks one.
    const again = cli('import', join(seeds, '000_f89e8ca412644775.txt'), '--library', library, '--date', '2025-01-16');
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('(the library has “Education and Children’s Services Scrutiny Board (2)”)');
  }, 60_000);

  it('refuses a bad --date before reading anything', () => {
    const result = cli('import', join(seeds, '002_649d194bed661f2d.txt'), '--date', '13/03/2025', '--library', join(folder, 'library'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--date takes the meeting\'s date as YYYY-MM-DD (2025-01-30), not 13/03/2025');
  });

  it('refuses hostile files with their reasons, exits 1, and leaves no meeting behind', async () => {
    const library = join(folder, 'library');
    const bomb = join(folder, 'huge.html');
    // 60 MB: refused by its size before it is read.
    await writeFile(bomb, Buffer.alloc(60 * 1024 * 1024, 0x3c));
    const result = cli('import', join(fixtures, 'encrypted.pdf'), join(fixtures, 'scanned.pdf'), bomb, '--library', library);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/encrypted\.pdf: Cannot import “encrypted\.pdf”: the PDF is encrypted and needs a password/);
    expect(result.stdout).toMatch(/scanned\.pdf: Cannot import “scanned\.pdf”: the PDF has no text/);
    expect(result.stdout).toMatch(/huge\.html: Cannot import “huge\.html”: the file is larger than 50 MB/);
    expect(result.stdout).toContain('Imported 0 meeting(s)');
    expect(await storedMeetings(library)).toEqual([]);
  }, 60_000);
});
