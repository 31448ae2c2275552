// The browser bridge: a small HTTP server on 127.0.0.1 that serves the built renderer and answers the
// same contract the Electron main process answers over IPC, so the whole app runs in Chromium. It is
// for this machine and for development only, so it refuses anything that is not its own page: the
// Host must be its own address (no DNS rebinding), the Origin its own origin, and every request must
// carry this run's session cookie. The cookie is not in anything a request can read: it is set only
// by the one-time launch address the bridge prints when it starts (`/?launch=<code>`), which works
// once, so another program on the machine cannot obtain it with a GET of the page (as it could the
// token the page used to carry). HttpOnly keeps it from script; SameSite=Strict and the Origin check
// keep other sites' pages (on 127.0.0.1 at another port too: cookies ignore ports) from using it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { CallResult } from '../../shared/contract.js';
import { parseBoundedJson } from '../../shared/model/boundedJson.js';
import { dispatch, type CallHandlers } from '../services/handlers.js';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The query parameter of the one-time launch address. */
export const BRIDGE_LAUNCH_PARAMETER = 'launch';
/** The session cookie's name for the bridge on `port` (one per port, since cookies are shared across ports). */
export const bridgeSessionCookie = (port: number): string => `minute-book-session-${port}`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export interface BridgeOptions {
  handlers: CallHandlers;
  rendererFolder: string;
  port?: number;
  /**
   * The session cookie's value, kept by the caller across runs (64 hex digits) so that a window open
   * when the bridge stopped carries on once it is started again; default a new one for this run.
   */
  sessionSecret?: string;
}

