// Every control has an accessible name and the page has no other axe-core violations, with every
// kind of structured block on it and its dialogs open.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createCommittee, createMeeting, insertFromMenu, items } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('the library, a meeting with every block, and the dialogs have no axe-core violations', async ({ page }) => {
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'New committee' }).click();
  await page.getByRole('button', { name: 'Add member' }).click();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  const board = "Education and Children's Services Scrutiny Board (2)";
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  await items(page).nth(0).getByRole('button', { name: 'Add declaration' }).click();
  await items(page).nth(1).getByRole('button', { name: 'Add amendment' }).click();
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('The Board noted the report.');
  for (const block of ['Bullet list', 'Request for information', 'Resolution']) await insertFromMenu(page, block);
  await page.keyboard.type('the report be noted');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Edit attendance' }).click();
  await page.getByRole('button', { name: 'Add apology' }).click();
  await page.getByRole('button', { name: 'Add document' }).click();
  expect(await violations(page)).toEqual([]);

  await page.keyboard.press('Control+/');
  await expect(page.getByRole('menu', { name: 'Insert block' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a read-only imported meeting, the export preview, and the versions, circulate, compare and preferences dialogs have no axe-core violations', async ({ page }) => {
  await page.getByRole('region', { name: 'Your library is empty' }).getByRole('button', { name: 'Open the sample library' }).click();
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible({ timeout: 30_000 });

  // The imported 13 July 2017 minutes: kept as published, read-only.
  await library.getByRole('button', { name: /^13 July 2017/ }).click();
  await expect(page.getByText('kept as published, read-only')).toBeVisible();
  expect(await violations(page), 'a read-only meeting').toEqual([]);

  await page.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export minutes' });
  await exporting.getByLabel('Form').selectOption('page-text');
  await expect(exporting.getByRole('region', { name: 'Preview' })).toContainText('Agenda and minutes');
  expect(await violations(page), 'the export preview').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(exporting).toBeHidden();

  // The drafted next meeting: its versions, the circulate question, Compare and Preferences.
  await library.getByRole('button', { name: /draft/ }).click();
  await page.getByRole('button', { name: 'Versions…' }).click();
  const versions = page.getByRole('dialog').filter({ hasText: /version/i });
  await expect(versions).toBeVisible();
  expect(await violations(page), 'the versions dialog').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(versions).toBeHidden();

  await page.getByRole('button', { name: 'Circulate…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page), 'the circulate dialog').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('button', { name: 'Compare…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page), 'the compare dialog').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('button', { name: 'Preferences…' }).click();
  await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible();
  expect(await violations(page), 'preferences').toEqual([]);
});
