// A history whose last line was torn (Minute Book stopped while appending it) lacks the latest save:
// the version before it is then not "the meeting as it stands", and can still be compared and restored.
import { stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Meeting } from '../../shared/model/meeting.js';
import { createCommittee, createMeeting } from './clerk.js';
import { expect, test } from './bridgeFixture.js';

async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([name, payload]) => {
      const response = await fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channel: name, input: payload }) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as T;
}

test('a torn last line of the history: the version before the latest save can be restored', async ({ page, app }) => {
  await createCommittee(page, { name: 'Licensing Committee', council: 'Coventry City Council', contactName: 'A Clerk' });
  await createMeeting(page, 'Licensing Committee', { date: '2024-05-20', startTime: '10:00' });
  const { meetings } = await call<{ meetings: { id: string }[] }>(page, 'library:open', {});
  const meetingId = meetings[0]!.id;
  for (const words of ['First save', 'Second save']) {
    const meeting = await call<Meeting>(page, 'meetings:load', { meetingId });
    meeting.items[0]!.minutes = [{ type: 'paragraph', content: [{ type: 'text', text: words }] }];
    await call(page, 'meetings:save', { meeting });
  }
  // The last save's line loses its end, as when the app is killed mid-append.
  const history = join(app.libraryFolder, 'meetings', `${meetingId}.history.jsonl`);
  await truncate(history, (await stat(history)).size - 40);
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /20 May 2024/ }).click();
  await page.getByRole('button', { name: 'Versions…' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions of this meeting' });
  await expect(versions.getByRole('alert')).toContainText('is not in the history yet');
  const rows = versions.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('(revision 1)');
  await expect(versions.getByText('The meeting as it stands')).toHaveCount(0);
  await rows.nth(1).getByRole('button', { name: /^Restore the version of/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The earlier version was restored as a new revision.' })).toBeVisible();
  expect((await call<Meeting>(page, 'meetings:load', { meetingId })).items[0]!.minutes).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'First save' }] }]);
});
