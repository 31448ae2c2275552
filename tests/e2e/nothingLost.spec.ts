// Issue 7, "Nothing lost": going away from a meeting and back shows what was typed; steady typing is
// saved while it goes on; and a tab closed in the middle of typing gives every key back at the next start.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Meeting } from '../../shared/model/meeting.js';
import { createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { meetingFiles } from './nodeSide.js';

const board = 'Scrutiny Co-ordination Committee';
const meetingButton = (page: Page) => page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ });
const firstNarrative = (page: Page) => items(page).nth(2).locator('p.narrative').first();

async function draftMeeting(page: Page): Promise<void> {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
}

/** Types for about five seconds without ever pausing long enough for the 700 ms autosave delay. */
const steadyText =
  'The Committee considered the report of the Director of Finance on the budget monitoring position for the second quarter.';

/** The first narrative paragraph of the third item, as the library's one meeting file holds it. */
async function storedNarrative(libraryFolder: string): Promise<string> {
  const [file] = await meetingFiles(libraryFolder);
  const { meeting } = JSON.parse(await readFile(join(libraryFolder, 'meetings', file!), 'utf8')) as { meeting: Meeting };
  const paragraph = meeting.items[2]!.minutes.find((block) => block.type === 'paragraph');
  return (paragraph?.content ?? []).map((node) => node.text ?? '').join('');
}

async function typeSteadily(page: Page): Promise<void> {
  await firstNarrative(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(steadyText, { delay: 42 });
}

test('going to search and the registers and back shows what was typed, and typing on saves without a conflict', async ({ page }) => {
  await draftMeeting(page);
  await firstNarrative(page).click();
  await page.keyboard.type('The Committee noted the report.');
  await waitUntilSaved(page);

  await page.getByRole('searchbox', { name: 'Search minutes' }).fill('report');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Registers' }).click();
  await meetingButton(page).click();

  await expect(firstNarrative(page)).toHaveText('The Committee noted the report.');
  await firstNarrative(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' It asked for an update in September.');
  await waitUntilSaved(page);
  await expect(page.getByRole('status')).toHaveText('Saved');

  // Clicking the meeting again while it is open shows the same, latest version.
  await meetingButton(page).click();
  await expect(firstNarrative(page)).toHaveText('The Committee noted the report. It asked for an update in September.');

  await page.reload();
  await meetingButton(page).click();
  await expect(firstNarrative(page)).toHaveText('The Committee noted the report. It asked for an update in September.');
});

test('steady typing is saved while it goes on, within about two seconds of the first key', async ({ page, app }) => {
  await draftMeeting(page);
  await waitUntilSaved(page);
  // Every change of the save status, timed from the first key typed.
  await page.evaluate(() => {
    const log: { text: string; at: number }[] = [];
    (window as unknown as { saveLog: typeof log }).saveLog = log;
    const status = document.querySelector('.save-status')!;
    let firstKey: number | null = null;
    window.addEventListener('keydown', () => (firstKey ??= performance.now()), { capture: true });
    new MutationObserver(() => firstKey !== null && log.push({ text: status.textContent ?? '', at: performance.now() - firstKey })).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const started = Date.now();
  await typeSteadily(page);
  const typingMs = Date.now() - started;
  expect(typingMs, 'the typing took about five seconds').toBeGreaterThan(4500);

  const log = await page.evaluate(() => (window as unknown as { saveLog: { text: string; at: number }[] }).saveLog);
  // A save that ends while keys keep coming goes straight back to "Unsaved changes": count saves that ended without failing.
  const saves = log.filter((entry, index) => entry.text === 'Saving…' && entry.at < typingMs - 100 && !log[index + 1]?.text.startsWith('Not saved'));
  expect(saves.length, `saves while typing: ${JSON.stringify(log)}`).toBeGreaterThanOrEqual(2);
  const firstSaveEnded = log[log.indexOf(saves[0]!) + 1];
  expect(firstSaveEnded?.at, `the first save ended within 2.5 s of the first key: ${JSON.stringify(log)}`).toBeLessThan(2500);
  // On disk before typing stopped: more than the draft, and part of what was typed.
  const stored = await storedNarrative(app.libraryFolder);
  expect(stored.length).toBeGreaterThan(steadyText.length / 3);
  expect(steadyText.startsWith(stored)).toBe(true);
  await waitUntilSaved(page);
  await expect(firstNarrative(page)).toHaveText(steadyText);
});

test('a tab closed in the middle of steady typing offers the changes back, and Restore brings every character', async ({ page, app, context }) => {
  await draftMeeting(page);
  await waitUntilSaved(page);
  await typeSteadily(page);
  await page.close({ runBeforeUnload: false });

  const next = await context.newPage();
  const pageErrors: string[] = [];
  next.on('pageerror', (error) => pageErrors.push(error.message));
  await next.goto(app.url);
  const offer = next.getByRole('dialog', { name: 'Unsaved changes were recovered' });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('listitem', { name: `Unsaved changes to ${board}, 13 July 2017` })).toBeVisible();
  await next.screenshot({ path: 'tests/output/recovery-offer.png' });
  await expect(offer.getByRole('button', { name: 'Restore' })).toBeFocused();
  expect((await new AxeBuilder({ page: next }).analyze()).violations.map((violation) => violation.id)).toEqual([]);

  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toBeHidden();
  await expect(firstNarrative(next)).toHaveText(steadyText);
  await waitUntilSaved(next);

  await next.reload();
  await expect(next.getByRole('dialog', { name: 'Unsaved changes were recovered' })).toBeHidden();
  await meetingButton(next).click();
  await expect(firstNarrative(next)).toHaveText(steadyText);
  expect(pageErrors).toEqual([]);
});
