// British throughout (issue 13, part 7): on a computer set to American English, where Chromium's own
// date and time inputs would show mm/dd/yyyy and "10:10 AM", a clerk types dates day first and times
// as councils print them, sees what was read in words, and is told plainly what could not be read.
// By the keyboard alone once the dialog is open.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Meeting } from '../../shared/model/meeting.js';
import { createCommittee, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { meetingFiles } from './nodeSide.js';

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

const board = 'Audit and Procurement Committee';

test('dates and times are read and shown the British way on an American computer', async ({ page, app }) => {
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });

  await page.getByRole('button', { name: `New meeting of ${board}` }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  const date = dialog.getByRole('textbox', { name: 'Meeting date' });
  const time = dialog.getByRole('textbox', { name: 'Start time' });
  await expect(dialog.locator('input[type="date"], input[type="time"]')).toHaveCount(0);

  // Day first: 13/7/2017 is the 13th of July, said in words as it is typed.
  await date.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('13/7/2017');
  await expect(date).toHaveAccessibleDescription('Thursday 13 July 2017');

  // What cannot be a date is refused with the reason, and the dialog is not submitted with it.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31/2/2026');
  await page.keyboard.press('Tab');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('There is no 31 February 2026: February 2026 has 28 days.');
  await expect(date).toHaveValue('31/2/2026');
  await date.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7/13/2017');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(date).toHaveAccessibleDescription('There is no month 13. Minute Book reads dates day first: for July 13, write 13/7/2017.');
  await page.screenshot({ path: 'tests/output/british-date-refused.png' });

  // "13 Jul 17" reads, and shows day first.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('13 Jul 17');
  await page.keyboard.press('Tab');
  await expect(date).not.toHaveAttribute('aria-invalid');
  await expect(date).toHaveValue('13/07/2017');
  await expect(date).toHaveAccessibleDescription('Thursday 13 July 2017');

  // Times: "10:30" could be morning or evening, so it is asked about; "2pm" is 2.00 pm.
  await expect(time).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10:30');
  await page.keyboard.press('Tab');
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(time).toHaveAccessibleDescription('Is that 10.30 am or 10.30 pm? Add am or pm, or write it on the 24-hour clock (22:30).');
  await time.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2pm');
  await expect(time).toHaveAccessibleDescription('2.00 pm');
  await page.keyboard.press('Tab');
  await expect(time).toHaveValue('2.00 pm');
  await expect(time).not.toHaveAttribute('aria-invalid');
  await page.screenshot({ path: 'tests/output/british-new-meeting.png' });
  await dialog.getByRole('textbox', { name: 'Venue' }).press('Enter');
  await expect(dialog).toBeHidden();

  // The meeting, in its title and its details, and in the library.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('held at 2.00 pm on Thursday, 13 July 2017');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ })).toBeVisible();
  const details = page.getByRole('group', { name: 'Meeting details' });
  await expect(details.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue('13/07/2017');
  await expect(details.getByRole('textbox', { name: 'Start time' })).toHaveValue('2.00 pm');
  await expect(page.locator('input[type="date"], input[type="time"]')).toHaveCount(0);

  // The closing time on the 24-hour clock, and the date of the minutes approved in words.
  const closing = details.getByRole('textbox', { name: 'Closing time' });
  await closing.focus();
  await page.keyboard.type('16:45');
  await expect(closing).toHaveAccessibleDescription('4.45 pm');
  await page.keyboard.press('Enter');
  await expect(closing).toHaveValue('4.45 pm');
  const approval = items(page).nth(1).getByRole('group', { name: 'Approval of the previous minutes' });
  const approved = approval.getByRole('textbox', { name: 'Date of the meeting whose minutes were agreed' });
  await approved.focus();
  await page.keyboard.type('Thursday 15th June 2017');
  await page.keyboard.press('Enter');
  await expect(approved).toHaveValue('15/06/2017');
  await expect(approval.locator('.approval-statement')).toHaveText('The minutes of the meeting held on 15 June 2017 were agreed and signed as a true record.');
  await page.screenshot({ path: 'tests/output/british-meeting.png' });
  await waitUntilSaved(page);

  const [file] = await meetingFiles(app.libraryFolder);
  const saved = (JSON.parse(await readFile(join(app.libraryFolder, 'meetings', file!), 'utf8')) as { meeting: Meeting }).meeting;
  expect([saved.date, saved.startTime, saved.closingTime]).toEqual(['2017-07-13', '14:00', '16:45']);

  // Ten in the morning as stored ("10:00") is shown as such when the meeting opens again, not questioned.
  const start = details.getByRole('textbox', { name: 'Start time' });
  await start.fill('10am');
  await start.press('Enter');
  await waitUntilSaved(page);
  await page.reload();
  await expect(start).toHaveValue('10.00 am');
  await expect(start).not.toHaveAttribute('aria-invalid');
  await expect(start).toHaveAccessibleDescription('');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('held at 10.00 am on Thursday, 13 July 2017');
});
