// The registers in a big library: the latest resolutions and requests show at once, from a page of the
// database, while the whole registers are still being read; then the whole registers replace them.
// The whole registers' answer is held back here, as a council's whole archive takes seconds to read.
import { archivePackage } from '../../shared/export/jsonArchive.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { expect, test } from './bridgeFixture.js';
import { importDropped } from './clerk.js';

test('the registers show the latest resolutions at once, saying the rest are being read, then the whole register', async ({ page }) => {
  await importDropped(page, [{ name: 'seed-003-archive.json', text: JSON.stringify(archivePackage(committee003, [meeting003])), type: 'application/json' }]);
  let release = () => undefined as void;
  const wholeMayGo = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call', async (route) => {
    if ((route.request().postDataJSON() as { channel?: string }).channel === 'registers:open') await wholeMayGo;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Registers' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Resolutions' });
  await expect(panel.getByRole('status')).toHaveText(/^The latest \d+ of \d+ resolutions; reading every meeting for the rest…$/);
  const resolutions = panel.locator('ol.register > li');
  const shownFirst = await resolutions.count();
  expect(shownFirst).toBeGreaterThan(0);
  await expect(resolutions.first()).toContainText('20 October 2022');
  await page.screenshot({ path: 'tests/output/registers-first-page.png' });
  // Declarations need every meeting: they wait for the whole registers.
  await page.getByRole('tab', { name: 'Declarations by member' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Declarations by member' })).toContainText('Reading every meeting…');
  await page.getByRole('tab', { name: 'Resolutions' }).click();
  release();
  await expect(panel.getByRole('status')).toHaveCount(0);
  await expect(resolutions).toHaveCount(shownFirst);
});
