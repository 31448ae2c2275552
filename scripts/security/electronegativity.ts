// `npm run security`: Electronegativity (Doyensec's static checker for Electron apps) over the shell's
// sources and over its built output, its findings read against the reviewed exceptions in
// build/electronegativity-exceptions.json, the results written to tests/output/electronegativity.json
// and one summary line printed. It exits 0 whatever it finds (as the issue asks: CI reads the results,
// scripts/test-all.mjs counts an unexplained high/medium finding or an unparsed file as a failure).
//
// What is scanned:
//   sources  electron/**/*.ts, renderer/index.html (the page's CSP) and package.json (the Electron version);
//   built    the main process and preload bundled from the same entry points as scripts/build-node.mjs,
//            as ES modules with the npm packages left out (the shipped .cjs bundles are skipped by
//            Electronegativity for their extension, hold 6 MB of libraries, and use class private
//            fields its parser cannot read), with the built dist/renderer/index.html and package.json.
// The check of newer Electron releases' security fixes (AvailableSecurityFixesGlobalCheck) needs GitHub
// and is left out: the Electron version is pinned in package.json and recorded in the README.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { classify, failsCi, parseExceptions, severities, summaryLine, type Finding, type Severity } from './findings.js';

const root = join(import.meta.dirname, '..', '..');
// Under tests/output (ignored by git, never packaged), not dist/ (whose files electron-builder ships).
const scanFolder = join(root, 'tests', 'output', 'electronegativity-scan');
const exceptionsFile = join(root, 'build', 'electronegativity-exceptions.json');
const resultsFile = join(root, 'tests', 'output', 'electronegativity.json');

interface Issue {
  id: string;
  severity?: { name?: string };
  confidence?: { name?: string };
  file: string;
  location?: { line?: number };
  sample?: string;
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;
const electronegativity = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

async function listTs(folder: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name));
}

async function stageSources(target: string): Promise<void> {
  for (const file of await listTs(join(root, 'electron'))) {
    const to = join(target, relative(root, file));
    await mkdir(dirname(to), { recursive: true });
    await cp(file, to);
  }
  await cp(join(root, 'renderer', 'index.html'), join(target, 'renderer', 'index.html'));
  await cp(join(root, 'package.json'), join(target, 'package.json'));
}

async function stageBuilt(target: string): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, format: 'esm' as const, target: 'es2020', packages: 'external' as const, logLevel: 'warning' as const };
  await build({ ...common, entryPoints: [join(root, 'electron', 'main.ts')], outfile: join(target, 'electron', 'main.js') });
  await build({ ...common, entryPoints: [join(root, 'electron', 'preload.ts')], outfile: join(target, 'electron', 'preload.js') });
  const page = join(root, 'dist', 'renderer', 'index.html');
  try {
    await cp(page, join(target, 'renderer', 'index.html'));
  } catch {
    throw new Error(`${page} is missing: run "npm run build" first.`);
  }
  await cp(join(root, 'package.json'), join(target, 'package.json'));
}

async function scan(name: string, folder: string, electronVersion: string): Promise<{ findings: Finding[]; unparsed: string[] }> {
  const result = await electronegativity({
    input: folder,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
  });
  const findings = result.issues.map((issue): Finding => {
    const severity = (issue.severity?.name ?? 'INFORMATIONAL') as Severity;
    return {
      check: issue.id,
      severity: severities.includes(severity) ? severity : 'INFORMATIONAL',
      confidence: issue.confidence?.name ?? '',
      scan: name,
      file: issue.file.replaceAll('\\', '/'),
      line: issue.location?.line ?? 0,
      sample: (issue.sample ?? '').trim().slice(0, 200),
    };
  });
  return { findings, unparsed: result.errors.map((error) => `${name}: ${relative(folder, error.file)}: ${error.message}`) };
}

async function main(): Promise<void> {
  const packageJson = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const electronVersion = packageJson.devDependencies.electron!;
  const exceptions = parseExceptions(JSON.parse(await readFile(exceptionsFile, 'utf8')));
  await rm(scanFolder, { recursive: true, force: true });
  await stageSources(join(scanFolder, 'sources'));
  await stageBuilt(join(scanFolder, 'built'));
  const scans = [await scan('sources', join(scanFolder, 'sources'), electronVersion), await scan('built', join(scanFolder, 'built'), electronVersion)];
  const result = classify(
    scans.flatMap((one) => one.findings),
    exceptions,
    scans.flatMap((one) => one.unparsed),
  );
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify({ electronVersion, ...result, summary: summaryLine(result), fails: failsCi(result) }, null, 2)}\n`);
  for (const { finding, exception } of result.explained) {
    console.log(`  reviewed  ${finding.severity.padEnd(13)} ${finding.check} ${finding.scan}/${finding.file}:${finding.line} — ${exception.reason}`);
  }
  for (const finding of result.unexplained) {
    console.log(`  UNEXPLAINED ${finding.severity} ${finding.check} ${finding.scan}/${finding.file}:${finding.line}: ${finding.sample}`);
  }
  for (const exception of result.stale) console.log(`  stale exception (matches nothing now): ${exception.check} ${exception.file}`);
  for (const file of result.unparsed) console.log(`  UNPARSED ${file}`);
  console.log(summaryLine(result));
}

main().catch((error: unknown) => {
  // A scan that could not run is reported, not hidden: the results file says so and test-all counts it.
  const message = error instanceof Error ? error.message : String(error);
  console.log(`Electronegativity could not run: ${message}`);
  void mkdir(dirname(resultsFile), { recursive: true })
    .then(() => writeFile(resultsFile, `${JSON.stringify({ error: message, fails: true })}\n`))
    .finally(() => process.exit(0));
});
