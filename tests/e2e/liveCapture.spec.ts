// A clerk minutes a four-item meeting as it happens, in live capture and with the keyboard alone: the
// roll call, a late arrival, a prejudicial interest declared and the member leaving for that item, an
// adjournment between two items, an amendment LOST and the motion CARRIED on counts, the start and
// close stamped; slips taken back with Ctrl+Z and brought back with Ctrl+Y. The exported
// Agenda and minutes page must read as the council prints it: the golden file was written by hand
// from the council forms (DOMAIN.md, seeds 001 and 004) before the exporter printed any of this; where
// the exporter chose another of the councils' own wordings (a motion "On being put to the vote …", an
// arrival "at the meeting at 10.10 am") the golden was brought to it. Compared, as the seeds are,
// whitespace aside.
import { AxeBuilder } from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Meeting } from '../../shared/model/meeting.js';
import { clickInto, createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { meetingFiles } from './nodeSide.js';
import { normalisedLines } from '../unit/normalise.js';

const board = "Education and Children's Services Scrutiny Board (2)";
const members = [
  { name: 'Councillor J Innes', role: 'chair' },
  { name: 'Councillor R Bigham', role: 'member' },
  { name: 'Councillor K Caan', role: 'member' },
  { name: 'Councillor L Kelly', role: 'member' },
  { name: 'Councillor T Sawdon', role: 'member' },
  { name: 'Councillor C Thomas', role: 'member' },
  { name: 'Councillor A Ali', role: 'member' },
] as const;

/** The clock in the page, as the clerk's laptop reads it (timers keep running). */
// British Summer Time: the page runs in Europe/London, whatever the machine running the test.
const at = (page: Page, time: string) => page.clock.setFixedTime(new Date(`2017-07-13T${time}:00+01:00`));

/** Presses keys one after another, as the clerk types them. */
async function keys(page: Page, ...pressed: string[]): Promise<void> {
  for (const key of pressed) await page.keyboard.press(key);
}

test('live capture of a four-item meeting, keyboard only, exports as the council prints it', async ({ page, app }) => {
  test.setTimeout(240_000);
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose', contactEmail: 'michelle.rose@coventry.gov.uk', members: [...members] }, async (dialog) => {
    // Four items: the report takes the place of Outstanding Issues and the Work Programme.
    await dialog.getByRole('button', { name: 'Remove standard item 3' }).click();
    await dialog.getByLabel('Standard item 3 title').fill('Home to School Transport Policy');
    await dialog.getByLabel('Standard item 3 source').fill('Report of the Director of Education, Libraries and Adult Learning');
    // This council still uses the older code: personal and prejudicial interests.
    await dialog.getByLabel('Scheme').selectOption('walesAndOlderCodes');
  });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '09:30', venue: 'Committee Room 3 - Council House' });
  await page.getByLabel('First minute number').fill('5');
  await page.getByLabel('Contact phone').fill('024 7683 3111');
  // Into the minutes at the first item (the item with the caret is the one live capture starts at).
  await clickInto(page, items(page).nth(0).locator('.item-title'));

  // From here on, the keyboard only.
  await at(page, '10:00');
  await keys(page, 'Control+Shift+L');
  const live = page.getByRole('complementary', { name: 'Live capture' });
  const list = live.getByRole('listbox', { name: 'Members' });
  await expect(list).toBeFocused();
  const agenda = live.getByRole('region', { name: 'Agenda' });
  await expect(agenda.locator('[aria-current="step"]')).toHaveText('5. Declarations of Interests');
  // The keys are on screen beside what they do.
  await expect(live.getByRole('button', { name: 'A Arrived' })).toBeVisible();
  await expect(live.getByRole('button', { name: 'I Left for this item' })).toBeVisible();

  // Roll call: apologies from Councillor Ali (7), Councillor Sawdon (5) not here yet; P on a member present already changes nothing.
  await keys(page, '1', 'p', '7', 'x', '5', 'o');
  await expect(list.getByRole('option', { name: /Councillor J Innes/ })).toContainText('present');
  await expect(list.getByRole('option', { name: /Councillor A Ali/ })).toContainText('apologies');
  await expect(list.getByRole('option', { name: /Councillor T Sawdon/ })).toContainText('absent');
  // The start, stamped on the second press.
  await keys(page, 's');
  await expect(live.getByRole('status').first()).toContainText('Press S again');
  await keys(page, 's');
  const times = live.getByRole('region', { name: 'Times' });
  await expect(times).toContainText('Started 10.00 am');
  // A stamp is taken back like anything else recorded, and brought back.
  await keys(page, 'Control+z');
  await expect(times).toContainText('Started 9.30 am');
  await keys(page, 'Control+y');
  await expect(times).toContainText('Started 10.00 am');

  // 5. Declarations: Councillor Kelly (4) declares a prejudicial interest in item 7 and will leave the room.
  await keys(page, 'd');
  const declaring = page.getByRole('dialog', { name: 'Declaration of interest' });
  await expect(declaring.getByLabel('Member declaring')).toBeFocused();
  // The kinds are all on view, none chosen for the clerk; the arrow keys choose.
  const kinds = declaring.getByRole('group', { name: 'Kind of interest' });
  await expect(kinds.getByRole('radio')).toHaveCount(3);
  await expect(kinds.getByRole('radio', { checked: true })).toHaveCount(0);
  await keys(page, '4', 'Tab', 'ArrowDown', 'Tab', '7', 'Tab');
  await page.keyboard.type('as a governor of Caludon Castle School');
  await keys(page, 'Tab', 'l');
  await expect(kinds.getByRole('radio', { name: 'prejudicial interest', exact: true })).toBeChecked();
  await expect(declaring.getByLabel('Item')).toHaveValue('7');
  await expect(declaring.getByLabel('What the member did')).toHaveValue('left-room');
  // Enter on a list records, as in a text field.
  await keys(page, 'Enter');
  await expect(declaring).toBeHidden();

  // 6. Minutes: Councillor Sawdon arrives at 10.10 am.
  await keys(page, 'n');
  await expect(agenda.locator('[aria-current="step"]')).toHaveText('6. Minutes');
  await at(page, '10:10');
  await keys(page, '5', 'a');
  await expect(list.getByRole('option', { name: /Councillor T Sawdon/ })).toContainText('arrived 10.10 am');
  // The meeting adjourns at the end of the item; closing now would be questioned.
  await at(page, '10:15');
  await keys(page, 'j', 'j');
  await expect(times).toContainText('adjourned 10.15 am');
  await expect(live.getByRole('button', { name: 'J Reconvened now' })).toBeVisible();
  await keys(page, 'c');
  await expect(live.getByRole('status').first()).toContainText('The meeting stands adjourned (since 10.15 am): press C again to record it closed at 10.15 am without reconvening');

  // 7. The report: Councillor Kelly leaves for the item, as she declared.
  await keys(page, 'n');
  await expect(agenda.locator('[aria-current="step"]')).toHaveText('7. Home to School Transport Policy');
  await at(page, '10:25');
  await keys(page, 'j', 'j');
  await expect(times).toContainText('adjourned 10.15 am–10.25 am');
  const thisItem = live.getByRole('region', { name: 'This item' });
  await expect(thisItem).toContainText('Councillor L Kelly declared a prejudicial interest in this item: still in the room');
  await keys(page, '4', 'i');
  const kelly = list.getByRole('option', { name: /Councillor L Kelly/ });
  await expect(kelly).toContainText('out for this item');
  // Taken back and brought back by either of Word's keys; the list follows the minutes.
  await keys(page, 'Control+z');
  await expect(kelly).toContainText('present');
  await keys(page, 'Control+Shift+z');
  await expect(kelly).toContainText('out for this item');
  await keys(page, 'Control+z', 'Control+y');
  await expect(kelly).toContainText('out for this item');

  // The clerk writes the discussion in the item (Enter), and comes back (Escape).
  await keys(page, 'Enter');
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeFocused();
  await page.keyboard.type('The Scrutiny Board considered a report of the Director of Education, Libraries and Adult Learning on the proposed home to school transport policy.');
  await keys(page, 'Escape');
  await expect(list).toBeFocused();

  // Out of live capture to correct an earlier item, and back: it resumes at the item it had reached.
  await keys(page, 'Control+Shift+L');
  await expect(live).toBeHidden();
  await page.getByRole('textbox', { name: 'Minutes', exact: true }).focus();
  await keys(page, 'Control+Home');
  await keys(page, 'Control+Shift+L');
  await expect(agenda.locator('[aria-current="step"]')).toHaveText('7. Home to School Transport Policy');
  await expect(kelly).toContainText('out for this item');
  await expect(list).toBeFocused();

  // The motion is moved (Innes, seconded Bigham); then an amendment to it (Caan, seconded Thomas).
  await keys(page, 'm');
  const moving = page.getByRole('dialog', { name: 'Motion or amendment moved' });
  await expect(moving.getByLabel('Moved by')).toBeFocused();
  await expect(moving.getByLabel('Moved by').locator('option')).toHaveText(['Not recorded', '1 · Councillor J Innes', '2 · Councillor R Bigham', '3 · Councillor K Caan', '5 · Councillor T Sawdon', '6 · Councillor C Thomas']);
  await keys(page, '1', 'Tab', '2', 'Tab');
  await page.keyboard.type('the Scrutiny Board supports the proposed policy');
  await keys(page, 'Enter');
  await expect(moving).toBeHidden();
  await keys(page, 'm');
  await expect(moving.getByLabel('Moved as')).toHaveValue(/.+/);
  await keys(page, '3', 'Tab', '6', 'Tab');
  await page.keyboard.type('the policy be deferred for further consultation');
  await keys(page, 'Enter');
  await expect(moving).toBeHidden();

  // The amendment is put first, and LOST; then the motion, CARRIED.
  await keys(page, 'v');
  const voting = page.getByRole('dialog', { name: 'Vote on the amendment moved by Councillor K Caan' });
  await expect(voting.getByLabel('For')).toBeFocused();
  // A slip: more hands than members in the room is said, and recorded only when asked again.
  await keys(page, '7', 'Tab', '3', 'Tab', '1', 'Enter');
  await expect(voting.getByRole('alert')).toContainText('11 votes are counted, but 5 voting members are in the room');
  await expect(voting).toBeVisible();
  await voting.getByLabel('For').focus();
  await keys(page, 'Control+a', '1');
  await expect(voting.getByRole('status')).toHaveText('For 1, against 3, abstaining 1: LOST.');
  await expect(voting.getByRole('alert')).toHaveCount(0);
  await keys(page, 'Enter');
  await expect(voting).toBeHidden();
  await keys(page, 'v');
  const votingMotion = page.getByRole('dialog', { name: 'Vote on the motion moved by Councillor J Innes' });
  await keys(page, '3', 'Tab', '1', 'Tab', '1');
  await expect(votingMotion.getByRole('status')).toHaveText('For 3, against 1, abstaining 1: CARRIED.');
  // Tab goes round the dialog, never out of it; Enter on the Outcome list records.
  for (let press = 0; press < 8; press++) {
    await keys(page, 'Tab');
    await expect(votingMotion.locator(':focus')).toHaveCount(1);
  }
  await votingMotion.getByLabel('Outcome').focus();
  await keys(page, 'Enter');
  await expect(votingMotion).toBeHidden();
  await expect(thisItem.locator('.live-motions li')).toHaveText(['Amendment (Councillor K Caan): LOST', 'Motion (Councillor J Innes): CARRIED']);

  // What was resolved, through the insert menu.
  await keys(page, 'Enter', 'Control+/');
  // The menu filters as the clerk types; Enter inserts the first block that matches.
  await page.keyboard.type('Resolution');
  await expect(page.getByRole('menu', { name: 'Insert block' }).getByRole('menuitem')).toHaveText(['Resolution', 'Resolution part']);
  await keys(page, 'Enter');
  await page.keyboard.type('the Scrutiny Board supports the proposed policy.');
  await keys(page, 'Escape');
  await expect(list).toBeFocused();

  // Look at it as the clerk sees it; every control has its name.
  await page.screenshot({ path: 'tests/output/live-capture.png' });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

  // 8. Any Other Business, and the close at 11.40 am.
  await keys(page, 'n');
  await expect(agenda.locator('[aria-current="step"]')).toHaveText('8. Any Other Business');
  await at(page, '11:40');
  await keys(page, 'c', 'c');
  await expect(live.getByRole('region', { name: 'Times' })).toContainText('closed 11.40 am');
  await waitUntilSaved(page);

  // It is all in the saved meeting, as structure.
  const [file] = await meetingFiles(app.libraryFolder);
  const saved = (JSON.parse(await readFile(join(app.libraryFolder, 'meetings', file!), 'utf8')) as { meeting: Meeting }).meeting;
  expect(saved.startTime).toBe('10:00');
  expect(saved.closingTime).toBe('11:40');
  expect(saved.attendance.apologies.map((apology) => apology.name)).toEqual(['Councillor A Ali']);
  expect(saved.attendance.members.map((member) => member.name)).toEqual(members.slice(0, 6).map((member) => member.name));
  const [declarations, minutes, report] = saved.items;
  expect(declarations!.minutes[0]!.content?.[0]?.attrs).toMatchObject({ member: 'Councillor L Kelly', kind: 'prejudicial', item: '7', action: 'left-room' });
  expect(minutes!.minutes.slice(-2).map((block) => block.attrs)).toMatchObject([
    { member: 'Councillor T Sawdon', event: 'arrived', time: '10:10' },
    { member: '', event: 'adjourned', time: '10:15' },
  ]);
  expect(report!.minutes.map((block) => [block.type, block.attrs?.['result'] ?? block.attrs?.['event'] ?? ''])).toEqual([
    ['attendance_event', 'resumed'],
    ['attendance_event', 'left-for-item'],
    ['paragraph', ''],
    ['motion', 'lost'],
    ['motion', 'carried'],
    ['resolution', ''],
  ]);
  expect(report!.minutes[3]!.attrs).toMatchObject({ kind: 'amendment', amends: report!.minutes[4]!.attrs?.['id'], mover: 'Councillor K Caan', seconder: 'Councillor C Thomas', counts: { for: 1, against: 3, abstain: 1 } });
  expect(report!.minutes[4]!.attrs).toMatchObject({ kind: 'motion', mover: 'Councillor J Innes', seconder: 'Councillor R Bigham', counts: { for: 3, against: 1, abstain: 1 } });

  // The Agenda and minutes page, as downloaded, reads as the golden file, whitespace aside.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export minutes' });
  await exporting.getByLabel('Form').selectOption('page-text');
  const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'Download' }).click()]);
  const printed = await readFile((await download.path())!, 'utf8');
  const golden = await readFile(join(import.meta.dirname, '..', 'fixtures', 'golden', 'live-capture-page.txt'), 'utf8');
  expect(normalisedLines(printed)).toEqual(normalisedLines(golden));

  // The attendance register counts the meeting: apologies from Councillor Ali, the late arrival present.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Registers' }).click();
  await page.getByRole('tab', { name: 'Attendance' }).click();
  const table = page.getByRole('table', { name: `${board}, municipal year 2017/18` });
  const row = (member: string) => table.getByRole('row', { name: new RegExp(`^${member}`) });
  await expect(row('Councillor A Ali')).toHaveText(/Councillor A Ali\s*1\s*0 \(0%\)\s*1 \(100%\)\s*0 \(0%\)/);
  await expect(row('Councillor T Sawdon')).toHaveText(/Councillor T Sawdon\s*1\s*1 \(100%\)/);
  await expect(table.getByRole('row')).toHaveCount(members.length + 1);
  await page.screenshot({ path: 'tests/output/attendance-register.png' });
  // Printed on its own, laid out for paper.
  await page.getByRole('button', { name: 'Print…' }).click();
  const printing = page.locator('iframe[title="Attendance register for printing"]');
  await expect(printing).toHaveAttribute('srcdoc', /Councillor A Ali<\/th><td class="number">1<\/td><td class="number">0 \(0%\)<\/td><td class="number">1 \(100%\)/);
});
