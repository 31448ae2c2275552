// With no meeting open (an empty library, Search): F1 still shows the shortcuts sheet, Print says in
// words to open a meeting first, and a meeting opened from the first-start page has the keyboard focus.
import { expect, test } from './bridgeFixture.js';

test('F1 and Print with no meeting open, and focus in the minutes after Open the sample library by keyboard', async ({ page }) => {
  const welcome = page.getByRole('region', { name: 'Your library is empty' });
  await expect(welcome).toBeVisible();

  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /F6/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.keyboard.press('Control+p');
  await expect(page.getByRole('alert').filter({ hasText: 'To print minutes, open the meeting first' })).toBeVisible();

  const sample = welcome.getByRole('button', { name: 'Open the sample library' });
  await sample.focus();
  await page.keyboard.press('Enter');
  const minutes = page.getByRole('textbox', { name: 'Minutes', exact: true });
  await expect(minutes).toBeVisible({ timeout: 30_000 });
  await expect(minutes).toBeFocused();

  // Search: no meeting view, and F1 is still the sheet.
  const search = page.getByRole('searchbox', { name: 'Search minutes' });
  await search.fill('school');
  await search.press('Enter');
  await expect(minutes).toBeHidden();
  const focusedBefore = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
  await page.keyboard.press('F1');
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: 'tests/output/shortcuts-in-search.png' });
  await page.keyboard.press('Escape');
  // Back to where the clerk was, not to the page body.
  await expect.poll(() => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(focusedBefore);
  expect(focusedBefore).not.toMatch(/^<body/);
});
