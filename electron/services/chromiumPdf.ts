// Prints HTML to PDF with a Chromium on this machine (headless, no network), for the browser bridge,
// the command line and the tests. The desktop app uses Electron's own printToPDF instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from './exports.js';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function findChromium(): string | null {
  const chosen = process.env['CHROMIUM_PATH'];
  if (chosen) return chosen;
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Flags for a Chromium with no network to reach: without them it keeps trying, and is refused. */
export const offlineChromiumArgs = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPdfPrinter(executable = findChromium()): PdfPrinter {
  return async (html) => {
    if (executable === null) throw new Error('Printing to PDF needs Chromium (set CHROMIUM_PATH) or the desktop app.');
    const folder = await mkdtemp(join(tmpdir(), 'minute-book-pdf-'));
    try {
      const page = join(folder, 'minutes.html');
      const pdf = join(folder, 'minutes.pdf');
      await writeFile(page, html);
      const args = [
        '--headless',
        ...offlineChromiumArgs,
        // British English whatever this computer is set to, as the desktop app (electron/main.ts).
        '--lang=en-GB',
        `--user-data-dir=${join(folder, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ];
      // Chromium refuses to run as root with its sandbox on.
      if (process.getuid?.() === 0) args.unshift('--no-sandbox');
      await new Promise<void>((resolve, reject) => {
        const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let errors = '';
        child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
        const timer = setTimeout(() => child.kill(), 60_000);
        child.on('error', reject);
        child.on('exit', (code) => {
          clearTimeout(timer);
          if (existsSync(pdf)) resolve();
          else reject(new Error(`Chromium did not print the PDF (exit ${code}): ${errors.trim().split('\n').at(-1) ?? ''}`));
        });
      });
      return new Uint8Array(await readFile(pdf));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}
