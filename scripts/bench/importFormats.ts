// Import rates of the PDF and Word readers on the committed corpus (tests/fixtures/import-formats),
// in MB/s of file read, and as a ratio to a plain read of the same bytes (read the file, decode it as
// text, split it into lines), the floor any reader of the file pays.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readImportFile } from '../../electron/services/importFile.js';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'import-formats');
const formats = { PDF: ['ashcombe-parish.pdf', 'harwick-planning.pdf'], DOCX: ['brackenfield-finance.docx', 'kelby-licensing.docx'] };

/** Total milliseconds for `rounds` passes over the files, after one pass to warm up. */
async function timePasses(paths: readonly string[], rounds: number, pass: (path: string) => Promise<unknown>): Promise<number> {
  for (const path of paths) await pass(path);
  const started = performance.now();
  for (let round = 0; round < rounds; round++) for (const path of paths) await pass(path);
  return performance.now() - started;
}

/** One line per format: its rate in MB/s and how many times a plain read it costs. */
export async function importFormatBenchmarks(rounds = 20): Promise<string[]> {
  const lines: string[] = [];
  let next = 0;
  for (const [format, names] of Object.entries(formats)) {
    const paths = names.map((name) => join(corpus, name));
    let bytes = 0;
    for (const path of paths) bytes += (await readFile(path)).length;
    const plain = await timePasses(paths, rounds, async (path) => new TextDecoder('latin1').decode(await readFile(path)).split('\n'));
    const imported = await timePasses(paths, rounds, async (path) => readImportFile(path, await readFile(path), () => `id-${++next}`));
    const megabytes = (bytes * rounds) / (1024 * 1024);
    lines.push(
      `Import ${format} (${names.length} files, ${Math.round(bytes / 1024)} kB): ${(megabytes / (imported / 1000)).toFixed(2)} MB/s, ` +
        `${(imported / plain).toFixed(0)}× a plain read and line split of the same bytes (${(megabytes / (plain / 1000)).toFixed(0)} MB/s)`,
    );
  }
  return lines;
}
