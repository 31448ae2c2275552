// The browser bridge: a small HTTP server on 127.0.0.1 that serves the built renderer and answers the
// same contract the Electron main process answers over IPC, so the whole app runs in Chromium. It is
// for this machine and for development only, so it refuses anything that is not its own page: the
// Host must be its own address (no DNS rebinding), the Origin its own origin, and every call must
// carry the token it wrote into the page it served.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../shared/channels.js';
import type { CallResult } from '../../shared/contract.js';
import { parseBoundedJson } from '../../shared/model/boundedJson.js';
import { dispatch, type Handlers } from '../services/handlers.js';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

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
  handlers: Handlers;
  rendererFolder: string;
  port?: number;
}

export interface RunningBridge {
  url: string;
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

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = randomBytes(32).toString('hex');
  let allowedHosts: string[] = [];

  const checkHost = (request: IncomingMessage): string => {
    const host = request.headers.host ?? '';
    if (!allowedHosts.includes(host)) throw new Refusal(403, `Refused: requests must be addressed to ${allowedHosts[0]}.`);
    return host;
  };

  const checkCaller = (request: IncomingMessage, host: string): void => {
    if (request.headers.origin !== `http://${host}`) throw new Refusal(403, 'Refused: the call did not come from the Minute Book page.');
    const given = Buffer.from(String(request.headers[BRIDGE_TOKEN_HEADER] ?? ''));
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new Refusal(403, 'Refused: the call did not carry this run’s token.');
    }
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

  const serveFile = async (path: string, response: ServerResponse): Promise<void> => {
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
    if (relative === 'index.html') {
      content = Buffer.from(
        content.toString('utf8').replace('</head>', `<meta name="${BRIDGE_TOKEN_META}" content="${token}"></head>`),
      );
    }
    response.writeHead(200, { ...securityHeaders, 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    response.end(content);
  };

  const server = createServer((request, response) => {
    const handle = async (): Promise<void> => {
      const host = checkHost(request);
      const path = new URL(request.url ?? '/', `http://${host}`).pathname;
      if (path === '/api/call') {
        if (request.method !== 'POST') throw new Refusal(405, 'Calls must be POSTed.');
        checkCaller(request, host);
        await serveCall(request, response);
      } else if (request.method === 'GET' || request.method === 'HEAD') {
        await serveFile(path, response);
      } else {
        throw new Refusal(405, 'Method not allowed.');
      }
    };
    handle().catch((error: unknown) => {
      const status = error instanceof Refusal ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      const result: CallResult<never> = { ok: false, error: { code: status === 500 ? 'internal' : 'invalid-input', message } };
      if (status === 413) response.setHeader('Connection', 'close');
      if (!response.headersSent) sendJson(response, status, result);
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
