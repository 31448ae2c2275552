// Re-creates seed 003 — the formal minutes of 20 October 2022 — through the UI, from the hand-written
// fixture, then checks the saved meeting holds exactly the fixture's minutes and screenshots the page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Item, Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { formatClockTime } from '../../shared/dates.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { createCommittee, createMeeting, items, recordAttendance, replaceBlockText, typeMinutes, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { meetingFiles } from './nodeSide.js';

/** Request ids are made up by the editor; everything else must match the fixture exactly. */
function withoutIds(minutes: MinutesNodeJSON[]): unknown {
  return JSON.parse(JSON.stringify(minutes), (key, value) => (key === 'id' ? undefined : value));
}

const comparable = (item: Item) => ({ minuteNumber: item.minuteNumber, title: item.title, source: item.source, minutes: withoutIds(item.minutes) });

test('re-create the formal minutes of 20 October 2022 (seed 003) through the UI', async ({ page, app }) => {
  test.setTimeout(300_000);
  await createCommittee(
    page,
    { name: committee003.name, council: committee003.council, contactName: committee003.contact.name, contactEmail: committee003.contact.email },
    // This board's standard agenda takes the work programme and outstanding issues as one item.
    async (dialog) => {
      await dialog.getByRole('button', { name: 'Remove standard item 3' }).click();
      await dialog.getByLabel('Standard item 3 title').fill('Work Programme and Outstanding Issues');
      await dialog.getByLabel('Standard item 3 source').fill('');
    },
  );
  await createMeeting(page, committee003.name, { date: meeting003.date, startTime: meeting003.startTime! });
  await page.getByLabel('Closing time').fill(formatClockTime(meeting003.closingTime!));
  await page.getByLabel('Closing time').press('Tab');
  await recordAttendance(page, meeting003.attendance);

  const [declarations, minutes, coOption, ofsted, workProgramme, anyOtherBusiness] = meeting003.items as [Item, Item, Item, Item, Item, Item];

  // 1. Declarations of Interests: the council's own wording for "none".
  await replaceBlockText(page, items(page).nth(0).locator('.declarations-none'), 'There were no disclosable interests.');

  // 2. Minutes: agreed, with the date of the meeting they record.
  const approval = items(page).nth(1).getByRole('group', { name: 'Approval of the previous minutes' });
  await approval.getByLabel('Date of the meeting whose minutes were agreed').fill('21 July 2022');
  await approval.getByLabel('Date of the meeting whose minutes were agreed').press('Tab');
  await expect(approval.locator('.approval-statement')).toHaveText('The minutes of the meeting held on 21 July 2022 were agreed and signed as a true record.');
  await replaceBlockText(page, approval.locator('.approval-statement'), 'The minutes of the meeting held on 21 July 2022 were agreed.');

  // 3 and 4 are this meeting's own items, added after the Minutes.
  for (const [offset, added] of [coOption, ofsted].entries()) {
    await items(page).nth(1 + offset).locator('.item-title').click();
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.keyboard.insertText(added.title);
    await typeMinutes(page, items(page).nth(2 + offset), added.minutes);
  }
  await typeMinutes(page, items(page).nth(4), workProgramme.minutes);
  await expect(items(page).nth(5).locator('p.narrative')).toHaveText('There were no other items of business.');

  await waitUntilSaved(page);

  // The headings read as in the seed: "1. Declarations of Interests" … "6. Any Other Business".
  for (const item of meeting003.items) {
    await expect(page.getByRole('heading', { level: 2, name: `${item.minuteNumber}. ${item.title}` })).toBeVisible();
  }

  // The file on disk holds the seed, block for block.
  const [file] = await meetingFiles(app.libraryFolder);
  const saved = (JSON.parse(await readFile(join(app.libraryFolder, 'meetings', file!), 'utf8')) as { meeting: Meeting }).meeting;
  expect(saved.date).toBe(meeting003.date);
  expect(saved.startTime).toBe(meeting003.startTime);
  expect(saved.closingTime).toBe(meeting003.closingTime);
  expect(saved.attendance).toEqual(meeting003.attendance);
  expect(saved.items.map(comparable)).toEqual([declarations, minutes, coOption, ofsted, workProgramme, anyOtherBusiness].map(comparable));

  // Look at it: a tall window shows every item at once.
  const height = await page.locator('.page').evaluate((element) => element.scrollHeight);
  await page.setViewportSize({ width: 1400, height: height + 60 });
  await page.locator('.page').screenshot({ path: 'tests/output/seed-003.png' });
});
