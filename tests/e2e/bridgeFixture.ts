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
}

async function startServer(libraryFolder: string): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(serverScript)) throw new Error(`${serverScript} is missing: run "npm run build" first.`);
  const child = spawn(process.execPath, [serverScript, '--library', libraryFolder, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
      const { child, url } = await startServer(libraryFolder);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(url);
      await use({ url, libraryFolder });
      // The bridge saves the search index as it stops: let it finish before the folder goes.
      const exited = once(child, 'exit');
      child.kill();
      await exited;
      await rm(libraryFolder, { recursive: true, force: true });
      expect(pageErrors, 'the page threw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
