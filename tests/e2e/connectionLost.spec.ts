// Messages a clerk can act on (issue 13, part 9): when the node side goes away — the bridge stopped,
// a request refused — the clerk is told what happened and what to do, never "Failed to fetch" or a
// channel's name, and the window reconnects by itself when the node side is back, saving what was
// typed meanwhile.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { channelNames } from '../../shared/channels.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { clickInto, createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { meetingFiles } from './nodeSide.js';

const board = 'Audit and Procurement Committee';

/** Nothing on the page is the browser's own error or names a call between the window and the node side. */
async function expectNothingForDevelopers(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/failed to fetch|networkerror|TypeError|Refused:/i);
  for (const channel of channelNames) expect(text).not.toContain(channel);
}

test('a lost connection to the node side is said plainly and mended by itself', async ({ page, app }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '14:00' });
  const outstanding = items(page).nth(2).locator('p.narrative').first();
  await clickInto(page, outstanding);
  await page.keyboard.type('Typed before. ');
  await waitUntilSaved(page);

  // The node side stops while the clerk is typing.
  await app.stopNodeSide();
  await page.keyboard.type('Typed while the library was away.');
  const connection = page.locator('.connection-status');
  await expect(connection).toHaveText(/lost its connection to the library on this computer and is trying again by itself/, { timeout: 20_000 });
  await expect(connection).toHaveRole('status');
  // After trying for a while the save says what happened and what to do; the words stay on the page.
  const saveStatus = page.locator('.save-status').first();
  await expect(saveStatus).toHaveText(
    /^Not saved: Minute Book could not save the meeting: this window has lost its connection to the library on this computer\. It keeps trying by itself and what you have typed stays in this window\. If this lasts more than a minute, check that Minute Book is still running/,
    { timeout: 40_000 },
  );
  await expect(outstanding).toHaveText('Typed before. Typed while the library was away.');
  await page.screenshot({ path: 'tests/output/connection-lost.png' });
  await expectNothingForDevelopers(page);

  // It comes back (a new run, with a new token): the window reconnects and saves without being asked.
  await app.startNodeSide();
  await expect(connection).toHaveText('Connected to the library again: anything not yet saved is saved now.', { timeout: 20_000 });
  await waitUntilSaved(page);
  await page.screenshot({ path: 'tests/output/connection-back.png' });
  await expect(connection).toBeEmpty({ timeout: 15_000 });
  const [file] = await meetingFiles(app.libraryFolder);
  const saved = (JSON.parse(await readFile(join(app.libraryFolder, 'meetings', file!), 'utf8')) as { meeting: Meeting }).meeting;
  expect(JSON.stringify(saved.items[2]!.minutes)).toContain('Typed while the library was away.');

  // And it goes on working: a search finds what was typed while it was away.
  await page.getByRole('searchbox', { name: /Search/ }).fill('away');
  await page.getByRole('searchbox', { name: /Search/ }).press('Enter');
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText('Typed while the library was away');
});

test('a request refused on the way says what to do, not how it failed', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '14:00' });

  // Something between the page and the node side refuses the search, as a page left over from another run would be.
  await page.route('**/api/call', async (route) => {
    if (route.request().postDataJSON()?.channel !== 'search:query') return route.fallback();
    await route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not carry this run’s token.' } }),
    });
  });
  await page.getByRole('searchbox', { name: /Search/ }).fill('budget');
  await page.getByRole('searchbox', { name: /Search/ }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'Minute Book could not search the library: this page is no longer the one Minute Book is serving. Reload the page (F5); everything saved is kept.',
  );
  await expectNothingForDevelopers(page);

  // A request the network drops is tried again by itself: the clerk sees the results, not the failure.
  await page.unroute('**/api/call');
  let dropped = 0;
  await page.route('**/api/call', async (route) => {
    if (route.request().postDataJSON()?.channel === 'search:query' && dropped < 2) {
      dropped += 1;
      return route.abort('connectionreset');
    }
    return route.fallback();
  });
  await page.getByRole('searchbox', { name: /Search/ }).fill('Declarations');
  await page.getByRole('searchbox', { name: /Search/ }).press('Enter');
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText(/\d+ results?, best first\./);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(dropped).toBe(2);
  await expectNothingForDevelopers(page);
});
