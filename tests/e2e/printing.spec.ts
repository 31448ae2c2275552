// Printing the minutes (issue 13, part 6): Ctrl+P and the Print… button print the formal document
// alone — on A4, numbered, headed with the committee and date, marked DRAFT until agreed — and the
// export dialog keeps Download back while the chosen form is being made, saying what it is doing.
import { AxeBuilder } from '@axe-core/playwright';
import { createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const board = "Education and Children's Services Scrutiny Board (2)";

test('Ctrl+P prints the formal minutes, not the window: A4, page numbers, running header, the DRAFT mark', async ({ page, context }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3 - Council House' });
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('The Board noted the outstanding issues.');

  await page.keyboard.press('Control+P');
  const frame = page.locator('iframe.print-frame');
  await expect(frame).toHaveCount(1);
  const printed = (await frame.getAttribute('srcdoc'))!;
  expect(printed).toContain('@page { size: A4;');
  expect(printed).toContain('counter(page) " of " counter(pages)');
  expect(printed).toContain(`content: "Education and Children's Services Scrutiny Board (2) — Thursday, 13 July 2017"`);
  expect(printed).toContain('<p class="draft-mark"><strong>DRAFT – not yet agreed</strong></p>');
  // The words as they stand in the window, saved or not, and nothing of the window's own controls.
  expect(printed).toContain('The Board noted the outstanding issues.');
  expect(printed).not.toContain('Export…');
  expect(printed).not.toContain('Edit attendance');

  // The document as the printer gets it, looked at as paper.
  const paper = await context.newPage();
  await paper.setContent(printed);
  await paper.emulateMedia({ media: 'print' });
  await paper.screenshot({ path: 'tests/output/print-minutes.png', fullPage: true });
  const pdf = await paper.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await paper.close();

  // The toolbar's Print… does the same.
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(frame).toHaveCount(2);
});

test('an item without a title cannot be printed yet: the window says which', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  await items(page).nth(2).locator('.item-title').click();
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.keyboard.press('Control+P');
  await expect(page.locator('.print-failed').getByRole('alert')).toContainText('item 4 (the 4th on the agenda) has no title');
  await expect(page.locator('iframe.print-frame')).toHaveCount(0);
});

test('the export dialog keeps Download back, with its progress, while the PDF is being made', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('The Board noted the report.');
  await waitUntilSaved(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export minutes' });
  const download = dialog.getByRole('button', { name: 'Download' });
  await expect(download).toBeEnabled();
  await dialog.getByLabel('Form').selectOption('pdf');
  // While it prints: the old preview is gone, Download waits, and the dialog says what it is doing.
  await expect(dialog.getByRole('progressbar', { name: /Printing the PDF…|Saving the last change…/ })).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(/Printing the PDF…|Saving the last change…/);
  await expect(download).toBeDisabled();
  await page.screenshot({ path: 'tests/output/export-preparing.png' });
  expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
  await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText(/minutes\.pdf — \d+ KB, ready to save/, { timeout: 30_000 });
  await expect(download).toBeEnabled();
  await expect(dialog.locator('.export-progress')).toBeEmpty();
});
