// What a clerk does in the UI, step by step, as reusable test actions. Everything goes through
// accessible names and the keyboard, as a clerk (or a screen reader user) would.
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { formatClockTime, formatEntryDate } from '../../shared/dates.js';
import type { Attendance } from '../../shared/model/attendance.js';
import type { MinutesNodeJSON } from '../../shared/model/meeting.js';

export interface NewCommittee {
  name: string;
  council: string;
  contactName: string;
  contactEmail?: string;
  numbering?: 'plain' | 'with-year';
  members?: { name: string; role: 'chair' | 'vice-chair' | 'member' | 'co-opted' }[];
}

/** Sets the committee dialog's minute numbers to "79." (plain) or "79/16" (with-year). */
export async function setNumbering(dialog: Locator, numbering: 'plain' | 'with-year'): Promise<void> {
  const fields = dialog.getByRole('group', { name: 'Minute numbers' });
  await fields.getByLabel('Year in the number').selectOption(numbering === 'plain' ? 'none' : 'after');
  await fields.getByLabel('Full stop after the number').setChecked(numbering === 'plain');
}

export async function createCommittee(page: Page, committee: NewCommittee, editAgenda?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'New committee' }).click();
  const dialog = page.getByRole('dialog', { name: 'New committee' });
  await dialog.getByLabel('Committee name').fill(committee.name);
  await dialog.getByLabel('Council').fill(committee.council);
  await dialog.getByLabel('Contact name').fill(committee.contactName);
  if (committee.contactEmail) await dialog.getByLabel('Contact email').fill(committee.contactEmail);
  if (committee.numbering) await setNumbering(dialog, committee.numbering);
  for (const [index, member] of (committee.members ?? []).entries()) {
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.getByLabel(`Member ${index + 1} name`).fill(member.name);
    await dialog.getByLabel(`Member ${index + 1} role`).selectOption(member.role);
  }
  if (editAgenda) await editAgenda(dialog);
  await dialog.getByRole('button', { name: 'Create committee' }).click();
  await expect(dialog).toBeHidden();
}

