// Shift+click on a minute reference opens the minute it cites beside the draft (ProseMirror leaves a
// shifted click to the browser, so the reference must catch it itself), without selecting the page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMeeting, importDropped } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const seed001 = join(import.meta.dirname, '..', '..', 'seeds', '001_a919da4fdd24a8d9.txt');
const board = "Education and Children's Services Scrutiny Board (2)";

test('Shift+click on a minute reference opens the cited minutes beside the draft', async ({ page }) => {
  await page.setViewportSize({ width: 1500, height: 900 });
  const text = await readFile(seed001, 'utf8');
  await importDropped(page, [{ name: '001.txt', text }]);
  await createMeeting(page, board, { date: '2017-07-13', startTime: '14:00' });

  await page.locator('p.narrative').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Further to ');
  await page.getByRole('button', { name: 'Insert block' }).click();
  await page.getByRole('menuitem', { name: 'Minute reference…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert minute reference' });
  await dialog.getByLabel(/Minute/).fill('80/16');
  await dialog.getByRole('button', { name: 'Insert reference' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  // References are resolved as the meeting opens.
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /27 April 2017/ }).click();
  await library.getByRole('button', { name: /13 July 2017/ }).click();
  const reference = page.getByRole('link', { name: 'Minute 80/16' });
  await expect(reference).toHaveAttribute('title', /27 April 2017/);

  await reference.click({ modifiers: ['Shift'] });
  await expect(page.getByRole('region', { name: /^Left: .*13 July 2017 \(draft\)/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Right: .*27 April 2017 \(imported\)/ })).toBeVisible();
  expect(await page.evaluate(() => String(getSelection()).length)).toBeLessThan(20);
});
