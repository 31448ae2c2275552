// Issue 9, QA findings F21, F22, F3, F4, F6, F2: the agreement starts from what the approval block
// says (its amendments are carried over; "subject to amendments" with none is asked about); any part
// of a minute holding words can be amended (a resolution's opening words and parts, declarations),
// several corrections of one minute together; the amended minutes say so on the page, with the text
// as circulated; the approval block names the amended minute's heading; re-opening the agreement
// says it was subject to the amendments; a refused clerk's name keeps its dialog open, in words.
import type { Page } from '@playwright/test';
import { boardWithItsJulyMeeting, clickInto, createMeeting, items, typeMinutes, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const board = 'Scrutiny Co-ordination Committee';

/** Puts right what the checks list (each entry opens its item) and confirms the warnings, then circulates. */
async function circulate(page: Page, clerkName: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  const lifecycle = page.getByRole('region', { name: 'Lifecycle' });
  await lifecycle.getByRole('button', { name: 'Circulate…' }).click();
  const checks = page.getByRole('dialog', { name: 'Circulate the minutes' });
  const toPutRight = checks.getByRole('region', { name: 'To put right first' });
  await expect(checks.getByRole('region', { name: 'To confirm' })).toBeVisible();
  while ((await toPutRight.count()) > 0) {
    await toPutRight.getByRole('listitem').first().getByRole('button').click();
    await expect(checks).toBeHidden();
    await page.keyboard.type('The Committee noted the report.');
    await lifecycle.getByRole('button', { name: 'Circulate…' }).click();
    await expect(checks.getByRole('region', { name: 'To confirm' })).toBeVisible();
  }
  // F1: a warning's checkbox and its words (a link or not) are on one line.
  for (const entry of await checks.getByRole('region', { name: 'To confirm' }).getByRole('listitem').all()) {
    const [box, words] = [await entry.getByRole('checkbox').boundingBox(), await entry.locator('.result-link, span').first().boundingBox()];
    expect(Math.abs(box!.y + box!.height / 2 - (words!.y + Math.min(words!.height, 24) / 2))).toBeLessThan(14);
  }
  await checks.screenshot({ path: 'tests/output/agreement-checks.png' });
  for (const confirm of await checks.getByRole('region', { name: 'To confirm' }).getByRole('checkbox').all()) await confirm.check();
  await checks.getByRole('button', { name: 'Circulate' }).click();
  await clerkName(page.getByRole('dialog', { name: 'Your name' }));
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText(/^Circulated .* by Michelle Rose: the text is frozen$/);
}

test('the agreement starts from the approval block, amends a resolution’s opening words and part and a declaration, and the amended minutes say so', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 950 });
  await boardWithItsJulyMeeting(page, board);
  await typeMinutes(page, items(page).nth(2), [
    {
      type: 'resolution',
      attrs: { unanimous: false, partStyle: '1)' },
      content: [
        { type: 'resolution_preamble', content: [{ type: 'text', text: 'The report be noted' }] },
        { type: 'resolution_part', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'An update be brought to the next meeting' }] }] },
      ],
    },
  ]);
  await waitUntilSaved(page);

  await circulate(page, async (name) => {
    // F2: a name with no letter is refused in the dialog's own words; the dialog stays, and the step goes on once a name is given.
    await name.getByLabel('Your name, as the clerk').fill('  \u200b\u200b');
    await name.getByRole('button', { name: 'Continue' }).click();
    await expect(name.getByRole('alert')).toContainText('Your name needs at least one letter');
    await expect(name).toBeVisible();
    await name.screenshot({ path: 'tests/output/agreement-name-refused.png' });
    await name.getByLabel('Your name, as the clerk').fill('Michelle Rose');
    await name.getByRole('button', { name: 'Continue' }).click();
    await expect(name).toBeHidden();
  });

  await createMeeting(page, board, { date: '2017-09-14', startTime: '10:00', venue: 'Committee Room 3' });
  const block = page.locator('.minutes-approval');
  const agree = page.getByRole('dialog', { name: 'Agree the previous minutes' });

  // The block says "subject to amendments" but gives none: the agreement asks, and records nothing until the clerk says.
  await block.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Agreed subject to amendments' });
  await block.getByRole('button', { name: 'Record the agreement…' }).click();
  await agree.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(agree.getByRole('alert')).toContainText('The approval block says these minutes were agreed subject to amendments, but no amendment is given here');
  await agree.getByRole('button', { name: 'Cancel' }).click();
  await expect(agree).toBeHidden();

  // F21: the amendment typed in the block itself is where the agreement starts.
  await block.getByRole('button', { name: 'Add amendment', exact: true }).click();
  await block.locator('.amendment').getByRole('textbox', { name: 'Minute amended' }).fill('3');
  await clickInto(page, block.locator('blockquote p').first());
  await page.keyboard.type('An update be brought to the November meeting');
  await waitUntilSaved(page);
  await block.getByRole('button', { name: 'Record the agreement…' }).click();
  await expect(agree).toContainText('agreed under Minute 7/17 subject to the following amendment.');
  const first = agree.getByRole('group', { name: 'Amendment 1' });
  await expect(first.getByLabel('Minute amended').locator('option:checked')).toHaveText('3. Outstanding Issues');
  await expect(first.getByLabel('Part corrected').locator('option:checked')).toHaveText('Resolution, part 1: An update be brought to the next meeting');
  await expect(first.getByRole('textbox', { name: 'Corrected text' })).toHaveValue('An update be brought to the November meeting');
  // Taking the block's amendment out in the dialog does not take it out of the block unasked.
  await first.getByRole('button', { name: 'Remove amendment 1' }).click();
  await agree.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(agree.getByRole('alert')).toContainText('The approval block quotes an amendment, but no amendment is given here');
  await agree.getByRole('button', { name: 'Cancel' }).click();
  await expect(agree).toBeHidden();
  await block.getByRole('button', { name: 'Record the agreement…' }).click();
  await expect(first.getByRole('textbox', { name: 'Corrected text' })).toHaveValue('An update be brought to the November meeting');

  // F22: the resolution's opening words of the same minute, and a declaration, can be corrected too.
  await agree.getByRole('button', { name: 'Add an amendment' }).click();
  const second = agree.getByRole('group', { name: 'Amendment 2' });
  await second.getByLabel('Minute amended').selectOption({ label: '3. Outstanding Issues' });
  await second.getByLabel('Part corrected').selectOption({ label: 'Resolution, opening words: The report be noted' });
  await second.getByRole('textbox', { name: 'Corrected text' }).fill('The report be noted with thanks');
  await agree.getByRole('button', { name: 'Add an amendment' }).click();
  const third = agree.getByRole('group', { name: 'Amendment 3' });
  await third.getByLabel('Minute amended').selectOption({ label: '1. Declarations of Interests' });
  const declarationPart = (await third.getByLabel('Part corrected').locator('option').allTextContents()).find((label) => label.startsWith('Declarations'));
  expect(declarationPart, 'a declarations block can be corrected').toBeDefined();
  await third.getByLabel('Part corrected').selectOption({ label: declarationPart! });
  // Unchanged words are said to be unchanged before anything is sent.
  await expect(agree.getByRole('list', { name: 'Before recording the agreement' })).toContainText('Minute 1: the corrected text is the same as the minutes as circulated');
  await expect(agree.getByRole('button', { name: 'Record the agreement' })).toBeDisabled();
  await third.getByRole('textbox', { name: 'Corrected text' }).fill('Councillor P Akhtar declared a pecuniary interest in Minute 3.');
  await expect(agree.getByRole('list', { name: 'Before recording the agreement' })).toHaveCount(0);
  await agree.screenshot({ path: 'tests/output/agreement-dialog.png' });
  await agree.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(agree).toBeHidden();

  // F4: the block quotes each amended minute with its heading; the clerk's words are kept.
  const quoted = block.locator('.amendment');
  await expect(quoted).toHaveCount(2);
  await expect(quoted.nth(0).getByRole('textbox', { name: 'Minute amended' })).toHaveValue('3');
  await expect(quoted.nth(0).getByRole('textbox', { name: 'Heading of the amended minute' })).toHaveValue('Outstanding Issues');
  await expect(quoted.nth(0).locator('blockquote')).toContainText('An update be brought to the November meeting');
  await expect(quoted.nth(0).locator('blockquote')).toContainText('The report be noted with thanks');
  await expect(quoted.nth(1).getByRole('textbox', { name: 'Heading of the amended minute' })).toHaveValue('Declarations of Interests');
  await expect(block.locator('.approval-statement')).toHaveText('The minutes of the meeting held on 13 July 2017 were agreed and signed as a true record subject to the following amendment:');
  await waitUntilSaved(page);

  // F3: the amended minutes carry the note on the page, with the text as circulated.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /13 July 2017/ }).click();
  const outstanding = items(page).nth(2);
  await expect(outstanding).toContainText('The report be noted with thanks');
  await expect(outstanding).toContainText('An update be brought to the November meeting');
  const note = outstanding.getByRole('note', { name: 'Amendment' });
  await expect(note).toContainText(/^Amended by Minute 7\/17 \(at the meeting of 14 September 2017; recorded .* by Michelle Rose\)\./);
  await expect(note.getByText('An update be brought to the next meeting')).toBeHidden();
  await note.getByText('The text as circulated').click();
  await expect(note.getByText('An update be brought to the next meeting')).toBeVisible();
  await expect(items(page).nth(0)).toContainText('Councillor P Akhtar declared a pecuniary interest in Minute 3.');
  await expect(items(page).nth(0).getByRole('note', { name: 'Amendment' })).toContainText('Amended by Minute 7/17');
  await expect(items(page).nth(1).getByRole('note')).toHaveCount(0);
  await outstanding.scrollIntoViewIfNeeded();
  await page.locator('.workspace').screenshot({ path: 'tests/output/amended-minute.png' });

  // F5: a refusal of the signing names the field as the dialog does, not the channel.
  const lifecycle = page.getByRole('region', { name: 'Lifecycle' });
  await lifecycle.getByRole('button', { name: 'Sign…' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign the minutes' });
  await sign.getByLabel('Date of signing').fill('2099-03-01');
  await sign.getByLabel('Date of signing').press('Tab');
  for (const confirm of await sign.getByRole('region', { name: 'To confirm' }).getByRole('checkbox').all()) await confirm.check();
  await sign.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(sign.getByRole('alert')).toContainText(/The date of signing, 1 March 2099, is in the future/);
  await sign.getByRole('button', { name: 'Cancel' }).click();
  await expect(lifecycle.locator('.lifecycle-line')).toHaveText(/^Agreed at the meeting of 14 September 2017, Minute 7\/17, with amendments$/);

  // Once recorded, the approval block says what the earlier minutes record and no longer changes: no second agreement, no other outcome.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /14 September 2017/ }).click();
  await expect(block).toContainText('agreed, and recorded with those minutes');
  await expect(block.getByRole('button', { name: 'Record the agreement…' })).toBeHidden();
  await expect(block.getByLabel('Outcome')).toBeDisabled();
  await expect(block.getByRole('button', { name: 'Add amendment' })).toBeDisabled();
  await expect(block.getByLabel('Date of the meeting whose minutes were agreed')).toBeDisabled();
  // The amendments as recorded stay so: their fields are disabled and words typed into them are not taken.
  await expect(quoted.nth(0).getByRole('textbox', { name: 'Minute amended' })).toBeDisabled();
  const amendedWords = quoted.nth(0).locator('blockquote');
  const before = await amendedWords.textContent();
  await amendedWords.click();
  await page.keyboard.type(' FORGED');
  await expect(amendedWords).toHaveText(before!);
  // Matters arising may still be minuted under it.
  await expect(block.getByRole('button', { name: /matters arising/i })).toBeEnabled();
});
