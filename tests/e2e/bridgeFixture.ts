// Each test gets the real browser bridge (the built dist/bridge/server.mjs) on a free port with a
// fresh library folder, and a page opened on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

const serverScript = join(import.meta.dirname, '..', '..', 'dist', 'bridge', 'server.mjs');

export interface RunningApp {
  url: string;
  libraryFolder: string;
  /** Stops the node side (the bridge process), as when it is closed or dies; the page stays open. */
  stopNodeSide(): Promise<void>;
  /** Starts the node side again on the same address and library (with a new token, as any new run has). */
  startNodeSide(): Promise<void>;
}

async function startServer(libraryFolder: string, port = 0): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(serverScript)) throw new Error(`${serverScript} is missing: run "npm run build" first.`);
  const child = spawn(process.execPath, [serverScript, '--library', libraryFolder, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the bridge did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`the bridge exited (${code}):\n${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ app: RunningApp; prepareLibrary: { write: (folder: string) => Promise<void> } | null }>({
  /** Writes the library a test starts from into its folder before the bridge opens it (test.use; an object, as a function there would be taken for a fixture); none: an empty library. */
  prepareLibrary: [null, { option: true }],
  // Automatic: every test starts on a fresh library, whether or not it looks at the folder.
  app: [
    async ({ page, prepareLibrary }, use) => {
      const libraryFolder = await mkdtemp(join(tmpdir(), 'minute-book-e2e-'));
      if (prepareLibrary !== null) await prepareLibrary.write(libraryFolder);
      const started = await startServer(libraryFolder);
      const { url } = started;
      let child: ChildProcess | null = started.child;
      // The bridge saves the search index as it stops: let it finish before the folder goes.
      const stopNodeSide = async (): Promise<void> => {
        if (child === null) return;
        const exited = once(child, 'exit');
        child.kill();
        await exited;
        child = null;
      };
      const startNodeSide = async (): Promise<void> => {
        if (child !== null) throw new Error('the node side is already running');
        child = (await startServer(libraryFolder, Number(new URL(url).port))).child;
      };
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(url);
      await use({ url, libraryFolder, stopNodeSide, startNodeSide });
      await stopNodeSide();
      await rm(libraryFolder, { recursive: true, force: true });
      expect(pageErrors, 'the page threw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
