// In the browser (the bridge), Import… opens the browser's own file chooser, offering every kind of
// file an import reads; the desktop app's native open dialog is tested in tests/electron/.
import { join } from 'node:path';
import { expect, test } from './bridgeFixture.js';

const seed = join(import.meta.dirname, '..', '..', 'seeds', '003_4d226feff2281d8f.txt');

test('Import… opens the browser’s file chooser for minutes and archives, and reads what is chosen', async ({ page }) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  const fileChooser = await chooser;
  expect(fileChooser.isMultiple()).toBe(true);
  expect(await fileChooser.element().getAttribute('accept')).toBe('.json,.txt,.md,.html,.htm,.pdf,.docx');
  await fileChooser.setFiles(seed);
  const dialog = page.getByRole('dialog', { name: 'Import minutes' });
  await expect(dialog).toContainText('003_4d226feff2281d8f.txt');
  await expect(dialog.getByRole('status')).toContainText(/Found 1 meeting/);
  await page.screenshot({ path: 'tests/output/import-chooser.png' });
});
