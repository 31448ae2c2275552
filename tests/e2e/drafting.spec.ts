// A clerk creates a committee and a meeting, drafts structured minutes, and finds them all again
// after a reload, both on screen and in the meeting's file on disk.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clickInto, createCommittee, createMeeting, insertFromMenu, items, setNumbering, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { meetingFiles } from './nodeSide.js';

const board = "Education and Children's Services Scrutiny Board (2)";

test('draft a meeting in structured blocks, save, reload and find everything again', async ({ page, app }) => {
  await createCommittee(page, {
    name: board,
    council: 'Coventry City Council',
    contactName: 'Michelle Rose',
    contactEmail: 'michelle.rose@coventry.gov.uk',
    members: [
      { name: 'Councillor J Innes', role: 'chair' },
      { name: 'Councillor P Akhtar', role: 'member' },
    ],
  });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3 - Council House' });

  // The standard agenda, numbered.
  for (const [index, title] of ['Declarations of Interests', 'Minutes', 'Outstanding Issues', 'Work Programme', 'Any Other Business'].entries()) {
    await expect(page.getByRole('heading', { level: 2, name: `${index + 1}. ${title}` })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ })).toBeVisible();

  // A paragraph of narrative in Outstanding Issues.
  const outstanding = items(page).nth(2);
  await outstanding.locator('p.narrative').first().click();
  await page.keyboard.type('The Scrutiny Board noted the briefing note of the Scrutiny Co-ordinator.');

  // A declaration, replacing "no declarations".
  const declarations = items(page).nth(0).getByRole('group', { name: 'Declarations of interests' });
  await declarations.getByRole('button', { name: 'Add declaration' }).click();
  const declaration = declarations.getByRole('group', { name: 'Declaration of interest' });
  await page.keyboard.type('a relative is employed by the Carers Trust');
  await declaration.getByLabel('Member declaring').fill('Councillor P Akhtar');
  await declaration.getByLabel('Kind of interest').selectOption('other-registrable');
  await declaration.getByLabel('Item').fill('7');

  // A request for information, from the keyboard menu.
  await clickInto(page, outstanding.locator('p.narrative').first());
  await page.keyboard.press('End');
  await insertFromMenu(page, 'Request for information');
  await outstanding.locator('.request .block-content').first().click();
  await page.keyboard.type('Numbers of young carers known to schools');
  await outstanding.getByLabel('Asked of').fill('Director of Education');

  // A resolution with two numbered parts, marked unanimous.
  await outstanding.locator('.request .block-content').first().click();
  await page.keyboard.press('End');
  await insertFromMenu(page, 'Resolution');
  await page.keyboard.type('the Scrutiny Board:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('notes the outstanding issues');
  const resolution = outstanding.getByRole('group', { name: 'Resolution' });
  await resolution.getByRole('button', { name: 'Add part' }).click();
  await page.keyboard.type('requests a further report in September, 2017');
  await resolution.getByRole('checkbox', { name: 'Unanimous' }).check();

  await waitUntilSaved(page);
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();

  // On screen after the reload.
  const reloaded = items(page).nth(2);
  await expect(reloaded.locator('p.narrative').first()).toHaveText('The Scrutiny Board noted the briefing note of the Scrutiny Co-ordinator.');
  await expect(reloaded.locator('.request .block-content')).toHaveText('Numbers of young carers known to schools');
  await expect(reloaded.getByLabel('Asked of')).toHaveValue('Director of Education');
  await expect(reloaded.locator('.resolution-preamble')).toHaveText('the Scrutiny Board:');
  await expect(reloaded.locator('.resolution-part')).toHaveText(['notes the outstanding issues', 'requests a further report in September, 2017']);
  await expect(reloaded.getByRole('checkbox', { name: 'Unanimous' })).toBeChecked();
  const reloadedDeclaration = items(page).nth(0).getByRole('group', { name: 'Declaration of interest' });
  await expect(reloadedDeclaration.getByLabel('Member declaring')).toHaveValue('Councillor P Akhtar');
  await expect(reloadedDeclaration.getByLabel('Kind of interest')).toHaveValue('other-registrable');
  await expect(reloadedDeclaration.locator('.block-content')).toHaveText('a relative is employed by the Carers Trust');
  await expect(page.getByRole('region', { name: 'Attendance' })).toContainText('Councillor J Innes (Chair)');

  // In the meeting's file on disk.
  const [file] = await meetingFiles(app.libraryFolder);
  const { meeting } = JSON.parse(await readFile(join(app.libraryFolder, 'meetings', file!), 'utf8'));
  expect(meeting.date).toBe('2017-07-13');
  expect(meeting.items.map((item: { minuteNumber: number }) => item.minuteNumber)).toEqual([1, 2, 3, 4, 5]);
  expect(meeting.items[0].minutes).toEqual([
    {
      type: 'declarations',
      content: [
        {
          type: 'declaration',
          attrs: { member: 'Councillor P Akhtar', item: '7', kind: 'other-registrable', action: '' },
          content: [{ type: 'text', text: 'a relative is employed by the Carers Trust' }],
        },
      ],
    },
  ]);
  const [narrative, requests, resolved] = meeting.items[2].minutes;
  expect(narrative).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'The Scrutiny Board noted the briefing note of the Scrutiny Co-ordinator.' }] });
  expect(requests.content[1]).toMatchObject({
    type: 'request',
    attrs: { askedOf: 'Director of Education', status: 'open' },
    content: [{ type: 'text', text: 'Numbers of young carers known to schools' }],
  });
  expect(requests.content[1].attrs.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(resolved).toEqual({
    type: 'resolution',
    attrs: { unanimous: true, partStyle: '1)', lead: 'resolved-that' },
    content: [
      { type: 'resolution_preamble', content: [{ type: 'text', text: 'the Scrutiny Board:' }] },
      { type: 'resolution_part', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'notes the outstanding issues' }] }] },
      { type: 'resolution_part', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'requests a further report in September, 2017' }] }] },
    ],
  });
});

