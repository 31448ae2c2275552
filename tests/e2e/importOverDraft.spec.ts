// Issue 7, item 2: importing the published minutes of a meeting the clerk is drafting never replaces the
// draft without it being ticked by name; what is replaced is kept, and "Restore the draft" brings it back
// editable, in the open window.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const seedsFolder = join(import.meta.dirname, '..', '..', 'seeds');
const board = "Education and Children's Services Scrutiny Board (2)";
const firstNarrative = (page: Page) => items(page).nth(2).locator('p.narrative').first();

/** Drops the seed of 13 July 2017 on the window, as a clerk drags a saved page from a folder. */
async function dropSeed004(page: Page): Promise<void> {
  const name = (await readdir(seedsFolder)).find((file) => file.startsWith('004_'))!;
  const text = await readFile(join(seedsFolder, name), 'utf8');
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content!], fileName!, { type: 'text/plain' }));
      return data;
    },
    [name, text],
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

test('an import over the draft being written asks for that draft by name, keeps it, and restores it', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
  await firstNarrative(page).click();
  await page.keyboard.type('My own words about school places.');
  await waitUntilSaved(page);

  // "Replace them" alone does not replace a draft: it has to be ticked.
  await dropSeed004(page);
  let dialog = page.getByRole('dialog', { name: 'Import minutes' });
  await dialog.getByLabel('Replace them').check();
  const tick = dialog.getByRole('checkbox', { name: `Replace my draft of ${board}, Thursday, 13 July 2017` });
  await expect(tick).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 0 meetings');
  await expect(dialog.getByRole('status')).toContainText('skipped 1');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(firstNarrative(page)).toHaveText('My own words about school places.');
  await firstNarrative(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Still mine.');
  await waitUntilSaved(page);

  // Ticked: replaced, shown in its place, and kept.
  await dropSeed004(page);
  dialog = page.getByRole('dialog', { name: 'Import minutes' });
  await dialog.getByLabel('Replace them').check();
  await dialog.getByRole('checkbox', { name: `Replace my draft of ${board}, Thursday, 13 July 2017` }).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText('replaced 1');
  const replaced = dialog.getByRole('list', { name: 'Replaced meetings' });
  await expect(replaced).toContainText('Your draft of Thursday, 13 July 2017 was replaced and is kept.');
  await expect(page.getByText(/kept as published, read-only/)).toBeVisible();

  await replaced.getByRole('button', { name: 'Restore the draft' }).click();
  await expect(replaced).toContainText('Restored.');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(firstNarrative(page)).toHaveText('My own words about school places. Still mine.');
  await expect(page.getByText(/kept as published, read-only/)).toBeHidden();
  await firstNarrative(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Editable again.');
  await waitUntilSaved(page);
  await expect(firstNarrative(page)).toHaveText('My own words about school places. Still mine. Editable again.');
});
