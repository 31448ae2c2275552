// A clerk drafting the next meeting opens the last meeting's minutes (seed 001, imported) beside the
// draft: the items line up, scrolling one pane carries the other, F6 moves between the panes, only the
// draft can be edited, and the layout is there again after a restart.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createMeeting, importDropped } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const seed001 = join(import.meta.dirname, '..', '..', 'seeds', '001_a919da4fdd24a8d9.txt');
const board = "Education and Children's Services Scrutiny Board (2)";

/** Scrolls a pane's page so that the heading stands at its top, as the clerk's mouse wheel would. */
async function scrollPaneTo(page: Page, pane: 'left' | 'right', heading: string): Promise<void> {
  await page.evaluate(
    ([side, title]) => {
      const root = document.querySelector(`[data-pane="${side}"] .page`) as HTMLElement;
      const target = [...root.querySelectorAll<HTMLElement>('h2.item-title')].find((element) => element.textContent?.includes(title!));
      if (!target) throw new Error(`no heading ${title} in the ${side} pane`);
      root.scrollTop += target.getBoundingClientRect().top - root.getBoundingClientRect().top;
    },
    [pane, heading],
  );
}

test('the last minutes beside the draft: aligned, linked scrolling, F6, edit only the draft, layout kept', async ({ page }) => {
  await page.setViewportSize({ width: 1500, height: 900 });
  await importDropped(page, [{ name: '001_a919da4fdd24a8d9.txt', text: await readFile(seed001, 'utf8') }]);
  await createMeeting(page, board, { date: '2017-06-15', startTime: '14:00' });

  // The approval block names the meeting whose minutes are approved: it opens beside the draft.
  await page.getByRole('button', { name: 'Open the minutes being approved' }).click();
  const left = page.getByRole('region', { name: /^Left: .*15 June 2017 \(draft\)/ });
  const right = page.getByRole('region', { name: /^Right: .*27 April 2017 \(imported\)/ });
  await expect(left).toBeVisible();
  await expect(right).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Side by side' }).getByRole('status')).toHaveText(/^[4-9] of \d+ items aligned$/);

  // The standard items face each other; what the draft lacks shows as a gap in its pane.
  await expect(left.getByRole('heading', { name: /Declarations of Interests/ })).toBeInViewport();
  await expect(right.getByRole('heading', { name: /Declarations of Interests/ })).toBeInViewport();
  await expect(left.getByRole('note').filter({ hasText: 'Not in this meeting: 81. One Strategic Plan for School Organisation' })).toBeVisible();

  // Linked scrolling: the Work Programme in the imported minutes brings the draft's into view.
  await scrollPaneTo(page, 'right', 'Work Programme');
  await expect(left.getByRole('heading', { name: /^\d+\. Work Programme$/ })).toBeInViewport();
  await expect(right.getByRole('heading', { name: /Work Programme/ })).toBeInViewport();
  // Unlinked, the draft stays where it is.
  await page.getByRole('checkbox', { name: 'Linked scrolling' }).uncheck();
  await scrollPaneTo(page, 'right', 'Declarations of Interests');
  await page.waitForTimeout(200);
  await expect(left.getByRole('heading', { name: /^\d+\. Work Programme$/ })).toBeInViewport();
  await page.getByRole('checkbox', { name: 'Linked scrolling' }).check();

  // Only the draft is editable; the imported minutes are the record.
  const draftMinutes = left.getByRole('textbox', { name: 'Minutes', exact: true });
  const importedMinutes = right.getByRole('textbox', { name: 'Minutes', exact: true });
  await expect(draftMinutes).toHaveAttribute('contenteditable', 'true');
  await expect(importedMinutes).toHaveAttribute('contenteditable', 'false');
  await left.locator('section.item').filter({ hasText: 'Work Programme' }).locator('p.narrative').first().click();
  await page.keyboard.type('The Board noted the work programme for 2017/18.');
  await expect(left.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });

  // F6 moves from the draft to the minutes beside it, then to the library, then back.
  await page.keyboard.press('F6');
  await expect(importedMinutes).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(importedMinutes).toBeFocused();
  // Typing in the imported minutes changes nothing.
  await page.keyboard.type('x');
  await expect(right.locator('section.item').first()).not.toContainText('x');

  // The divider moves with the keyboard, and the layout is there again after a restart.
  const divider = page.getByRole('separator', { name: 'Divider between the meetings' });
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '40');
  await page.locator('.workspace').screenshot({ path: 'tests/output/side-by-side.png' });
  await page.reload();
  await expect(page.getByRole('region', { name: /^Left: .*15 June 2017 \(draft\)/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Right: .*27 April 2017 \(imported\)/ })).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Divider between the meetings' })).toHaveAttribute('aria-valuenow', '40');
  await expect(page.getByRole('region', { name: /^Left/ }).locator('section.item').filter({ hasText: 'Work Programme' })).toContainText(
    'The Board noted the work programme for 2017/18.',
  );

  // Closing the meeting beside leaves the draft; dragging a meeting from the library onto the right half opens it beside again.
  await page.getByRole('button', { name: 'Close beside' }).click();
  await expect(page.getByRole('region', { name: /^Right/ })).toHaveCount(0);
  // One meeting open when the window closes: it is open again at the next start.
  await page.reload();
  await expect(page.locator('.minutes section.item').filter({ hasText: 'Work Programme' })).toContainText('The Board noted the work programme for 2017/18.');
  await expect(page.getByRole('region', { name: /^Right/ })).toHaveCount(0);
  const workspace = page.locator('.workspace');
  const box = (await workspace.boundingBox())!;
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /27 April 2017/ })
    .dragTo(workspace, { targetPosition: { x: box.width * 0.75, y: box.height / 2 } });
  await expect(page.getByRole('region', { name: /^Right: .*27 April 2017 \(imported\)/ })).toBeVisible();
});
