// Issue 9: a draft taken through its checks (errors put right from the list), circulated, agreed at
// the next meeting with an amendment, and signed; the signed minutes are locked and show the amendment;
// recorded as published; changed on disk by another program, then reported and compared with the
// version as signed.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { boardWithItsJulyMeeting, createMeeting, items } from './clerk.js';
import { expect, test } from './bridgeFixture.js';
import { callNodeSide } from './nodeSide.js';
import { paragraph } from '../../shared/editor/blocks.js';

const board = 'Scrutiny Co-ordination Committee';

test('draft → checks → circulated → agreed with an amendment at the next meeting → signed and locked → published; a changed file is caught', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 950 });
  await boardWithItsJulyMeeting(page, board);
  const lifecycle = page.getByRole('region', { name: 'Lifecycle' });
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText('Draft: not yet circulated');

  // The checks list what is missing; each entry opens its item, where the clerk puts it right.
  await lifecycle.getByRole('button', { name: 'Circulate…' }).click();
  const checks = page.getByRole('dialog', { name: 'Circulate the minutes' });
  const toPutRight = checks.getByRole('region', { name: 'To put right first' });
  await expect(toPutRight.getByRole('listitem')).not.toHaveCount(0);
  await expect(checks.getByRole('button', { name: 'Circulate' })).toBeDisabled();
  while ((await page.getByRole('dialog', { name: 'Circulate the minutes' }).getByRole('region', { name: 'To put right first' }).count()) > 0) {
    await toPutRight.getByRole('listitem').first().getByRole('button').click();
    await expect(checks).toBeHidden();
    await page.keyboard.type('The Committee noted the report.');
    await lifecycle.getByRole('button', { name: 'Circulate…' }).click();
    await expect(checks.getByRole('region', { name: 'To confirm' })).toBeVisible();
  }
  // What is left are warnings, each confirmed by the clerk (and recorded with the step).
  for (const confirm of await checks.getByRole('region', { name: 'To confirm' }).getByRole('checkbox').all()) await confirm.check();
  await checks.getByRole('button', { name: 'Circulate' }).click();
  // The first step asks for the clerk's name, once.
  const name = page.getByRole('dialog', { name: 'Your name' });
  await name.getByLabel('Your name, as the clerk').fill('Michelle Rose');
  await name.getByRole('button', { name: 'Continue' }).click();
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText(/^Circulated .* by Michelle Rose: the text is frozen$/);
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toHaveAttribute('contenteditable', 'false');

  // The next meeting agrees them, subject to an amendment of minute 3.
  await createMeeting(page, board, { date: '2017-09-14', startTime: '10:00', venue: 'Committee Room 3' });
  await page.getByRole('button', { name: 'Record the agreement…' }).click();
  const agree = page.getByRole('dialog', { name: 'Agree the previous minutes' });
  await agree.getByRole('button', { name: 'Add an amendment' }).click();
  await agree.getByLabel('Minute amended').selectOption({ label: '3. Outstanding Issues' });
  await agree.getByLabel('Corrected text').fill('The Committee noted the report and asked for an update in November.');
  await agree.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(agree).toBeHidden();

  // The earlier meeting: agreed, the amendment applied and noted, then signed and locked.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText(/^Agreed at the meeting of 14 September 2017, Minute 7\/17, with amendments$/);
  await expect(lifecycle.getByRole('list', { name: 'Amendments' })).toContainText('Minute 3: Amended by Minute 7/17');
  await expect(items(page).nth(2)).toContainText('asked for an update in November');
  await lifecycle.getByRole('button', { name: 'Sign…' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign the minutes' });
  await expect(sign.getByLabel('Signed by (the Chair)')).toHaveValue('Councillor J Innes');
  await sign.getByLabel('Date of signing').fill('14/9/2017');
  await expect(sign.getByRole('region', { name: 'To confirm' })).toBeVisible();
  for (const confirm of await sign.getByRole('region', { name: 'To confirm' }).getByRole('checkbox').all()) await confirm.check();
  await sign.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText('Signed by Councillor J Innes (Chair), 14 September 2017: locked');
  // Each step stays on the meeting once signed: who took it and when.
  await lifecycle.getByText('Steps', { exact: true }).click();
  await expect(lifecycle.locator('.lifecycle-steps li')).toHaveText([
    /^Circulated \d+ \w+ \d{4}, \d+\.\d\d [ap]m by Michelle Rose$/,
    /^Agreement recorded .* by Michelle Rose$/,
    /^Signature recorded .* by Michelle Rose$/,
  ]);

  // Locked: typing changes nothing, and there is no next step to take.
  const minutes = page.getByRole('textbox', { name: 'Minutes', exact: true });
  await expect(minutes).toHaveAttribute('contenteditable', 'false');
  await items(page).nth(2).click();
  await page.keyboard.type('Tampering');
  await expect(items(page).nth(2)).not.toContainText('Tampering');
  await expect(lifecycle.getByRole('button')).toHaveText(['Record as published…']);
  // Each check was put right once: the words typed to fix it are there once.
  await expect(items(page).nth(3)).toHaveText(/Work Programme.*The Committee noted the report\.$/s);

  // Published: recorded beside the signed record, which stays as signed.
  await lifecycle.getByRole('button', { name: 'Record as published…' }).click();
  const publish = page.getByRole('dialog', { name: 'Record as published' });
  await publish.getByLabel('Published to').fill('the council’s website (moderngov)');
  await publish.getByRole('button', { name: 'Record as published' }).click();
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText(/^Signed by Councillor J Innes \(Chair\), 14 September 2017: locked; published .* \(the council’s website \(moderngov\)\) by Michelle Rose$/);
  await page.locator('.workspace').screenshot({ path: 'tests/output/signed.png' });
  // The library says where the signed minutes were agreed.
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ })).toHaveText('13 July 2017 published agreed 14/09/2017');

  // Another program changes a word of the signed file: reported on the meeting, and compared with the version as signed.
  const { meetings } = await callNodeSide(page, 'library:open', {});
  const july = meetings.find((meeting) => meeting.date === '2017-07-13')!;
  const path = join(app.libraryFolder, 'meetings', `${july.id}.json`);
  await writeFile(path, (await readFile(path, 'utf8')).replace('asked for an update in November', 'asked for an update in December'));
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('changed outside Minute Book');
  const warning = lifecycle.getByRole('alert');
  await expect(warning).toContainText('This signed record was changed outside Minute Book on or after');
  await expect(lifecycle.getByRole('button', { name: /Record as published/ })).toHaveCount(0);
  await warning.getByRole('button', { name: /^Compare with the version as signed/ }).click();
  const differences = page.getByRole('region', { name: /^Right: differences/ });
  await expect(differences.getByRole('toolbar', { name: 'Differences' }).getByRole('status')).toHaveText('1 difference');
  await expect(differences.locator('.compared-item del')).toHaveText(['November']);
  await expect(differences.locator('.compared-item ins')).toHaveText(['December']);
  await page.locator('.workspace').screenshot({ path: 'tests/output/tampered.png' });

  // The clerk puts the version as signed back: the warning goes, and the file as changed is kept aside.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();
  await warning.getByRole('button', { name: 'Put back the version as signed…' }).click();
  const putBack = page.getByRole('dialog', { name: 'Put back the version as signed' });
  await expect(putBack).toContainText('kept in the library’s set-aside folder');
  await putBack.getByRole('button', { name: 'Put back the version as signed' }).click();
  await expect(lifecycle.getByRole('alert')).toHaveCount(0);
  await expect(items(page).nth(2)).toContainText('asked for an update in November');
  await expect(page.getByRole('navigation', { name: 'Library' })).not.toContainText('changed outside Minute Book');
  await expect(page.getByRole('heading', { name: 'Signed minutes changed outside Minute Book' })).toHaveCount(0);

  // The committee's own archive dropped on the window: the dialog says before and after that the signed and agreed minutes are kept.
  const { content } = await callNodeSide(page, 'exports:committee-archive', { committeeId: july.committeeId });
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'archive.json', { type: 'application/json' }));
    return data;
  }, String(content));
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  const importing = page.getByRole('dialog', { name: 'Import minutes' });
  const kept = 'Already in the library and kept as they are, whatever you choose below: 13 July 2017 (signed and locked)';
  await expect(importing.getByRole('note').filter({ hasText: 'kept as they are' })).toContainText(kept);
  await importing.getByRole('button', { name: 'Import' }).click();
  await expect(importing.getByRole('status')).toContainText('Kept as they are: 13 July 2017 (signed and locked)');
  await importing.getByRole('button', { name: 'Done' }).click();
});

