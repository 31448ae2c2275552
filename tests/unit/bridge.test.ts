// The browser bridge answers only its own page: right Host, right Origin, this run's session cookie,
// which only its one-time launch address gives.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { bridgeSessionCookie, startBridge, type RunningBridge } from '../../electron/bridge/bridgeServer.js';
import { chromiumPdfPrinter } from '../../electron/services/chromiumPdf.js';
import { createHandlers, dispatch } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { removeTestFolder } from './builders.js';

let folder: string;
let bridge: RunningBridge;
let port: number;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-bridge-'));
  const rendererFolder = join(folder, 'renderer');
  await mkdir(rendererFolder);
  await writeFile(join(rendererFolder, 'index.html'), '<html><head></head><body>Minute Book</body></html>');
  const library = await MeetingLibrary.open({ folder: join(folder, 'library') });
  bridge = await startBridge({ handlers: createHandlers(library, { printPdf: chromiumPdfPrinter() }), rendererFolder });
  port = Number(new URL(bridge.url).port);
});
afterAll(async () => {
  await bridge.close();
  await removeTestFolder(folder);
});

/** Raw HTTP, so that Host and Origin can be set as an attacker would. */
function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const call = (headers: Record<string, string>, body = JSON.stringify({ channel: 'library:open', input: {} })) =>
  send({ method: 'POST', path: '/api/call', headers: { 'content-type': 'application/json', ...headers }, body });

describe('the browser bridge', () => {
  const session = () => `${bridgeSessionCookie(port)}=${bridge.token}`;
  const own = () => ({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, cookie: session() });
  const launchPath = () => new URL(bridge.url).pathname + new URL(bridge.url).search;

  it('gives nothing to a GET without the session: no page, no token, no asset', async () => {
    for (const path of ['/', '/index.html', '/assets/index.js']) {
      const answer = await send({ path, headers: { host: `127.0.0.1:${port}` } });
      expect(answer.status, path).toBe(403);
      expect(answer.body).not.toContain(bridge.token);
      expect(answer.body).toContain('Open the address Minute Book printed when it started');
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('sets the session once, from the one-time launch address, HttpOnly and SameSite=Strict', async () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?launch=[0-9a-f]{64}$`));
    const wrong = await send({ path: `/?launch=${'0'.repeat(64)}`, headers: { host: `127.0.0.1:${port}` } });
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const first = await send({ path: launchPath(), headers: { host: `127.0.0.1:${port}` } });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']).toEqual([`${session()}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(first.body).not.toContain(bridge.token);
    // Another program trying the same address afterwards gets nothing.
    const again = await send({ path: launchPath(), headers: { host: `127.0.0.1:${port}` } });
    expect(again.status).toBe(403);
    expect(again.body).toContain('already been used');
    expect(again.headers['set-cookie']).toBeUndefined();
    // The browser holding the cookie (a reload, a second tab) is sent on to the app.
    const reload = await send({ path: launchPath(), headers: { host: `127.0.0.1:${port}`, cookie: session() } });
    expect(reload.status).toBe(303);
    expect(reload.headers['set-cookie']).toBeUndefined();
  });

  it('serves its page to the browser holding the session, with no secret in it', async () => {
    const page = await send({ headers: { host: `127.0.0.1:${port}`, cookie: session() } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Minute Book');
    expect(page.body).not.toContain(bridge.token);
  });

  it('answers a call from its own page', async () => {
    const answer = await call(own());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { committees: [], meetings: [], problems: [] } });
  });

  it.each([
    ['without the session', { cookie: '' }, 'session'],
    ['with another run’s session', { cookie: `${bridgeSessionCookie(1)}=${'f'.repeat(64)}` }, 'session'],
    ['with a forged session', { cookie: `minute-book-session-PORT=${'f'.repeat(64)}` }, 'session'],
    ['from another origin', { origin: 'http://evil.example' }, 'did not come from the Minute Book page'],
    ['from a page on another port of 127.0.0.1', { origin: 'http://127.0.0.1:1' }, 'did not come from the Minute Book page'],
    ['addressed to another host name (DNS rebinding)', { host: `evil.example:${port}` }, 'must be addressed to'],
  ])('refuses a call %s', async (_case, override, message) => {
    const headers: Record<string, string> = { ...own(), ...override };
    headers.cookie = headers.cookie!.replace('PORT', String(port));
    const answer = await call(headers);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.message).toContain(message);
  });

  it('refuses to serve files outside the renderer folder', async () => {
    const answer = await send({ path: '/..%2flibrary%2flibrary.json', headers: { host: `127.0.0.1:${port}`, cookie: session() } });
    expect(answer.status).toBe(404);
  });

  it.each([
    ['a null body', 'null', 'a call is an object'],
    ['an array', '[]', 'a call is an object'],
    ['JSON nested a million deep', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, 'nested 1,000,000 levels deep; Minute Book reads at most 64'],
    ['a body that is not JSON', '{"channel": ', 'not valid JSON'],
  ])('answers %s with 400 and a message', async (_case, body, message) => {
    const answer = await call(own(), body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toContain(message);
  });

  it('answers a malformed % escape in an address with 404, not an internal error', async () => {
    const answer = await send({ path: '/%E0%A4%A', headers: { host: `127.0.0.1:${port}`, cookie: session() } });
    expect(answer.status).toBe(404);
  });

  it('answers a body over 32 MB with 413 and says so, rather than resetting the connection', async () => {
    const answer = await call(own(), JSON.stringify({ channel: 'library:open', input: { padding: 'x'.repeat(33 * 1024 * 1024) } }));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toBe('Refused: the call is larger than 32 MB.');
  });

  it('refuses a body announced as over 32 MB with 413 before reading it', async () => {
    const answer = await call({ ...own(), 'content-length': String(64 * 1024 * 1024) }, '{}');
    expect(answer.status).toBe(413);
  });

  it('answers a body nested 65 deep with 400, and 64 deep is read', async () => {
    const deep = (levels: number) => JSON.stringify({ channel: 'library:open', input: {}, padding: JSON.parse(`${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}`) });
    expect((await call(own(), deep(64))).status).toBe(200);
    const over = await call(own(), deep(65));
    expect(over.status).toBe(400);
    expect(JSON.parse(over.body).error.message).toContain('at most 64');
  });

  it('validates payloads and names the bad field', async () => {
    const answer = await call(own(), JSON.stringify({ channel: 'meetings:create', input: { committeeId: 'x', date: '2017-13-40', startTime: '10:00', venue: '' } }));
    const result = JSON.parse(answer.body);
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain('Minute Book could not create the meeting: committeeId: choose a committee');
    expect(result.error.message).toContain('date: expected a date');
  });
});

describe('dispatch', () => {
  it('refuses a channel outside the contract', async () => {
    const library = await MeetingLibrary.open({ folder: join(folder, 'dispatch') });
    const result = await dispatch(createHandlers(library, { printPdf: chromiumPdfPrinter() }), 'fs:delete', {});
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown call "fs:delete".' } });
  });

  it('reports a missing meeting as not found', async () => {
    const library = await MeetingLibrary.open({ folder: join(folder, 'dispatch') });
    const result = await dispatch(createHandlers(library, { printPdf: chromiumPdfPrinter() }), 'meetings:load', { meetingId: '4b6e8a52-9f3e-4a55-8f1e-0c6a0b0d2f11' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
