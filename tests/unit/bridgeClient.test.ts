// The window's calls through the browser bridge (renderer/src/api.ts, issue 13 part 9): a call that
// nothing answered is tried again by itself; a call refused for its session is made again once the
// bridge's page answers; what the clerk is told names what they were doing, never a channel or "Failed to fetch".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Answer = (url: string, init?: RequestInit) => Promise<Response>;
let answer: Answer;
const calls: { url: string; credentials: RequestCredentials | undefined }[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  calls.length = 0;
  vi.stubGlobal('window', {});
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    calls.push({ url, credentials: init?.credentials });
    return answer(url, init);
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refused = () => Promise.reject(new TypeError('Failed to fetch'));

describe('calls through the bridge', () => {
  it('tries a call nothing answered again by itself, and the window hears the connection come back', async () => {
    const { api } = await import('../../renderer/src/api.js');
    const { connection } = await import('../../renderer/src/nodeSideConnection.js');
    let failures = 2;
    answer = (url) => (url === '/api/call' && failures-- > 0 ? refused() : Promise.resolve(json(200, { ok: true, value: { clerkName: 'Michelle Rose' } })));
    const states: string[] = [];
    connection.subscribe(() => states.push(connection.getState()));
    const called = api.call('preferences:get', {});
    await vi.advanceTimersByTimeAsync(2000);
    await expect(called).resolves.toEqual({ clerkName: 'Michelle Rose' });
    expect(calls.filter((call) => call.url === '/api/call')).toHaveLength(3);
    expect(states).toEqual(['reconnecting', 'reconnected']);
  });

  it('after about 15 s says what could not be done and what to do, in the clerk’s words', async () => {
    const { api } = await import('../../renderer/src/api.js');
    answer = () => refused();
    const called = api.call('meetings:save', { meeting: {} } as never).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(16_000);
    const error = (await called) as Error & { code: string };
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^Minute Book could not save the meeting: this window has lost its connection to the library on this computer\. It keeps trying by itself/);
    expect(error.message).not.toMatch(/fetch|meetings:save/i);
  });

  it('does not create a meeting again unasked when the answer may have been lost', async () => {
    const { api } = await import('../../renderer/src/api.js');
    answer = () => refused();
    const error = (await api.call('meetings:create', {} as never).catch((caught: unknown) => caught)) as Error;
    expect(calls.filter((call) => call.url === '/api/call')).toHaveLength(1);
    expect(error.message).toMatch(/^Minute Book could not create the meeting: .* look in the library to see whether it was done, and try again if not\.$/);
  });

  it('makes a call refused for its session again once the bridge’s page answers, and else says to reload the page', async () => {
    const { api } = await import('../../renderer/src/api.js');
    let refusals = 1;
    answer = (url) => {
      if (url === '/') return Promise.resolve(new Response('<html></html>', { status: 200 }));
      return Promise.resolve(
        refusals-- > 0
          ? json(403, { ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not carry this run’s session.' } })
          : json(200, { ok: true, value: { clerkName: null } }),
      );
    };
    await expect(api.call('preferences:get', {})).resolves.toEqual({ clerkName: null });
    expect(calls.map((call) => call.url)).toEqual(['/api/call', '/', '/api/call']);
    // The session cookie goes with every call; nothing in the page holds it.
    expect(calls.every((call) => call.credentials === 'same-origin')).toBe(true);
    refusals = 2;
    await expect(api.call('preferences:get', {})).rejects.toThrow('Minute Book could not read your name: this page is no longer the one Minute Book is serving. Reload the page (F5); everything saved is kept.');
  });

  it('puts the bridge’s own refusals in the clerk’s words', async () => {
    const { api } = await import('../../renderer/src/api.js');
    answer = () => Promise.resolve(json(413, { ok: false, error: { code: 'invalid-input', message: 'Refused: the call is larger than 32 MB.' } }));
    await expect(api.call('library:import', {} as never)).rejects.toThrow('Minute Book could not import the minutes: the call is larger than 32 MB.');
  });
});
