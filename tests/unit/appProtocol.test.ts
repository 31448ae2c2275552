// The desktop window's app:// origin: only files of the renderer's build are served, with their MIME
// types and the strict policy; every way of climbing out of the folder is refused without reading.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_INDEX_URL,
  createAppProtocolHandler,
  isAppAddress,
  mimeTypeFor,
  resolveAppAddress,
} from '../../electron/shell/appProtocol.js';
import { removeTestFolder } from './builders.js';

let folder: string;
let renderer: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-app-protocol-'));
  renderer = join(folder, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Minute Book</title>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(folder, 'library.json'), '{"secret":true}');
  await writeFile(join(folder, 'renderer-evil.txt'), 'beside the folder');
});
afterAll(() => removeTestFolder(folder));

describe('resolveAppAddress', () => {
  it('maps the origin and / to index.html and paths to files inside the folder', () => {
    expect(resolveAppAddress('app://minute-book/', renderer)).toEqual({ kind: 'file', path: join(renderer, 'index.html') });
    expect(resolveAppAddress(APP_INDEX_URL, renderer)).toEqual({ kind: 'file', path: join(renderer, 'index.html') });
    expect(resolveAppAddress('app://minute-book/assets/index-abc.js?v=1#x', renderer)).toEqual({ kind: 'file', path: join(renderer, 'assets', 'index-abc.js') });
    expect(resolveAppAddress('app://minute-book/assets/a%20b.css', renderer)).toEqual({ kind: 'file', path: join(renderer, 'assets', 'a b.css') });
  });

  it.each([
    ['.. (resolved by the URL parser at the root)', 'app://minute-book/../library.json'],
    ['encoded dots (the same)', 'app://minute-book/%2e%2e/library.json'],
    ['.. deeper', 'app://minute-book/assets/../../../library.json'],
  ])('keeps a climb inside the folder: %s', (_case, url) => {
    expect(resolveAppAddress(url, renderer)).toEqual({ kind: 'file', path: join(renderer, 'library.json') });
  });

  it.each([
    ['an encoded slash', 'app://minute-book/..%2flibrary.json'],
    ['an encoded slash deeper', 'app://minute-book/assets/..%2f..%2flibrary.json'],
    ['an encoded slash in upper case', 'app://minute-book/..%2Frenderer-evil.txt'],
    ['an encoded backslash', 'app://minute-book/..%5clibrary.json'],
    ['an encoded absolute path', 'app://minute-book/%2fetc%2fpasswd'],
    ['a NUL', 'app://minute-book/index.html%00.png'],
  ])('refuses %s', (_case, url) => {
    expect(resolveAppAddress(url, renderer)).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('reads a double-encoded slash as a name inside the folder, not a climb', () => {
    expect(resolveAppAddress('app://minute-book/..%252flibrary.json', renderer)).toEqual({ kind: 'file', path: join(renderer, '..%2flibrary.json') });
  });

  it('reads the origin in any case, as Chromium canonicalises it', () => {
    expect(resolveAppAddress('app://Minute-Book/index.html', renderer)).toEqual({ kind: 'file', path: join(renderer, 'index.html') });
  });

  it.each([
    ['another host', 'app://evil/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['https', 'https://minute-book/index.html', 404],
    ['a malformed escape', 'app://minute-book/%E0%A4%A', 400],
    ['not an address', 'not a url', 400],
  ])('refuses %s', (_case, url, status) => {
    expect(resolveAppAddress(url, renderer)).toMatchObject({ kind: 'refused', status });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/INDEX.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s is %s', (path, type) => expect(mimeTypeFor(path)).toBe(type));
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(APP_CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
    const [name, ...values] = directive.split(' ');
    return [name!, values] as const;
  }));

  it('limits every fetch to the app: nothing from file:, the network, blob: or data: script', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      for (const forbidden of ['file:', '*', 'http:', 'https:', 'blob:', "'unsafe-eval'", "'wasm-unsafe-eval'"]) {
        expect(values, `${name} allows ${forbidden}`).not.toContain(forbidden);
      }
      if (name !== 'style-src') expect(values, `${name} allows inline`).not.toContain("'unsafe-inline'");
      if (name !== 'img-src') expect(values, `${name} allows data:`).not.toContain('data:');
    }
  });
});

describe('the app:// handler', () => {
  const handler = () => createAppProtocolHandler(renderer);

  it('serves the page and its assets with their types and the security headers', async () => {
    const page = await handler()(new Request('app://minute-book/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Minute Book</title>');
    const script = await handler()(new Request('app://minute-book/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const answer = await handler()(new Request('app://minute-book/assets/index-abc.css', { method: 'HEAD' }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await answer.text()).toBe('');
  });

  it('refuses a climb out of the folder without reading anything, with the policy still sent', async () => {
    const read: string[] = [];
    const spy = createAppProtocolHandler(renderer, async (path) => {
      read.push(path);
      throw new Error('must not be read');
    });
    for (const url of ['app://minute-book/..%2flibrary.json', 'app://minute-book/..%2F..%2Flibrary.json', 'app://minute-book/..%5clibrary.json', 'app://evil/library.json']) {
      const answer = await spy(new Request(url));
      expect(answer.status, url).toBe(404);
      expect(answer.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY);
      expect(await answer.text()).not.toContain('secret');
    }
    expect(read).toEqual([]);
  });

  it('serves a climb the URL parser resolved only from inside the folder', async () => {
    const answer = await handler()(new Request('app://minute-book/%2e%2e/library.json'));
    expect(answer.status).toBe(404); // renderer/library.json does not exist; the library.json beside it is never read
  });

  it('answers a missing file with 404 and another method with 405', async () => {
    expect((await handler()(new Request('app://minute-book/nothing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://minute-book/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('isAppAddress', () => {
  it('is the app origin only', () => {
    expect(isAppAddress('app://minute-book/index.html#/meeting/1')).toBe(true);
    expect(isAppAddress('app://minute-book.evil/index.html')).toBe(false);
    expect(isAppAddress('file:///work/dist/renderer/index.html')).toBe(false);
    expect(isAppAddress('https://minute-book/')).toBe(false);
    expect(isAppAddress('')).toBe(false);
  });
});