/** Creates a meeting through the dialog, typing its date and time the British way ("13/07/2017", "10.00 am"). */
export async function createMeeting(page: Page, committeeName: string, meeting: { date: string; startTime: string; venue?: string }): Promise<void> {
  await page.getByRole('button', { name: `New meeting of ${committeeName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  await dialog.getByLabel('Meeting date').fill(formatEntryDate(meeting.date));
  await dialog.getByLabel('Start time').fill(formatClockTime(meeting.startTime));
  await dialog.getByLabel('Venue').fill(meeting.venue ?? '');
  await dialog.getByRole('button', { name: 'Create meeting' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Minutes', exact: true })).toBeVisible();
}

const attendanceForms: { [G in keyof Attendance]: { noun: string; fields: Record<string, string> } } = {
  members: { noun: 'member', fields: { name: 'name', chair: 'chair' } },
  coOpted: { noun: 'co-opted member', fields: { name: 'name', voting: 'voting' } },
  invited: { noun: 'invited guest', fields: { name: 'name', capacity: 'capacity' } },
  otherMembers: { noun: 'other member', fields: { name: 'name', portfolio: 'portfolio' } },
  employees: { noun: 'employee', fields: { name: 'name', directorate: 'directorate' } },
  apologies: { noun: 'apology', fields: { name: 'name', note: 'note' } },
  substitutes: { noun: 'substitute', fields: { name: 'name', substitutingFor: 'substituting for' } },
};

export async function recordAttendance(page: Page, attendance: Attendance): Promise<void> {
  const section = page.getByRole('region', { name: 'Attendance' });
  await section.getByRole('button', { name: 'Edit attendance' }).click();
  for (const group of Object.keys(attendanceForms) as (keyof Attendance)[]) {
    const { noun, fields } = attendanceForms[group];
    const label = noun.charAt(0).toUpperCase() + noun.slice(1);
    for (const [index, row] of (attendance[group] as Record<string, unknown>[]).entries()) {
      await section.getByRole('button', { name: `Add ${noun}`, exact: true }).click();
      for (const [key, fieldLabel] of Object.entries(fields)) {
        const field = section.getByLabel(`${label} ${index + 1} ${fieldLabel}`, { exact: true });
        const value = row[key];
        if (typeof value === 'boolean') await field.setChecked(value);
        else if (value !== '') await field.fill(String(value));
      }
    }
  }
  await section.getByRole('button', { name: 'Done editing attendance' }).click();
}

export const items = (page: Page): Locator => page.locator('.minutes section.item');

/**
 * Clicks into a text block of the minutes and waits until the caret is there. Coming back to the editor
 * from a block's own field, ProseMirror restores its last selection 20 ms after focus when it has not
 * yet read the click's (prosemirror-view's focus handler); on a busy machine that can put the caret
 * back where it was, as a clerk would see and click again.
 */
export async function clickInto(page: Page, block: Locator): Promise<void> {
  await expect(async () => {
    await block.click();
    const inside = await block.evaluate((element) => {
      const anchor = document.getSelection()?.anchorNode ?? null;
      return anchor !== null && element.contains(anchor);
    });
    expect(inside, 'the caret is in the block clicked').toBe(true);
  }).toPass({ timeout: 10_000 });
}

export async function insertFromMenu(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+/');
  const menu = page.getByRole('menu', { name: 'Insert block' });
  await menu.getByRole('menuitem', { name: label, exact: true }).click();
  await expect(menu).toBeHidden();
}

/** Replaces the whole text of a text block (triple-click selects a block in ProseMirror). */
export async function replaceBlockText(page: Page, block: Locator, text: string): Promise<void> {
  await block.click({ clickCount: 3 });
  await page.keyboard.insertText(text);
}

async function typeText(page: Page, text: string): Promise<void> {
  const endsWithQuote = /["']$/.test(text);
  await page.keyboard.insertText(endsWithQuote ? text.slice(0, -1) : text);
  if (endsWithQuote) {
    // A typed quote turns curly; Backspace straight afterwards keeps it as the seed has it.
    await page.keyboard.type(text.slice(-1));
    await page.keyboard.press('Backspace');
  }
}

async function typeInline(page: Page, content: readonly MinutesNodeJSON[] = []): Promise<void> {
  for (const node of content) {
    const link = node.marks?.find((mark) => mark.type === 'link');
    if (node.type === 'text' && link) {
      await page.getByRole('button', { name: 'Link…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Insert link' });
      await dialog.getByLabel('Link text').fill(node.text!);
      await dialog.getByLabel('Address').fill(String(link.attrs!['href']));
      await dialog.getByRole('button', { name: 'Insert link' }).click();
    } else if (node.type === 'text' && (node.marks ?? []).length === 0) {
      await typeText(page, node.text!);
    } else if (node.type === 'minute_reference') {
      await page.getByRole('button', { name: 'Insert block' }).click();
      await page.getByRole('menuitem', { name: 'Minute reference…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Insert minute reference' });
      await dialog.getByLabel(/Minute/).fill(String(node.attrs!['minute']));
      await dialog.getByRole('button', { name: 'Insert reference' }).click();
    } else {
      throw new Error(`the test clerk cannot type ${JSON.stringify(node)}`);
    }
  }
}

/** Types a bullet list the way a clerk does: Enter for the next bullet, Tab to indent, Shift+Tab to come back. */
async function typeBullets(page: Page, list: MinutesNodeJSON): Promise<void> {
  let previousHadSublist = false;
  for (const [index, listItem] of (list.content ?? []).entries()) {
    if (index > 0) {
      await page.keyboard.press('Enter');
      if (previousHadSublist) await page.keyboard.press('Shift+Tab');
    }
    const [paragraph, sublist] = listItem.content ?? [];
    await typeInline(page, paragraph?.content);
    previousHadSublist = sublist !== undefined;
    if (sublist) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      for (const [subIndex, subItem] of (sublist.content ?? []).entries()) {
        if (subIndex > 0) await page.keyboard.press('Enter');
        await typeInline(page, subItem.content?.[0]?.content);
      }
    }
  }
}

const menuLabels: Record<string, string> = {
  paragraph: 'Paragraph',
  bullet_list: 'Bullet list',
  resolution: 'Resolution',
  information_requests: 'Request for information',
};

/**
 * Types an item's minutes block by block into an item whose minutes are one empty paragraph,
 * inserting each structured block from the insert menu and setting its structure with its controls.
 */
export async function typeMinutes(page: Page, item: Locator, blocks: readonly MinutesNodeJSON[]): Promise<void> {
  await item.locator('p.narrative').first().click();
  for (const [index, block] of blocks.entries()) {
    if (index > 0 || block.type !== 'paragraph') await insertFromMenu(page, menuLabels[block.type] ?? block.type);
    if (block.type === 'paragraph') {
      await typeInline(page, block.content);
    } else if (block.type === 'bullet_list') {
      await typeBullets(page, block);
    } else if (block.type === 'resolution') {
      const resolution = item.locator('.resolution').last();
      if (block.attrs?.['unanimous'] === true) await resolution.getByRole('checkbox', { name: 'Unanimous' }).check();
      await resolution.getByRole('combobox', { name: 'Part numbering' }).selectOption(String(block.attrs?.['partStyle']));
      await resolution.locator('.resolution-preamble').click();
      const [preamble, ...body] = block.content ?? [];
      await typeInline(page, preamble?.content);
      for (const child of body) {
        if (child.type === 'resolution_part') {
          await page.keyboard.press('Enter');
          await typeInline(page, child.content?.[0]?.content);
        } else {
          await resolution.getByRole('button', { name: 'Add bullets' }).click();
          await typeBullets(page, child);
        }
      }
    } else if (block.type === 'information_requests') {
      const requests = item.locator('.information-requests').last();
      const [intro, ...asked] = block.content ?? [];
      await replaceBlockText(page, requests.locator('.requests-intro'), intro?.content?.[0]?.text ?? '');
      await requests.locator('.request .block-content').first().click();
      for (const [askedIndex, request] of asked.entries()) {
        if (askedIndex > 0) await page.keyboard.press('Enter');
        await typeInline(page, request.content);
      }
    } else {
      throw new Error(`the test clerk cannot insert a ${block.type}`);
    }
  }
}

/** Waits for the open meeting's (the left pane's, beside another) save status to say Saved. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.locator('.save-status').first()).toHaveText('Saved', { timeout: 15_000 });
}

/**
 * Drops files on the window, as a clerk drags them from the file manager, and imports the one meeting
 * they hold through the Import dialog.
 */
export async function importDropped(page: Page, files: readonly { name: string; text: string; type?: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((dropped) => {
    const data = new DataTransfer();
    for (const file of dropped) data.items.add(new File([file.text], file.name, { type: file.type ?? 'text/plain' }));
    return data;
  }, files);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  const importing = page.getByRole('dialog', { name: 'Import minutes' });
  await importing.getByRole('button', { name: 'Import' }).click();
  await expect(importing.getByRole('status')).toContainText(/Imported 1 meeting/);
  await importing.getByRole('button', { name: 'Done' }).click();
}

/** The committee the lifecycle tests minute (a Chair and one member), and its meeting of 13 July 2017 open as a draft. */
export async function boardWithItsJulyMeeting(page: Page, board: string): Promise<void> {
  await createCommittee(page, {
    name: board,
    council: 'Coventry City Council',
    contactName: 'Michelle Rose',
    members: [
      { name: 'Councillor J Innes', role: 'chair' },
      { name: 'Councillor P Akhtar', role: 'member' },
    ],
  });
  await createMeeting(page, board, { date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
}
