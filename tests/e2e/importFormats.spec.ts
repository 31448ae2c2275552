// Issue 11: a PDF, a Word document and an Agenda item page that states neither its date nor its
// committee, dropped on the window together. The PDF and Word file are read on the node side (the
// window sends their bytes); the dialog asks for the missing date and committee, offering the
// library's committees; each imported meeting shows its report from the meeting.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCommittee } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import-formats');
const board = "Education and Children's Services Scrutiny Board (2)";

test('drops a PDF, a DOCX and an undated page; the dialog asks for the date and committee, and each meeting keeps its report', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  const dropped = await Promise.all(
    [join(fixtures, 'harwick-planning.pdf'), join(fixtures, 'kelby-licensing.docx'), join(import.meta.dirname, '..', '..', 'seeds', '002_649d194bed661f2d.txt')].map(async (path) => ({
      name: path.split('/').at(-1)!,
      base64: (await readFile(path)).toString('base64'),
    })),
  );
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const file of files) data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name));
    return data;
  }, dropped);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });

  const importing = page.getByRole('dialog', { name: 'Import minutes' });
  await expect(importing.getByRole('status')).toContainText('Found 3 meetings, 7 items');
  const reports = importing.getByRole('list', { name: 'Reports' });
  await expect(reports).toContainText('harwick-planning.pdf: 1 meeting, read as formal minutes; 1 warning');
  await expect(reports).toContainText('kelby-licensing.docx: 1 meeting, read as formal minutes');

  // The undated page waits for its date and committee; the Import button imports the others only when asked.
  await expect(importing.getByRole('note')).toHaveText('Not imported until given: 002_649d194bed661f2d.txt (its date and committee).');
  await importing.getByLabel('Date of the meeting (002_649d194bed661f2d.txt)').fill('13/3/2025');
  await importing.getByLabel('Committee (002_649d194bed661f2d.txt)').fill(board);
  await expect(importing.getByRole('note')).toBeHidden();
  await expect(importing.locator('datalist#import-committees option')).toHaveAttribute('value', board);
  await importing.getByRole('button', { name: 'Import' }).click();
  await expect(importing.getByRole('status')).toContainText('Imported 3 meetings (7 items');
  await importing.getByRole('button', { name: 'Done' }).click();

  // The PDF's meeting, read-only as published, with its report.
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /4 March 2026/ }).click();
  await expect(page.locator('.minutes section.item')).toHaveCount(4);
  await page.getByRole('button', { name: 'Import report…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report: harwick-planning.pdf' });
  await expect(report.getByRole('region', { name: 'Warnings' })).toContainText('Left out 3 running header, footer or page number line(s)');
  await report.getByRole('button', { name: 'Close' }).click();

  // The page whose date the clerk gave says so in its report.
  await library.getByRole('button', { name: /13 March 2025/ }).click();
  await page.getByRole('button', { name: 'Import report…' }).click();
  await expect(page.getByRole('dialog', { name: 'Import report: 002_649d194bed661f2d.txt' }).getByRole('region', { name: 'Taken as given' })).toContainText(
    'The date 13 March 2025 was given by the clerk: the file does not state it.',
  );
});
