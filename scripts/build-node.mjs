// Bundles the node side with esbuild: the Electron main process and preload as CommonJS (a sandboxed
// preload must be one CommonJS file; lowdb is ESM-only and is bundled into main), and the browser
// bridge and the command line as ES modules, split into chunks loaded as needed. Each has the import readers' worker script beside it
// (importWorker.cjs / .mjs, electron/services/importReaders.ts), started by path at run time; in the
// packaged app it is unpacked from the asar (build/electron-builder.yml). libsql stays outside the bundles: it loads its native
// binary from the platform package beside it (@libsql/linux-x64-gnu and the like).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron', 'libsql'] }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/services/importWorker.ts'], outfile: 'dist/electron/importWorker.cjs', format: 'cjs' }),
  // Split into chunks, so what a command or a file does not need (pdf.js, mammoth, docx: most of the
  // bundle) is not parsed at start-up: the command line's start-up was a fifth of a small import.
  ...[
    ['dist/bridge', { server: 'electron/bridge/main.ts', importWorker: 'electron/services/importWorker.ts' }],
    ['dist', { cli: 'electron/cli.ts', importWorker: 'electron/services/importWorker.ts' }],
  ].map(([outdir, entryPoints]) =>
    build({
      ...common,
      entryPoints,
      outdir,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      external: ['libsql'],
      // Some bundled CommonJS dependencies call require(); give each ES module one.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    }),
  ),
]);
