// A folder of the archive imported through the Import dialog: 300 pages of formal minutes (the seed's
// meeting on 300 dates) and one file that is not minutes. The dialog shows the files read on a
// progress bar, the node side answers a save while the import runs, and Cancel midway keeps what was
// imported — listed in the library, each meeting file whole — and says how many files were not reached.
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './bridgeFixture.js';
import { callNodeSide, meetingFiles } from './nodeSide.js';
import type { ImportProgress } from '../../shared/contract.js';
import { plainNumbering } from '../../shared/model/committee.js';
import { defaultDeclarationKinds } from '../../shared/model/declarationKinds.js';
import { defaultStandardAgenda } from '../../shared/standardAgenda.js';
import { minutesOnDays, notMinutes } from '../fixtures/manyMinutes.js';

const FILES = 300;

/** The files of minutesOnDays and a file that is not minutes among them, written to a folder. */
async function archiveFolder(count: number): Promise<{ folder: string; paths: string[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-many-'));
  const files = await minutesOnDays(count);
  files.splice(10, 0, notMinutes);
  const paths: string[] = [];
  for (const file of files) {
    paths.push(join(folder, file.name));
    await writeFile(paths.at(-1)!, file.text);
  }
  return { folder, paths };
}

test('a folder of 300 files is imported with progress, a save is answered meanwhile, and Cancel keeps what was imported', async ({ page, app }) => {
  test.slow();
  const { folder, paths } = await archiveFolder(FILES);
  try {
    // A meeting of the clerk's own, to save while the import runs.
    const committee = await callNodeSide(page, 'committees:create', {
      name: 'Audit and Procurement Committee',
      council: 'Coventry City Council',
      members: [],
      defaultVenue: 'Committee Room 3 - Council House',
      contact: { name: 'Michelle Rose', phone: '024 7697 2662', email: 'michelle.rose@coventry.gov.uk' },
      municipalYearStartMonth: 5,
      numberingStyle: plainNumbering,
      standardAgenda: defaultStandardAgenda,
      declarationKinds: defaultDeclarationKinds(),
    });
    const own = await callNodeSide(page, 'meetings:create', { committeeId: committee.id, date: '2025-06-16', startTime: '14:00', venue: 'Committee Room 3 - Council House' });

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(paths);
    const dialog = page.getByRole('dialog', { name: 'Import minutes' });
    await expect(dialog).toContainText(`${FILES + 1} files`);
    const begun = page.waitForResponse((response) => response.url().endsWith('/api/call') && (response.request().postData() ?? '').includes('"imports:start"'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const { jobId } = ((await (await begun).json()) as { value: ImportProgress }).value;

    const bar = dialog.getByRole('progressbar', { name: 'Files imported' });
    await expect(bar).toHaveAttribute('aria-valuemax', String(FILES + 1));
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    await expect(dialog.getByRole('status')).toContainText(/Read \d+ of 301 files .*: reading \d{3}-/);
    await page.screenshot({ path: 'tests/output/import-many-files-progress.png' });
    expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations.map((violation) => violation.id)).toEqual([]);

    // The node side answers a save while the readers work.
    const saving = Date.now();
    const receipt = await callNodeSide(page, 'meetings:save', { meeting: { ...own, venue: 'Diamond Room 1 - Council House' } });
    const savedIn = Date.now() - saving;
    expect(receipt.revision).toBe(own.revision + 1);
    const { state } = await callNodeSide(page, 'imports:progress', { jobId });
    expect(state, 'the save was answered while the import was still running').toBe('importing');
    expect(savedIn).toBeLessThan(5_000);

    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    const said = dialog.getByRole('status').first();
    // Answered once what was read is stored (a batch at most).
    await expect(said).toContainText(/^Cancelled\. Imported (\d+) meetings? /, { timeout: 30_000 });
    const final = await callNodeSide(page, 'imports:progress', { jobId });
    expect(final.state).toBe('cancelled');
    expect(final.done).toBeLessThan(FILES + 1);
    expect(final.notReached).toBe(FILES + 1 - final.done);
    await expect(said).toContainText(`${final.notReached} files not reached, not imported`);
    // The file that is not minutes was reached, and is reported, not imported.
    expect(final.unread.map((file) => file.fileName)).toEqual(['010-a-note.txt']);
    await expect(dialog.getByRole('list', { name: 'Reports' })).toContainText('Cannot import “010-a-note.txt”');
    const imported = final.summary.meetings;
    expect(imported).toBe(final.done - 1);
    await page.screenshot({ path: 'tests/output/import-many-files-cancelled.png' });
    expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations.map((violation) => violation.id)).toEqual([]);

    // What was imported is in the library, each meeting file whole, and no temporary file is left.
    const library = await callNodeSide(page, 'library:open', {});
    expect(library.meetings.length).toBe(imported + 1);
    expect(await meetingFiles(app.libraryFolder)).toHaveLength(imported + 1);
    expect((await readdir(join(app.libraryFolder, 'meetings'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('navigation').getByText('Education and Children', { exact: false }).first()).toBeVisible();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
