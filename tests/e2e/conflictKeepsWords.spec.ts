// Words typed after the meeting was saved elsewhere (another window, a sync client, a hand edit) are
// refused as a conflict but never lost: what the window had is kept, and the clerk brings it back from
// Versions… after opening the meeting again, as the message says — and can take that back too.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { meetingFiles } from './nodeSide.js';

const board = 'Scrutiny Co-ordination Committee';

test('a save refused as saved elsewhere keeps the words, which come back from Versions…', async ({ page, app }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
  const narrative = items(page).nth(2).locator('p.narrative').first();
  await narrative.click();
  await page.keyboard.type('First words saved.');
  await waitUntilSaved(page);

  // Another program saves the meeting: a new venue, the next revision.
  const [name] = await meetingFiles(app.libraryFolder);
  const path = join(app.libraryFolder, 'meetings', name!);
  const onDisk = JSON.parse(await readFile(path, 'utf8'));
  onDisk.meeting.venue = 'Committee Room 4';
  onDisk.meeting.revision += 1;
  await writeFile(path, JSON.stringify(onDisk, null, 2));

  await narrative.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Words typed after the other save.');
  await expect(page.getByRole('status').filter({ hasText: /^Not saved: / })).toContainText('What this window has is kept', { timeout: 15_000 });

  // As the message says: open the meeting again. It shows the meeting as saved elsewhere.
  await page.getByRole('button', { name: 'Registers' }).click();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();
  await expect(page.getByLabel('Venue')).toHaveValue('Committee Room 4');
  await expect(items(page).nth(2)).not.toContainText('Words typed after the other save.');

  await page.getByRole('button', { name: 'Versions…' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions of this meeting' });
  const kept = versions.getByRole('region', { name: 'Copies kept' });
  await expect(kept).toContainText('its save was refused');
  await kept.getByRole('button', { name: /^Bring back the copy kept/ }).click();
  await expect(items(page).nth(2)).toContainText('First words saved. Words typed after the other save.');
  await waitUntilSaved(page);
  await page.getByRole('button', { name: 'Undo restore' }).click();
  await expect(items(page).nth(2)).not.toContainText('Words typed after the other save.');
  await expect(page.getByLabel('Venue')).toHaveValue('Committee Room 4');
});
