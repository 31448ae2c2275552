// The desktop window's own origin: the built renderer served as app://minute-book/… by a handler
// given to Electron's protocol.handle, instead of loading file:// (a page on file:// may read any
// file the account can, through fetch and XHR, and 'self' in its policy means every local file).
// Pure: no Electron import, so the resolution of addresses, the MIME types and the headers are tested
// in Node (tests/unit/appProtocol.test.ts); electron/main.ts registers the scheme and the handler.
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The scheme, registered as privileged (standard, secure) before the app is ready. */
export const APP_SCHEME = 'app';
/** The one host the scheme answers; any other is refused. */
export const APP_HOST = 'minute-book';
/** The window's origin, which is also what `'self'` means in its Content-Security-Policy. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The address the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The policy sent with every answer of the scheme (a header, so that `frame-ancestors` counts, as it
 * does not in a `<meta>`). Every fetch is limited to the app's own origin: no `file:`, no network,
 * no `blob:` or `data:` script. `'unsafe-inline'` is for styles only (React writes style attributes);
 * scripts are the built bundle alone. `data:` images are the inline icons. The renderer's own
 * `<meta>` policy (renderer/index.html) still applies too; a resource must pass both. Source: the
 * Electron security checklist, "Define a Content Security Policy" and "Do not use file://".
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The export preview and printing use srcdoc frames, which inherit this policy and fetch nothing.
  "frame-src 'self'",
  "child-src 'self'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every answer of the scheme carries, whatever its status. */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Type for a file of the renderer's build, by its extension (case-insensitive);
 * `application/octet-stream` for anything else, which with `nosniff` a page will not run as script.
 * Module scripts need exactly a JavaScript type: Chromium refuses one served otherwise.
 */
export function mimeTypeFor(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Where an address of the scheme leads: a file inside the renderer folder, or a refusal and why. */
export type AppAddress = { kind: 'file'; path: string } | { kind: 'refused'; status: 400 | 404; reason: string };

/**
 * Resolves `url` (an `app://minute-book/…` address) to a file inside `rendererFolder` (absolute).
 * `/` is `/index.html`; `..` and `%2e%2e` segments are resolved by the WHATWG URL parser, so they
 * stop at the root. Refused, never thrown: an address of another scheme or host (404); a malformed
 * `%` escape (400); an encoded `/`, `\` or NUL (`%2f`, `%5c`, `%00`), a backslash, or a decoded path
 * that would still land outside the folder (404: no file outside the build is ever named, let alone
 * read). The query and fragment are ignored.
 */
export function resolveAppAddress(url: string, rendererFolder: string): AppAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, reason: 'not an address' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return { kind: 'refused', status: 404, reason: 'not the app’s origin' };
  // The URL parser has already resolved `..` and `%2e%2e` segments (they cannot climb above the
  // origin's root); an encoded separator would make a new segment only after decoding, so it is refused.
  if (/%(2f|5c|00)/i.test(parsed.pathname)) return { kind: 'refused', status: 404, reason: 'an encoded separator' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'a malformed % escape' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', status: 404, reason: 'not a file name' };
  const root = resolve(rendererFolder);
  const file = resolve(root, `.${decoded}`);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { kind: 'refused', status: 404, reason: 'outside the app' };
  return { kind: 'file', path: file };
}

/** Reads a file's bytes; the handler's only access to the disk, replaced in tests. */
export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * The handler for `protocol.handle(APP_SCHEME, …)`: answers GET and HEAD with the file the address
 * names in `rendererFolder`, its MIME type and APP_SECURITY_HEADERS; 405 for other methods, and the
 * refusals of resolveAppAddress (400/404) or 404 for a file that cannot be read, as plain text. Never
 * throws; never reads outside the folder.
 */
export function createAppProtocolHandler(rendererFolder: string, readFile: ReadFile = readFileFromDisk): (request: Request) => Promise<Response> {
  const refuse = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...APP_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    // Electron hands the handler a WHATWG Request; only reading methods make sense for static files.
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed.');
    const address = resolveAppAddress(request.url, rendererFolder);
    if (address.kind === 'refused') return refuse(address.status, address.status === 400 ? 'Bad request.' : 'Not found.');
    let body: Uint8Array;
    try {
      body = await readFile(address.path);
    } catch {
      return refuse(404, 'Not found.');
    }
    const headers = { ...APP_SECURITY_HEADERS, 'Content-Type': mimeTypeFor(address.path) };
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers });
  };
}

/**
 * True when `url` is the app's own page (any path of APP_ORIGIN, query and fragment ignored): the one
 * origin whose top frame may call the node side over IPC.
 */
export function isAppAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}
