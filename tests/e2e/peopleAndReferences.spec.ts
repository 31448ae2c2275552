// People and references from lists (issue 13, part 3): the fields that name a person offer the
// committee's members and still take a new name; a declaration's item offers the meeting's items; the
// minute-reference dialog finds minutes by title and by date; a reference typed in the draft becomes
// a link, with its tooltip and in the item's "Cites", without the meeting being saved or opened again.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { boardWithItsJulyMeeting, createMeeting, importDropped, insertFromMenu, items } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const seed001 = join(import.meta.dirname, '..', '..', 'seeds', '001_a919da4fdd24a8d9.txt');
const board = "Education and Children's Services Scrutiny Board (2)";

/** The values (and labels) a field's list offers. */
const offered = (page: Page, field: Locator): Promise<string[]> =>
  field.evaluate((input) => [...((input as HTMLInputElement).list?.options ?? [])].map((option) => (option.label && option.label !== option.value ? `${option.value} ${option.label}` : option.value)));

const violations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

test('member, apology, declarant and "asked of" fields offer the committee’s members, and take a new name', async ({ page }) => {
  await boardWithItsJulyMeeting(page, board);

  await page.getByRole('button', { name: 'Edit attendance' }).click();
  await page.getByRole('button', { name: 'Add apology', exact: true }).click();
  const apology = page.getByRole('combobox', { name: 'Apology 1 name' });
  await expect(apology).toBeFocused();
  expect(await offered(page, apology)).toEqual(['Councillor J Innes', 'Councillor P Akhtar']);
  await page.keyboard.type('Councillor Q Newcomer');
  await page.getByRole('button', { name: 'Add member', exact: true }).click();
  expect(await offered(page, page.getByRole('combobox', { name: 'Member 1 name' }))).toEqual(['Councillor J Innes', 'Councillor P Akhtar']);
  await page.keyboard.type('Councillor R Lakha');
  await page.getByRole('button', { name: 'Done editing attendance' }).click();
  await expect(page.getByRole('region', { name: 'Attendance' })).toContainText('Councillor Q Newcomer');

  await items(page).nth(0).getByRole('button', { name: 'Add declaration' }).click();
  const declarant = page.getByRole('combobox', { name: 'Member declaring' });
  await declarant.focus();
  // The committee's members first, then anyone else the attendance names.
  expect(await offered(page, declarant)).toEqual(['Councillor J Innes', 'Councillor P Akhtar', 'Councillor R Lakha']);
  await page.keyboard.type('Councillor P Akhtar');
  const item = page.getByRole('combobox', { name: 'Item', exact: true });
  await item.focus();
  expect(await offered(page, item)).toEqual(['1 Declarations of Interests', '2 Minutes', '3 Outstanding Issues', '4 Work Programme', '5 Any Other Business']);
  await page.keyboard.type('3');

  await items(page).nth(2).locator('p.narrative').first().click();
  await insertFromMenu(page, 'Request for information');
  const askedOf = page.getByRole('combobox', { name: 'Asked of' });
  await askedOf.focus();
  expect(await offered(page, askedOf)).toEqual(['Councillor J Innes', 'Councillor P Akhtar', 'Councillor R Lakha']);
  await page.keyboard.type('Director of Education');
  await expect(askedOf).toHaveValue('Director of Education');
  await expect(declarant).toHaveValue('Councillor P Akhtar');
  await expect(item).toHaveValue('3');
  await page.screenshot({ path: 'tests/output/people-lists.png' });
  expect(await violations(page)).toEqual([]);
});

test('a reference typed in the draft resolves at once; the dialog finds minutes by title and by date', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await importDropped(page, [{ name: '001.txt', text: await readFile(seed001, 'utf8') }]);
  await createMeeting(page, board, { date: '2017-07-13', startTime: '14:00' });

  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('Further to Minute 85/16, the Board asked for an update.');
  // No save, no reopening: the link, its tooltip and the item's "Cites" follow the typing.
  const reference = page.getByRole('link', { name: 'Minute 85/16' });
  await expect(reference).toHaveAttribute('title', 'Minute 85/16: Outstanding Issues (27 April 2017)');
  const cites = page.getByRole('region', { name: 'Minute references' });
  await expect(cites.getByRole('button', { name: 'Minute 85/16, Outstanding Issues (27 April 2017)' })).toBeVisible();

  await page.keyboard.type(' See ');
  await page.getByRole('button', { name: 'Insert block' }).click();
  await page.getByRole('menuitem', { name: 'Minute reference…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert minute reference' });
  const field = dialog.getByLabel(/Minute number/);
  await field.fill('work programme');
  const found = dialog.getByRole('region', { name: 'Minutes found' });
  await expect(found.getByRole('button', { name: 'Minute 86/16, Work Programme (27 April 2017)' })).toBeVisible();
  await field.fill('27/4/2017');
  await expect(found.getByRole('button', { name: /^Minute 79\/16, / })).toBeVisible();
  await expect(found.getByRole('button', { name: 'Minute 86/16, Work Programme (27 April 2017)' })).toBeVisible();
  await field.fill('1 January 2016');
  await expect(found.getByRole('status')).toHaveText(`No minute of ${board} is found by “1 January 2016”.`);
  await field.fill('work programme');
  await expect(found.getByRole('button', { name: 'Minute 86/16, Work Programme (27 April 2017)' })).toBeVisible();
  await page.screenshot({ path: 'tests/output/reference-dialog.png' });
  expect(await violations(page)).toEqual([]);
  await found.getByRole('button', { name: 'Minute 86/16, Work Programme (27 April 2017)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: 'Minute 86/16' })).toHaveAttribute('title', 'Minute 86/16: Work Programme (27 April 2017)');
  await expect(cites.getByRole('button', { name: 'Minute 86/16, Work Programme (27 April 2017)' })).toBeVisible();
});
