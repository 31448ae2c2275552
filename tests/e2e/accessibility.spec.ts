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
