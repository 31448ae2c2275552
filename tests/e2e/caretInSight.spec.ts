// Typing keeps the caret in sight (renderer/src/editor/caretInSight.ts): a caret already shown is not
// scrolled to, and one scrolled out of sight is brought back by the next command (Undo), as ProseMirror does.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { longMeeting, syntheticCommittee } from '../../scripts/bench/syntheticArchive.js';
import { CURRENT_SCHEMA_VERSION } from '../../shared/model/files.js';
import { summarise, type Meeting } from '../../shared/model/meeting.js';
import { expect, test } from './bridgeFixture.js';
import { items } from './clerk.js';

test.use({
  prepareLibrary: {
    write: async (folder) => {
      const long = longMeeting(40, '2017-07-13');
      const meeting: Meeting = { ...long, status: 'draft', items: long.items.map((item, index) => ({ ...item, minuteNumber: index + 1 })) };
      await writeFile(join(folder, 'library.json'), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, committees: [syntheticCommittee(0)], meetings: [summarise(meeting)], stamps: {} }));
      await mkdir(join(folder, 'meetings'));
      await writeFile(join(folder, 'meetings', `${meeting.id}.json`), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }));
    },
  },
});

/** Where the caret is against the minutes' scrolling box: 'inside' when wholly shown in it. */
const caretPlace = (page: Page) =>
  page.evaluate(() => {
    const caret = getSelection()!.getRangeAt(0).getBoundingClientRect();
    const box = document.querySelector('.meeting .page')!.getBoundingClientRect();
    return caret.top >= box.top && caret.bottom <= box.bottom ? 'inside' : 'outside';
  });

test('typing leaves a caret in sight where it is, and brings one scrolled out of sight back', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.getByRole('button', { name: /13 July 2017/ }).click();
  const paragraph = items(page).locator('p.narrative').nth(1);
  await paragraph.click();
  const scrolledTo = () => page.evaluate(() => document.querySelector('.meeting .page')!.scrollTop);
  const before = await scrolledTo();
  await page.keyboard.type(' Noted.');
  await expect(paragraph).toContainText('Noted.');
  expect(await scrolledTo()).toBe(before);
  expect(await caretPlace(page)).toBe('inside');

  // The minutes scrolled far down (the wheel, a find), the caret left above: undoing there moves the caret
  // by a command, which Chromium does not scroll to by itself, and the caret is shown again.
  await page.evaluate(() => document.querySelector('.meeting .page')!.scrollBy(0, 6000));
  expect(await caretPlace(page)).toBe('outside');
  await page.keyboard.press('Control+z');
  await expect(paragraph).not.toContainText('Noted.');
  expect(await caretPlace(page)).toBe('inside');
  expect(await scrolledTo()).toBeLessThan(before + 6000);
});
