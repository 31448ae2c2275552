// Issue 13, part 8: the window from 800 px wide to 1400 px and at 200 % zoom, in the light, dark and
// high-contrast themes (chosen in Preferences and remembered), with nothing overlapping or cut off and no
// axe-core violations (colour contrast included); and the clerk's housekeeping: duplicate a meeting,
// move it to the bin and restore it, archive a committee and bring it back, undo an import.
// Screenshots are written to tests/output/look/ to be looked at.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatEntryDate } from '../../shared/dates.js';
import { createCommittee, createMeeting, items, waitUntilSaved } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

const board = "Education and Children's Services Scrutiny Board (2)";
const shots = join(import.meta.dirname, '..', 'output', 'look');
const seed001 = join(import.meta.dirname, '..', '..', 'seeds', '001_a919da4fdd24a8d9.txt');

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function boardWithAMeeting(page: Page): Promise<void> {
  await createCommittee(page, { name: board, council: 'Coventry City Council', contactName: 'Michelle Rose', members: [{ name: 'Councillor J Innes', role: 'chair' }] });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
  await items(page).nth(2).locator('p.narrative').first().click();
  await page.keyboard.type('The Board considered the report on kinship placements.');
  await waitUntilSaved(page);
}

async function chooseTheme(page: Page, theme: 'As the system is set (light or dark)' | 'Light' | 'Dark' | 'High contrast'): Promise<void> {
  // In a narrow window Preferences is in the folded library.
  const show = page.getByRole('button', { name: 'Show library' });
  if (await show.isVisible()) await show.click();
  await page.getByRole('button', { name: 'Preferences…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  await dialog.getByRole('radio', { name: theme, exact: true }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

/** Nothing runs off the side of the window, and every visible control of the toolbar and sidebar lies inside it, none over another. */
async function expectNothingCutOff(page: Page, within = '.toolbar, .sidebar:not(.collapsed), .lifecycle-bar, .sidebar-toggle'): Promise<void> {
  const problems = await page.evaluate((scope) => {
    const found: string[] = [];
    const { clientWidth } = document.documentElement;
    if (document.documentElement.scrollWidth > clientWidth + 1) found.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${clientWidth}px window`);
    const regions = [...document.querySelectorAll<HTMLElement>(scope)];
    const controls = [...new Set(regions.flatMap((region) => (region.matches('button') ? [region] : [...region.querySelectorAll<HTMLElement>('button, select')])))].filter(
      (control) => control.offsetParent !== null && control.getClientRects().length > 0,
    );
    const boxes = controls.map((control) => ({ name: control.textContent?.trim() || control.getAttribute('aria-label') || control.tagName, box: control.getBoundingClientRect() }));
    for (const { name, box } of boxes) if (box.right > clientWidth + 1 || box.left < -1) found.push(`"${name}" is cut off (${Math.round(box.left)}–${Math.round(box.right)} of ${clientWidth})`);
    for (const [at, a] of boxes.entries()) {
      for (const b of boxes.slice(at + 1)) {
        const overlap = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 2 && Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 2;
        if (overlap) found.push(`"${a.name}" overlaps "${b.name}"`);
      }
    }
    return found;
  }, within);
  expect(problems).toEqual([]);
}

test('from 800 px to 1400 px and at 200 % zoom, in light, dark and high contrast, the library folds to a toggle and nothing is cut off', async ({ page, browser, app }) => {
  await boardWithAMeeting(page);
  for (const theme of ['Light', 'Dark', 'High contrast'] as const) {
    await chooseTheme(page, theme);
    const name = theme.toLowerCase().replace(' ', '-');
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect(page.getByRole('button', { name: 'Hide library' })).toBeVisible();
    await expect(page.getByRole('button', { name: `New meeting of ${board}` })).toBeVisible();
    await expectNothingCutOff(page);
    await page.screenshot({ path: join(shots, `1400-${name}.png`) });

    await page.setViewportSize({ width: 800, height: 700 });
    // Chosen in a narrow window, the library folds away again.
    await expect(page.getByRole('button', { name: 'Show library' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible();
    await expectNothingCutOff(page);
    await page.screenshot({ path: join(shots, `800-${name}.png`) });
    await page.getByRole('button', { name: 'Show library' }).click();
    await expect(page.getByRole('button', { name: `New meeting of ${board}` })).toBeInViewport();
    // Shown in a narrow window, the library lies over the page: its own controls are checked.
    await expectNothingCutOff(page, '.sidebar');
    await page.screenshot({ path: join(shots, `800-${name}-library-shown.png`) });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Show library' })).toBeFocused();
    await page.setViewportSize({ width: 1400, height: 900 });
    // Made wide again, the library stands beside the page again.
    await expect(page.getByRole('button', { name: 'Hide library' })).toBeVisible();
  }

  // 200 % zoom in a 1400 × 900 window is a window 700 × 450 CSS pixels wide at two device pixels to each:
  // a second window so sized, let in with this one's session (the launch address works once).
  for (const theme of ['light', 'dark'] as const) {
    const zoomed = await browser.newContext({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2, locale: 'en-GB', timezoneId: 'Europe/London' });
    await zoomed.addCookies(await page.context().cookies());
    await zoomed.addInitScript((kept) => localStorage.setItem('minute-book:theme', kept), theme);
    const at200 = await zoomed.newPage();
    await at200.goto(new URL('/', app.url).href);
    await at200.getByRole('button', { name: 'Show library' }).click();
    await at200.getByRole('button', { name: /^13 July 2017/ }).click();
    await expect(at200.getByRole('button', { name: 'Show library' })).toBeVisible();
    await expect(at200.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible();
    await expectNothingCutOff(at200);
    await at200.screenshot({ path: join(shots, `1400-at-200-percent-${theme}.png`) });
    expect(await violations(at200), `${theme} at 200 %`).toEqual([]);
    await zoomed.close();
  }
});

test('at 200 % zoom the panels fold: the sample banner keeps one line, "This item" folds to a row, and the minutes keep the room (qa13e E6)', async ({ page: first, browser, app }) => {
  const zoomed = await browser.newContext({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2, locale: 'en-GB', timezoneId: 'Europe/London' });
  // The bridge's session cookie, set when a window first loads the app.
  await first.goto(new URL('/', app.url).href);
  await zoomed.addCookies(await first.context().cookies());
  const page = await zoomed.newPage();
  await page.goto(new URL('/', app.url).href);
  await page.getByRole('region', { name: 'Your library is empty' }).getByRole('button', { name: 'Open the sample library' }).click();
  const minutesBox = page.getByRole('textbox', { name: 'Minutes', exact: true });
  await expect(minutesBox).toBeVisible();
  await minutesBox.click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('the');

  const banner = page.getByRole('region', { name: 'Sample library' });
  expect((await banner.boundingBox())!.height, 'the banner is one line').toBeLessThan(40);
  // Still said in full to a screen reader.
  await expect(banner).toContainText('Your own library is closed meanwhile');
  const panel = page.getByRole('complementary', { name: 'This item' });
  const toggle = panel.getByRole('button', { name: 'This item' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByRole('button', { name: 'Move item up' })).toHaveCount(0);
  const page_ = (await page.locator('.page').boundingBox())!;
  expect(page_.height, 'the minutes keep more than 40 % of a 450 px window').toBeGreaterThan(180);
  // The current match is in sight, though the focus is in the find bar (qa13e E12).
  await expect(page.getByRole('search', { name: 'Find in this meeting' }).getByRole('status')).toHaveText(/^\d+ of \d+$/);
  const current = (await page.locator('.ProseMirror-active-search-match').boundingBox())!;
  expect(current.y).toBeGreaterThanOrEqual(page_.y);
  expect(current.y + current.height).toBeLessThanOrEqual(page_.y + page_.height);
  await page.keyboard.press('Enter');
  const next = (await page.locator('.ProseMirror-active-search-match').boundingBox())!;
  expect(next.y + next.height).toBeLessThanOrEqual(page_.y + page_.height);
  await expectNothingCutOff(page, '.toolbar, .find-bar, .sample-library, .lifecycle-bar, .item-panel');
  await page.screenshot({ path: join(shots, 'sample-at-200-percent-find.png') });

  // Unfolded on asking, from the keyboard, and folded again.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByRole('button', { name: 'Move item up' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await zoomed.close();
});

test('the toolbar is one row at 1400 px and its two groups one under the other at 800 px, each set of buttons kept together; its signs have tooltips', async ({ page }) => {
  await boardWithAMeeting(page);
  /** The tops of the toolbar's buttons, by group and by set, rounded to the pixel. */
  const rows = () =>
    page.evaluate(() => {
      const top = (element: Element) => Math.round(element.getBoundingClientRect().top);
      const groups = [...document.querySelectorAll('.meeting .toolbar > .toolbar-group')];
      return {
        all: [...new Set(groups.flatMap((group) => [...group.querySelectorAll('button')].map(top)))],
        groups: groups.map((group) => ({ top: top(group), bottom: Math.round(group.getBoundingClientRect().bottom) })),
        sets: [...document.querySelectorAll('.meeting .toolbar-set')].map((set) => [...new Set([...set.querySelectorAll('button')].map(top))].length),
      };
    });
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect.poll(async () => (await rows()).all.length, { message: 'one row of buttons at 1400 px' }).toBe(1);
  await page.setViewportSize({ width: 800, height: 700 });
  await expect(page.getByRole('button', { name: 'Show library' })).toBeVisible();
  const narrow = await rows();
  expect(narrow.groups).toHaveLength(2);
  expect(narrow.groups[1]!.top, 'the meeting group under the drafting group').toBeGreaterThanOrEqual(narrow.groups[0]!.bottom - 1);
  expect(narrow.sets.every((tops) => tops === 1), 'no set of buttons broken across rows').toBe(true);

  await page.setViewportSize({ width: 1400, height: 900 });
  // A clerk with the mouse in hand (react-aria shows tooltips on hover once the pointer is being used).
  await page.getByText('Draft: not yet circulated').click();
  await page.getByRole('button', { name: 'Undo' }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('Undo (Ctrl+Z)');
  await page.getByRole('button', { name: 'Curly quotes' }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('Curly quotes: straight quotes typed or pasted become curly ones');
});

test('each theme has no axe-core violations, colour contrast included, and the choice is remembered', async ({ page }) => {
  await boardWithAMeeting(page);
  for (const theme of ['Light', 'Dark', 'High contrast'] as const) {
    await chooseTheme(page, theme);
    expect(await violations(page), `${theme}: the meeting`).toEqual([]);
    await page.getByRole('button', { name: 'Preferences…' }).click();
    expect(await violations(page), `${theme}: Preferences`).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Duplicate…' }).click();
    expect(await violations(page), `${theme}: Duplicate`).toEqual([]);
    await page.screenshot({ path: join(shots, `dialog-${theme.toLowerCase().replace(' ', '-')}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Bin', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Bin' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bin', exact: true })).toHaveAttribute('aria-current', 'page');
    expect(await violations(page), `${theme}: the bin`).toEqual([]);
    await page.getByRole('button', { name: 'Registers' }).click();
    expect(await violations(page), `${theme}: the registers`).toEqual([]);
    await page.getByRole('button', { name: /^13 July 2017/ }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  // Following the system again: no theme of its own, so prefers-color-scheme decides.
  await chooseTheme(page, 'As the system is set (light or dark)');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--paper').trim())).toBe('#1c2127');
  expect(await violations(page), 'the system’s dark').toEqual([]);
});

test('the clerk duplicates a meeting, moves the copy to the bin and restores it, archives the committee and brings it back, and undoes an import', async ({ page }) => {
  await boardWithAMeeting(page);
  const library = page.getByRole('navigation', { name: 'Library' });

  await page.getByRole('button', { name: 'Duplicate…' }).click();
  const duplicating = page.getByRole('dialog', { name: 'Duplicate the meeting' });
  await duplicating.getByLabel('Date of the new meeting').fill(formatEntryDate('2017-07-13'));
  await duplicating.getByRole('button', { name: 'Duplicate' }).click();
  await expect(duplicating.getByText(`${board} already has a meeting on 13 July 2017: choose another date for the copy.`)).toBeVisible();
  await duplicating.getByLabel('Date of the new meeting').fill(formatEntryDate('2017-09-14'));
  await duplicating.getByRole('button', { name: 'Duplicate' }).click();
  await expect(duplicating).toBeHidden();
  await expect(library.getByRole('button', { name: /^14 September 2017 draft/ })).toHaveAttribute('aria-current', 'page');
  await expect(items(page).nth(2)).toContainText('The Board considered the report on kinship placements.');

  await library.getByRole('button', { name: 'Move to bin…' }).click();
  const deleting = page.getByRole('dialog', { name: 'Move the meeting to the bin?' });
  await expect(deleting).toContainText('14 September 2017');
  await deleting.getByRole('button', { name: 'Move to bin' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body), { message: 'focus is on a control once the meeting has gone to the bin' }).toBe(true);
  await expect(deleting).toBeHidden();
  await expect(library.getByRole('button', { name: /^14 September 2017/ })).toHaveCount(0);

  await library.getByRole('button', { name: 'Bin', exact: true }).click();
  const bin = page.getByRole('region', { name: 'Bin' });
  await expect(bin.getByRole('row')).toHaveCount(2);
  await expect(bin.getByRole('row').nth(1)).toContainText(/^14 September 2017.*draft.*Deleted/);
  await bin.getByRole('button', { name: 'Restore the meeting of 14 September 2017' }).click();
  await expect(bin.getByText('The bin is empty.')).toBeVisible();
  await expect(library.getByRole('button', { name: /^14 September 2017 draft/ })).toBeVisible();

  await library.getByRole('button', { name: `Archive ${board}` }).click();
  await expect(library.getByRole('heading', { name: board })).toHaveCount(0);
  await library.getByText('Archived committees (1)').click();
  await library.getByRole('button', { name: `Bring back ${board}` }).click();
  await expect(library.getByRole('heading', { name: board })).toBeVisible();
  await expect(library.getByRole('button', { name: /^13 July 2017/ })).toBeVisible();

  // An import, and taking it back: the meeting it added goes to the bin.
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], '001_a919da4fdd24a8d9.txt', { type: 'text/plain' }));
    return data;
  }, await readFile(seed001, 'utf8'));
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  const importing = page.getByRole('dialog', { name: 'Import minutes' });
  await importing.getByRole('button', { name: 'Import' }).click();
  await expect(importing.getByRole('status')).toContainText(/Imported 1 meeting/);
  const meetingLinks = library.locator('.meeting-link');
  await expect(meetingLinks).toHaveCount(3);
  await importing.getByRole('button', { name: 'Undo this import' }).click();
  await expect(importing.getByText('The meeting it added was moved to the bin, from which it can be restored.')).toBeVisible();
  await expect(meetingLinks).toHaveCount(2);
  await importing.getByRole('button', { name: 'Done' }).click();
  await library.getByRole('button', { name: 'Bin', exact: true }).click();
  await expect(bin.getByRole('row').nth(1)).toContainText('Its import was undone');
  await page.screenshot({ path: join(shots, 'bin-after-undoing-an-import.png') });
});