test('a second window on the same minutes learns of a step taken in the first when the clerk comes back to it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 950 });
  await boardWithItsJulyMeeting(page, board);
  const { meetings } = await callNodeSide(page, 'library:open', {});
  const july = meetings.find((meeting) => meeting.date === '2017-07-13')!;
  const second = await page.context().newPage();
  await second.goto(app.url);
  await second.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();
  const lifecycle = second.getByRole('region', { name: 'Lifecycle' });
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText('Draft: not yet circulated');

  // Circulated from the first window (here through the node side, as the first window's dialog does).
  await callNodeSide(page, 'preferences:set', { clerkName: 'Michelle Rose' });
  const loaded = await callNodeSide(page, 'meetings:load', { meetingId: july.id });
  const minuted = { ...loaded, items: loaded.items.map((item) => ({ ...item, minutes: [paragraph(`The Committee considered ${item.title}.`)] })) };
  const { revision } = await callNodeSide(page, 'meetings:save', { meeting: minuted });
  const { checks } = await callNodeSide(page, 'lifecycle:check', { meetingId: july.id, step: 'circulate' });
  expect(checks.filter((check) => check.severity === 'error')).toEqual([]);
  await callNodeSide(page, 'lifecycle:circulate', { meetingId: july.id, baseRevision: revision, confirmedWarnings: checks.map((check) => `${check.code}:${check.itemId ?? ''}`) });
  // Coming back to the second window: it reads the library again and shows the minutes as they now are.
  await second.bringToFront();
  await second.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText(/^Circulated .* by Michelle Rose: the text is frozen$/);
  await expect(second.getByRole('button', { name: 'Suggested correction…' })).toBeVisible();

  // A suggestion that says nothing is refused in the dialog itself, in the clerk's words, with the items numbered as the page numbers them.
  await second.getByRole('button', { name: 'Suggested correction…' }).click();
  const suggestion = second.getByRole('dialog', { name: 'Suggested correction' });
  await expect(suggestion.getByLabel('Item').locator('option').first()).toHaveText(/^\d+\.? \S/);
  await suggestion.getByLabel('Suggested by').fill('Councillor Ali');
  await suggestion.getByLabel('Correction').fill('\u200b');
  await suggestion.getByRole('button', { name: 'Record the suggestion' }).click();
  await expect(suggestion.getByRole('alert')).toContainText('The suggestion: say what was suggested');
  await expect(lifecycle.getByRole('alert')).toHaveCount(0);
});
