// A clerk drops the archive's seed files on the window, watches them import, searches, opens a
// result at its item, and follows a minute reference from a drafted meeting back to the archive.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const seedsFolder = join(import.meta.dirname, '..', '..', 'seeds');
const board = "Education and Children's Services Scrutiny Board (2)";

test('import the seeds folder, search it, open a result, follow a minute reference', async ({ page }) => {
  // What the folder holds, dropped as the browser hands a dropped folder's files to the page.
  const files = await Promise.all(
    (await readdir(seedsFolder)).sort().map(async (name) => ({ name, text: await readFile(join(seedsFolder, name), 'utf8') })),
  );
  const transfer = await page.evaluateHandle((seeds) => {
    const data = new DataTransfer();
    for (const seed of seeds) data.items.add(new File([seed.text], seed.name, { type: 'text/plain' }));
    return data;
  }, files);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });

  const dialog = page.getByRole('dialog', { name: 'Import minutes' });
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('max', String(files.length));
  await expect(dialog.getByRole('status')).toContainText(/Found \d+ meetings?/);
  await dialog.getByRole('button', { name: 'Import' }).click();
  // The two undated seeds (000, 002) wait for a date and committee; the clerk imports the rest now.
  await expect(dialog.getByRole('status')).toContainText(/Imported 3 meetings/);
  await expect(dialog.getByRole('note')).toHaveText('Not imported, as no dates or committees were given: 000_f89e8ca412644775.txt, 002_649d194bed661f2d.txt. Import them again when known.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /13 July 2017 imported/ })).toBeVisible();

  // Search, and open the result at its item.
  await library.getByRole('searchbox', { name: 'Search minutes' }).fill('young carers');
  await library.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('region', { name: 'Search results' });
  const first = results.getByRole('listitem').first();
  await expect(first).toContainText('Minute 7/17: Support to Young Carers');
  await expect(first.locator('mark').first()).toHaveText(/young|carers/i);
  // From the keyboard: Enter on the result opens it with the focus in the minutes, not on the page (qa13e E13).
  await first.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '7. Support to Young Carers' })).toBeInViewport();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeFocused();
  await expect(page.getByText('kept as published, read-only')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toHaveAttribute('contenteditable', 'false');

  // "Further to Minute 3/17" names a meeting the archive did not include.
  await expect(page.locator('.minute-reference.unresolved').filter({ hasText: 'Minute 3/17' })).toBeVisible();

  // A new draft cites Minute 81/16 of the imported April 2017 meeting: the reference follows to it.
  await createMeeting(page, board, { date: '2017-09-14', startTime: '10:00' });
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('Further to Minute 81/16 the Board noted progress.');
  // Once saved it is a link, without opening the meeting again.
  await waitUntilSaved(page);
  const reference = page.locator('.minute-reference.resolved').filter({ hasText: 'Minute 81/16' });
  await expect(reference).toHaveAttribute('title', /One Strategic Plan for School Organisation/);
  await reference.click();
  await expect(page.getByRole('heading', { level: 2, name: '81. One Strategic Plan for School Organisation' })).toBeInViewport();
  await expect(page.getByRole('complementary', { name: 'This item' }).getByRole('region', { name: 'Minute references' })).toContainText('Cited by');
});
