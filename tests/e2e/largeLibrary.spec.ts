// A council's archive on one laptop: a library of 2,000 meetings (the benchmark's generator) opens,
// its search index is built behind the window, and a search finds the one meeting holding a phrase.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeArchive } from '../../scripts/bench/syntheticArchive.js';
import * as blocks from '../../shared/editor/blocks.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { expect, test } from './bridgeFixture.js';

const MEETINGS = 2000;
const phrase = 'Kingfisher Primary expansion';

test.use({
  prepareLibrary: {
    write: async (folder) => {
      const written = await writeArchive(folder, MEETINGS);
      // One meeting among them minutes a phrase no other holds.
      const chosen = written.meetings[1234]!;
      const path = join(folder, 'meetings', `${chosen.id}.json`);
      const file = JSON.parse(await readFile(path, 'utf8')) as { meeting: { items: { minutes: unknown[] }[] } };
      file.meeting.items[2]!.minutes.unshift(blocks.paragraph(`The Board welcomed the ${phrase}.`));
      await writeFile(path, JSON.stringify(file));
      // Opened once, as a clerk's library has been: the bridge then opens it from its index.
      await (await MeetingLibrary.open({ folder })).close();
    },
  },
});

test('a 2,000-meeting library opens, and search finds the one meeting minuting a phrase', async ({ page }) => {
  test.setTimeout(180_000);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('searchbox', { name: 'Search minutes' })).toBeVisible({ timeout: 30_000 });

  await library.getByRole('searchbox', { name: 'Search minutes' }).fill(phrase);
  await library.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('region', { name: 'Search results' });
  // The index is built from the 2,000 files behind the window; the view asks again until it answers.
  await expect(results.getByRole('listitem')).toHaveCount(1, { timeout: 120_000 });
  await expect(results.getByRole('listitem').first().locator('mark').first()).toHaveText(/Kingfisher/i);

  // A common phrase has many answers, the best first, and each opens its meeting.
  await library.getByRole('searchbox', { name: 'Search minutes' }).fill('"school places"');
  await library.getByRole('button', { name: 'Search' }).click();
  await expect(results.getByRole('listitem').nth(9)).toBeVisible({ timeout: 30_000 });
  await results.getByRole('listitem').first().getByRole('button').click();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible();

  // Each committee's latest two municipal years are listed; the older ones are folded, their meetings drawn only when unfolded.
  const meetingButtons = library.locator('.meeting-link');
  expect(await meetingButtons.count()).toBeLessThan(MEETINGS / 2);
  // The meeting opened from search is shown in the library, its year unfolded if it was folded.
  await expect(library.locator('.meeting-link[aria-current="page"]')).toHaveCount(1);
  const years = library.locator('details.folded-year');
  const stillFolded = await years.evaluateAll((all) => all.findIndex((year) => !(year as HTMLDetailsElement).open));
  const folded = years.nth(stillFolded);
  await expect(folded).not.toHaveAttribute('open');
  await expect(folded.locator('.meeting-link')).toHaveCount(0);
  await folded.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(folded.locator('.meeting-link').first()).toBeVisible();
  await page.screenshot({ path: 'tests/output/large-library-folded-years.png' });
});
