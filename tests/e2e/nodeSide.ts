// Calls to the node side from a test, made as the page makes them (with the bridge's session cookie),
// and the library's files: for what a test sets up or checks behind the window's back, as another
// window or program would.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract.js';

/** One call of the contract through the page's bridge; throws with the node side's message when refused. */
export async function callNodeSide<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await page.evaluate(
    async ([name, payload]) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: name, input: payload }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as ChannelOutput<C>;
}

/** The meeting files of a library folder (meetings/<id>.json), leaving out each meeting's history beside it. */
export async function meetingFiles(libraryFolder: string): Promise<string[]> {
  return (await readdir(join(libraryFolder, 'meetings'))).filter((name) => /^[0-9a-f-]{36}\.json$/.test(name));
}
