// First start (issue 13, part 1): an empty library offers the sample library and the clerk's own
// import; the first meeting carries a short hint, dismissed for good; and the app opens again at the
// meeting, item and caret the clerk left.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const violations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

/** The item (0-based) holding the caret, and the words before the caret in its block. */
const caret = (page: Page) =>
  page.evaluate(() => {
    const selection = getSelection()!;
    const node = selection.anchorNode!;
    const element = node instanceof Element ? node : node.parentElement!;
    const item = element.closest('section.item')!;
    return { item: [...document.querySelectorAll('.minutes section.item')].indexOf(item), before: (node.textContent ?? '').slice(0, selection.anchorOffset) };
  });

test('an empty library offers the sample library and an import; the sample opens on its drafted next meeting', async ({ page }) => {
  const welcome = page.getByRole('region', { name: 'Your library is empty' });
  await expect(welcome).toBeVisible();
  await page.screenshot({ path: 'tests/output/first-start.png' });
  expect(await violations(page)).toEqual([]);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), welcome.getByRole('button', { name: 'Import your published minutes' }).click()]);
  expect(chooser.isMultiple()).toBe(true);

  await welcome.getByRole('button', { name: 'Open the sample library' }).click();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible({ timeout: 30_000 });
  const library = page.getByRole('navigation', { name: 'Library' });
  // The five published pages, and the next meeting drafted four weeks after the newest.
  await expect(library.getByRole('button', { name: /imported|published/ })).toHaveCount(5);
  await expect(library.getByRole('button', { name: /draft/ })).toHaveCount(1);
  await expect(welcome).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 }).filter({ hasText: 'Minutes of the Meeting of' })).toBeVisible();
  // The drafted meeting numbers on from the year's imported minutes (16 January 2025: 1–6, 13 March 2025: 7).
  await expect(page.locator('.minute-number').first()).toHaveText('8.\u00a0');

  // A page that prints neither the time nor a number: no "12.00 am", and it is published minutes, not a draft (qa13e E8, E10).
  await library.getByRole('button', { name: /13 March 2025/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('held on Thursday, 13 March 2025');
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('12.00 am');
  await expect(page.locator('.lifecycle-line')).toHaveText(/^Published minutes, imported .* from 002_649d194bed661f2d\.txt: kept as published$/);
  await library.getByRole('button', { name: /draft/ }).click();

  // The hint on the first meeting, dismissed once and for all.
  const hint = page.getByRole('region', { name: 'Getting started' });
  await expect(hint).toContainText('Ctrl+/');
  await page.screenshot({ path: 'tests/output/first-meeting-hint.png' });
  expect(await violations(page)).toEqual([]);
  await hint.getByRole('button', { name: 'Got it, hide this hint' }).click();
  await expect(hint).toBeHidden();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible();
  await expect(hint).toBeHidden();
});

test('the Getting started hint shows on the first meeting only, not on the meetings opened after it', async ({ page }) => {
  const board = 'Scrutiny Co-ordination Committee';
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose', members: [{ name: 'Councillor J Innes', role: 'chair' }] });
  const hint = page.getByRole('region', { name: 'Getting started' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  await expect(hint).toBeVisible();
  await createMeeting(page, board, { date: '2017-09-14', startTime: '10:00' });
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible();
  await expect(hint).toBeHidden();
  // Back on the first meeting, until the clerk dismisses it, it is still there; after a restart too.
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /13 July 2017/ }).click();
  await expect(hint).toBeVisible();
  await page.reload();
  await library.getByRole('button', { name: /14 September 2017/ }).click();
  await expect(library.getByRole('button', { name: /14 September 2017/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible();
  await expect(hint).toBeHidden();
});

test('the app opens again at the meeting, item and caret the clerk left', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the sample library' }).click();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible({ timeout: 30_000 });
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('The Board noted the report and');
  await waitUntilSaved(page);
  const left = await caret(page);
  expect(left).toEqual({ item: 2, before: 'The Board noted the report and' });

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeFocused({ timeout: 15_000 });
  expect(await caret(page)).toEqual(left);
  // And typing goes on where it stopped.
  await page.keyboard.type(' asked for an update.');
  await expect(items(page).nth(2).locator('p.narrative').first()).toHaveText('The Board noted the report and asked for an update.');
});

test('the sample library is a folder of its own: the clerk goes back to an untouched library, and can delete the sample', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Open the sample library' }).click();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible({ timeout: 30_000 });
  const banner = page.getByRole('region', { name: 'Sample library' });
  await expect(banner).toContainText('Your own library is closed meanwhile and nothing in it changes; what you create or import here stays in the sample.');
  await page.screenshot({ path: 'tests/output/sample-library-banner.png' });
  expect(await violations(page)).toEqual([]);
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('Tried by the clerk.');
  await waitUntilSaved(page);
  expect(await readdir(join(app.libraryFolder, 'sample-library', 'meetings'))).not.toHaveLength(0);

  // Back to the clerk's own library, empty as it was: the first start page again, and focus in the window.
  await banner.getByRole('button', { name: 'Back to my library' }).click();
  const welcome = page.getByRole('region', { name: 'Your library is empty' });
  await expect(welcome).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /draft|published|imported/ })).toHaveCount(0);
  // Focus on a control, not on the page nor the workspace itself (qa13e E13).
  await expect(welcome.getByRole('button', { name: 'Open the sample library' })).toBeFocused();

  // Opened again, the sample is as the clerk left it.
  await welcome.getByRole('button', { name: 'Open the sample library' }).click();
  await expect(items(page).nth(2).locator('p.narrative').first()).toContainText('Tried by the clerk.', { timeout: 30_000 });
  await banner.getByRole('button', { name: 'Delete the sample library…' }).click();
  const asked = page.getByRole('dialog', { name: 'Delete the sample library?' });
  await expect(asked).toContainText('1 committee and 6 meetings');
  await asked.getByRole('button', { name: 'Delete the sample library' }).click();
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('button', { name: 'Open the sample library' })).toBeFocused();
  await expect(readdir(join(app.libraryFolder, 'sample-library'))).rejects.toThrow();
});

test('a library that holds minutes still offers the sample, without touching them', async ({ page }) => {
  const board = 'Scrutiny Co-ordination Committee';
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose', members: [{ name: 'Councillor J Innes', role: 'chair' }] });
  await expect(page.getByRole('region', { name: 'Your library is empty' })).toHaveCount(0);
  await page.getByRole('button', { name: 'open the sample library' }).click();
  const banner = page.getByRole('region', { name: 'Sample library' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('navigation', { name: 'Library' })).not.toContainText(board);
  await banner.getByRole('button', { name: 'Back to my library' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText(board);
  expect(await violations(page)).toEqual([]);
});