test('edit a committee: its numbering style renumbers the open draft', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  await page.getByLabel('First minute number').fill('5');
  await expect(page.getByRole('heading', { level: 2, name: '5. Declarations of Interests' })).toBeVisible();

  await page.getByRole('button', { name: `Edit ${board}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${board}` });
  await expect(dialog.getByLabel('Council')).toHaveValue('Coventry City Council');
  await setNumbering(dialog, 'with-year');
  const fields = dialog.getByRole('group', { name: 'Minute numbers' });
  await expect(fields).toContainText('Prints as 79/16, sub-item 79.1/16');
  await dialog.getByRole('button', { name: 'Save committee' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { level: 2, name: '5/17 Declarations of Interests' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '9/17 Any Other Business' })).toBeVisible();
  await waitUntilSaved(page);
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: '5/17 Declarations of Interests' })).toBeVisible();

  // A prefix and the calendar year: "SB5/17" in July 2017 is the same year either way; the example says January's.
  await page.getByRole('button', { name: `Edit ${board}` }).click();
  const again = page.getByRole('dialog', { name: `Edit ${board}` }).getByRole('group', { name: 'Minute numbers' });
  await again.getByLabel('Prefix').fill('SB');
  await again.getByLabel('Which year').selectOption('calendar');
  await expect(again).toContainText('Prints as SB79/17, sub-item SB79.1/17');
  await page.screenshot({ path: 'tests/output/committee-numbering.png' });
  await page.getByRole('dialog', { name: `Edit ${board}` }).getByRole('button', { name: 'Save committee' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'SB5/17 Declarations of Interests' })).toBeVisible();
});

test('a meeting file damaged on disk is set aside and reported, and the rest of the library still opens', async ({ page, app }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-06-29', startTime: '14:00' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  const library = page.getByRole('navigation', { name: 'Library' });

  const meetingsFolder = join(app.libraryFolder, 'meetings');
  const stored = await Promise.all(
    (await meetingFiles(app.libraryFolder)).map(async (file) => ({ file, date: JSON.parse(await readFile(join(meetingsFolder, file), 'utf8')).meeting.date })),
  );
  const damaged = stored.find((entry) => entry.date === '2017-07-13')!;
  await writeFile(join(meetingsFolder, damaged.file), '{"schemaVersion": 1, "meeting": {"date": ');

  await page.reload();
  await library.getByRole('button', { name: /13 July 2017/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' }).first()).toContainText(`meetings/${damaged.file} could not be read and was moved to set-aside/`);
  await expect(library.getByRole('button', { name: /13 July 2017/ })).toHaveCount(0);
  await library.getByRole('button', { name: /29 June 2017/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: '1. Declarations of Interests' })).toBeVisible();
  expect(await readdir(join(app.libraryFolder, 'set-aside'))).toHaveLength(1);
});

test('words typed just before opening another meeting are saved, not lost', async ({ page }) => {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose' });
  await createMeeting(page, board, { date: '2017-06-29', startTime: '14:00' });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00' });
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('Typed a moment before leaving.');
  const library = page.getByRole('navigation', { name: 'Library' });
  // At once, well inside the autosave delay.
  await library.getByRole('button', { name: /29 June 2017/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Thursday, 29 June 2017');
  await library.getByRole('button', { name: /13 July 2017/ }).click();
  await expect(items(page).nth(2).locator('p.narrative').first()).toHaveText('Typed a moment before leaving.');
});