export interface RunningBridge {
  /** The one-time launch address (`http://127.0.0.1:<port>/?launch=<code>`): opened once, it sets the session cookie and goes to the app. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The session cookie's value (for tests in this process; never sent in a response body). */
  token: string;
  close(): Promise<void>;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** True when `given` equals `expected`, compared in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of cookie `name` in a Cookie header, or ''. */
function cookieValue(header: string | undefined, name: string): string {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return '';
}

const launchRefusedPage = (message: string): string =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Minute Book</title></head><body><h1>Minute Book</h1><p>${message}</p></body></html>`;

/**
 * Starts the bridge on 127.0.0.1 (`options.port`, or any free port). Every request must be addressed
 * to 127.0.0.1:<port> or localhost:<port> (403 otherwise) and carry the session cookie, which only
 * the one-time launch address sets (403 with a page saying to start Minute Book again). Calls are
 * `POST /api/call` with the page's Origin and a JSON body `{ channel, input }` of at most 32 MB (413),
 * read with the contract's bounded JSON (400 for malformed or over-deep bodies, with the reason).
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.sessionSecret !== undefined && /^[0-9a-f]{64}$/.test(options.sessionSecret) ? options.sessionSecret : randomBytes(32).toString('hex');
  const launchCode = randomBytes(32).toString('hex');
  let launchUsed = false;
  let allowedHosts: string[] = [];
  let cookieName = '';

  const checkHost = (request: IncomingMessage): string => {
    const host = request.headers.host ?? '';
    if (!allowedHosts.includes(host)) throw new Refusal(403, `Refused: requests must be addressed to ${allowedHosts[0]}.`);
    return host;
  };

  const hasSession = (request: IncomingMessage): boolean => sameSecret(cookieValue(request.headers.cookie, cookieName), token);

  const checkCaller = (request: IncomingMessage, host: string): void => {
    if (request.headers.origin !== `http://${host}`) throw new Refusal(403, 'Refused: the call did not come from the Minute Book page.');
    if (!hasSession(request)) throw new Refusal(403, 'Refused: the call did not carry this run’s session (open the address Minute Book printed when it started).');
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new Refusal(415, 'Refused: calls must be JSON.');
    }
  };

  const serveCall = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    let envelope: unknown;
    try {
      // Size and depth first: a ten-million-deep array must not hold the node side for seconds.
      envelope = parseBoundedJson(body, 'the call', { maxBytes: MAX_BODY_BYTES });
    } catch (error) {
      throw new Refusal(400, `Refused: ${(error as Error).message}.`);
    }
    if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
      throw new Refusal(400, 'Refused: a call is an object with a "channel" and an "input".');
    }
    const { channel, input } = envelope as { channel?: unknown; input?: unknown };
    const result = await dispatch(options.handlers, channel, input);
    sendJson(response, 200, result);
  };

  /**
   * The one-time launch address: the first GET with the right code sets the session cookie and
   * sends the browser to the app (303, so the code leaves the address bar); a browser that already
   * holds the cookie is sent on too (a reload, a second tab); any other request with a code is refused.
   */
  const serveLaunch = (code: string, request: IncomingMessage, response: ServerResponse): void => {
    if (hasSession(request)) {
      response.writeHead(303, { ...securityHeaders, Location: '/' });
      response.end();
      return;
    }
    if (launchUsed || !sameSecret(code, launchCode)) {
      throw new Refusal(403, 'This Minute Book address has already been used, or is not this run’s: start Minute Book again and open the address it prints.');
    }
    launchUsed = true;
    response.writeHead(303, {
      ...securityHeaders,
      'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: '/',
    });
    response.end();
  };

  const serveFile = async (path: string, request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!hasSession(request)) {
      throw new Refusal(403, 'Open the address Minute Book printed when it started: this browser has not been given this run’s session.');
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path === '/' ? '/index.html' : path);
    } catch {
      throw new Refusal(404, 'Not found.'); // a malformed % escape names no file
    }
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(options.rendererFolder, relative);
    if (relative.startsWith('..') || !file.startsWith(options.rendererFolder + sep)) throw new Refusal(404, 'Not found.');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      throw new Refusal(404, 'Not found.');
    }
    response.writeHead(200, { ...securityHeaders, 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    response.end(content);
  };

  const server = createServer((request, response) => {
    const handle = async (): Promise<void> => {
      const host = checkHost(request);
      const address = new URL(request.url ?? '/', `http://${host}`);
      const path = address.pathname;
      const launch = address.searchParams.get(BRIDGE_LAUNCH_PARAMETER);
      if (launch !== null && path === '/' && request.method === 'GET') {
        serveLaunch(launch, request, response);
      } else if (path === '/api/call') {
        if (request.method !== 'POST') throw new Refusal(405, 'Calls must be POSTed.');
        checkCaller(request, host);
        await serveCall(request, response);
      } else if (request.method === 'GET' || request.method === 'HEAD') {
        await serveFile(path, request, response);
      } else {
        throw new Refusal(405, 'Method not allowed.');
      }
    };
    handle().catch((error: unknown) => {
      const status = error instanceof Refusal ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      const result: CallResult<never> = { ok: false, error: { code: status === 500 ? 'internal' : 'invalid-input', message } };
      if (status === 413) response.setHeader('Connection', 'close');
      if (response.headersSent) response.end();
      else if (status === 403 && request.method === 'GET' && !request.url?.startsWith('/api/')) sendPage(response, status, launchRefusedPage(message));
      else sendJson(response, status, result);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  cookieName = bridgeSessionCookie(port);
  return {
    url: `http://127.0.0.1:${port}/?${BRIDGE_LAUNCH_PARAMETER}=${launchCode}`,
    origin: `http://127.0.0.1:${port}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendPage(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8' });
  response.end(html);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(value));
}

/**
 * The request's body as text, refused with 413 once it passes MAX_BODY_BYTES (or says it will). The
 * rest of an oversized body is read and dropped rather than the connection reset, so the caller gets
 * the 413 and its message; the response closes the connection.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new Refusal(413, `Refused: the call is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      request.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (!refused) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const SESSION_FILE = 'bridge-session.secret';

/**
 * The bridge's session secret, kept in the user's data folder (readable by this user only) so that a
 * window open when the bridge stopped — the machine slept, the process was killed — carries on when it
 * is started again, its unsaved words sent then, instead of being refused as a stranger (QA of issue 9,
 * F15). Made afresh when missing or unreadable. Only a program running as this user can read it, and
 * such a program can read the library itself.
 */
export async function keptSessionSecret(folder: string): Promise<string> {
  const path = join(folder, SESSION_FILE);
  const kept = (await readFile(path, 'utf8').catch(() => '')).trim();
  if (/^[0-9a-f]{64}$/.test(kept)) return kept;
  const secret = randomBytes(32).toString('hex');
  await mkdir(folder, { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}
