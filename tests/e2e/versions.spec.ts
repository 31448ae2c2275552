// A clerk's draft of seed 003 is saved with five known edits; the Versions dialog compares the version
// as imported with the meeting now, and the differences view marks exactly those five; then the old
// version is restored and the restore undone.
import { compareMeetings, type MeetingComparison, type TextComparison } from '../../shared/compare/compareMeetings.js';
import { archivePackage } from '../../shared/export/jsonArchive.js';
import { editInFivePlaces } from '../fixtures/editedDraft003.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { expect, test } from './bridgeFixture.js';
import { importDropped } from './clerk.js';
import { callNodeSide as call } from './nodeSide.js';

/** How many struck (or inserted) runs of words the differences view shows for a comparison. */
function markCount(comparison: MeetingComparison, kind: 'deleted' | 'inserted'): number {
  const runs = (text: TextComparison) => text.parts.filter((part) => part.kind === kind).length;
  const items = comparison.items.reduce(
    (total, item) => total + runs(item.title) + (item.kind === 'same' ? 0 : item.fields.reduce((sum, field) => sum + runs(field.text), 0) + item.blocks.reduce((sum, block) => sum + runs(block.text), 0)),
    0,
  );
  const side = kind === 'deleted' ? 'before' : 'after';
  return items + comparison.attendance.filter((change) => change[side] !== null).length + comparison.details.length;
}

test('versions: the five edits marked exactly, restore an old version and undo the restore', async ({ page }) => {
  await page.setViewportSize({ width: 1500, height: 950 });
  // Seed 003 as a draft, from Minute Book's own archive (a draft re-imported stays a draft).
  const archive = JSON.stringify(archivePackage(committee003, [{ ...meeting003, status: 'draft' }]));
  await importDropped(page, [{ name: 'seed-003-draft-archive.json', text: archive, type: 'application/json' }]);

  // The clerk's five edits, saved as the next revision.
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /20 October 2022 draft/ }).click();
  const overview = await call(page, 'library:open', {});
  const imported = await call(page, 'meetings:load', { meetingId: overview.meetings[0]!.id });
  const { draft, partBefore, removedBullet } = editInFivePlaces(imported);
  await call(page, 'meetings:save', { meeting: { ...draft, revision: imported.revision } });
  const saved = await call(page, 'meetings:load', { meetingId: imported.id });
  const expected = compareMeetings(imported, saved);
  await page.getByRole('button', { name: 'Registers' }).click();
  await library.getByRole('button', { name: /20 October 2022 draft/ }).click();

  // The version list: the import and the save, newest first, each saying what changed.
  await page.getByRole('button', { name: 'Versions…' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions of this meeting' });
  const rows = versions.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(/Saved: .*minute \d+/i);
  await expect(rows.nth(1)).toContainText('The meeting as it stands');
  await expect(rows.nth(2)).toContainText('Imported');
  await versions.screenshot({ path: 'tests/output/versions.png' });
  await rows.nth(2).getByRole('button', { name: /^Compare the version of .* with now$/ }).click();

  // The differences: exactly the five edits, marked inside their blocks.
  const differences = page.getByRole('region', { name: /^Right: differences/ });
  await expect(differences.getByRole('toolbar', { name: 'Differences' }).getByRole('status')).toHaveText(`${expected.changeCount} differences`);
  expect(expected.changeCount).toBe(5);
  await expect(differences.locator('[data-change]')).toHaveCount(expected.changeCount);
  const part = differences.locator('.compared-block').filter({ has: page.locator('ins') }).filter({ hasText: 'Resolution part 2' });
  await expect(part.locator('del')).toHaveText([/a future/]);
  await expect(part.locator('ins')).toHaveText([/the next/]);
  await expect(part).toContainText(partBefore.split('a future meeting')[0]!.trim().slice(0, 30));
  await expect(differences.locator('.compared-block.removed')).toHaveText(new RegExp(removedBullet.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(differences.getByText(/^Item moved from \d+ to 3/)).toBeVisible();
  await expect(differences.getByRole('region', { name: 'Attendance changed' })).toContainText('Councillor S Keough');
  await expect(differences.getByRole('region', { name: 'Attendance changed' }).locator('ins')).toHaveText(/Councillor S Keogh/);
  await expect(differences.getByRole('heading', { name: /Youth Justice Plan · Added/ })).toBeVisible();
  // Nothing else is marked: the struck and inserted words are exactly the model's, all within those five.
  const marked = differences.locator('.compared-item, .compared-attendance, .compared-details');
  await expect(marked.locator('del')).toHaveCount(markCount(expected, 'deleted'));
  await expect(marked.locator('ins')).toHaveCount(markCount(expected, 'inserted'));
  expect(markCount(expected, 'deleted')).toBe(3);

  // F8 steps through the changes in order and comes round again.
  await page.keyboard.press('F8');
  await expect(differences.locator('[data-change]').first()).toBeFocused();
  for (let step = 1; step < expected.changeCount; step++) await page.keyboard.press('F8');
  await expect(differences.locator('[data-change]').last()).toBeFocused();
  await page.keyboard.press('F8');
  await expect(differences.locator('[data-change]').first()).toBeFocused();
  await page.keyboard.press('Shift+F8');
  await expect(differences.locator('[data-change]').last()).toBeFocused();
  await page.locator('.workspace').screenshot({ path: 'tests/output/differences.png' });

  // Restore the version as imported: the added item goes; undoing the restore brings it back.
  await page.getByRole('button', { name: 'Close beside' }).click();
  await page.getByRole('button', { name: 'Versions…' }).click();
  await versions.getByRole('row').nth(2).getByRole('button', { name: /^Restore the version of/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The earlier version was restored as a new revision.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Youth Justice Plan/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo restore' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Youth Justice Plan/ })).toBeVisible();
  const now = await call(page, 'meetings:load', { meetingId: imported.id });
  expect(compareMeetings(saved, now).changeCount).toBe(0);
  expect(now.revision).toBe(saved.revision + 2);

  // Once the clerk types after a restore, Undo restore is gone: it would throw that typing away.
  await page.getByRole('button', { name: 'Versions…' }).click();
  await versions.getByRole('row').nth(3).getByRole('button', { name: /^Restore the version of/ }).click();
  await expect(page.getByRole('button', { name: 'Undo restore' })).toBeVisible();
  await page.locator('.minutes section.item').last().locator('p.narrative').first().click();
  await page.keyboard.type(' Typed after the restore.');
  await expect(page.getByRole('button', { name: 'Undo restore' })).toHaveCount(0);
});
