// Starts Minute Book in the browser: opens the library, serves the renderer on 127.0.0.1 and prints the
// address. Used where there is no Electron binary, and for development and the browser tests.
//   node dist/bridge/server.mjs [--library <dir>] [--port <n>]
import { fileURLToPath } from 'node:url';
import { chromiumPdfPrinter } from '../services/chromiumPdf.js';
import { chosenLibraryFolder, userDataFolder } from '../services/dataFolder.js';
import { LibrarySession } from '../services/librarySession.js';
import { keptSessionSecret, startBridge } from './bridgeServer.js';

function portFrom(argv: readonly string[]): number {
  const at = argv.indexOf('--port');
  const value = at >= 0 ? Number(argv[at + 1]) : 0;
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`--port must be a port number, not ${argv[at + 1]}`);
  return value;
}

const argv = process.argv.slice(2);
const folder = chosenLibraryFolder(argv) ?? userDataFolder();
// The sample minutes are the repository's seeds/ (dist/bridge → the checkout's root).
const session = await LibrarySession.open(folder, {
  printPdf: chromiumPdfPrinter(),
  sampleFolder: fileURLToPath(new URL('../../seeds', import.meta.url)),
  importReaders: { file: fileURLToPath(new URL('./importWorker.mjs', import.meta.url)) },
});
const bridge = await startBridge({
  sessionSecret: await keptSessionSecret(userDataFolder()),
  // The browser downloads exports itself; PDFs are printed by this machine's Chromium.
  handlers: session.handlers,
  rendererFolder: fileURLToPath(new URL('../renderer', import.meta.url)),
  port: portFrom(argv),
});
for (const problem of session.library.overview().problems) console.warn(`[minute-book] ${problem.message}`);
console.log(`Minute Book library: ${folder}`);
// Tests read this line to find the address.
console.log(`Minute Book is running at ${bridge.url}`);

const stop = (): void => {
  void bridge
    .close()
    .then(() => session.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
