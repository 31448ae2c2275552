// A clerk exports the meeting from the app: previews a form, downloads it (the browser bridge's way
// of saving), and prints the formal minutes to PDF.
import { readFile } from 'node:fs/promises';
import { createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const board = "Education and Children's Services Scrutiny Board (2)";

test('preview and download the Agenda and minutes page, the Agenda item page and the PDF', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3 - Council House' });
  await page.getByLabel('First minute number').fill('5');
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('The Board noted the outstanding issues & asked for <more>.');
  await waitUntilSaved(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export minutes' });
  await dialog.getByLabel('Form').selectOption('page-text');
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText(`${board} - Thursday, 13th July, 2017 10.00 am`);
  await expect(preview).toContainText('The Board noted the outstanding issues & asked for <more>.');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('education-and-childrens-services-scrutiny-board-2-2017-07-13-agenda-and-minutes.txt');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain('7.\n\nOutstanding Issues');

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByLabel('Form').selectOption('item');
  await dialog.getByRole('combobox', { name: /^Item/ }).selectOption('7');
  await expect(preview).toContainText('Agenda item');
  await expect(preview).toContainText('Outstanding Issues');

  await dialog.getByLabel('Form').selectOption('json');
  await dialog.getByRole('checkbox', { name: `Every meeting of ${board}` }).check();
  await expect(preview).toContainText('"format": "minute-book-archive"');
  await expect(preview).toContainText('"contentHash": "sha256-');

  await dialog.getByLabel('Form').selectOption('pdf');
  await expect(preview).toContainText(/minutes\.pdf — \d+ KB, ready to save/, { timeout: 30_000 });
  const [pdf] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
});

test('an item without a title cannot be published: the preview says which', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  await items(page).nth(2).locator('.item-title').click();
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export minutes' });
  await expect(dialog.getByRole('alert')).toContainText('item 4 (the 4th on the agenda) has no title');
  await expect(dialog.getByRole('button', { name: 'Download' })).toBeDisabled();
});
