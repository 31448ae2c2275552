// `npm test`: builds the app, runs every suite — Vitest units, Playwright in Chromium against the
// browser bridge, the Electron-only tests (skipped where there is no Electron binary),
// Electronegativity over the shell's sources and build, and the bench's small version (each ratio it
// checks counted as a test) — and ends with one line totalling them all:
// "N passed, M failed, K skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const output = resolve('tests/output');
mkdirSync(output, { recursive: true });

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium is not at ${chromium}: run "bash scripts/setup.sh" (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];

if (run('npm', ['run', 'build']) !== 0) {
  console.log('\nThe build failed, so no suite ran.\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function vitest() {
  const report = `${output}/vitest.json`;
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  const json = readJson(report);
  if (json === null) return { name: 'unit (Vitest)', passed: 0, failed: 1, skipped: 0, status };
  return {
    name: 'unit (Vitest)',
    passed: json.numPassedTests,
    failed: json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0),
    skipped: json.numPendingTests + json.numTodoTests,
    status,
  };
}

function playwright(name, config, reportName) {
  const report = `${output}/${reportName}`;
  const status = run('npx', ['playwright', 'test', '--config', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const stats = readJson(report)?.stats;
  if (!stats) return { name, passed: 0, failed: 1, skipped: 0, status };
  return {
    name,
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0),
    skipped: stats.skipped,
    status,
  };
}

/**
 * Electronegativity (scripts/security/electronegativity.ts) exits 0 whatever it finds; its results
 * file is read here: one pass when every high/medium finding is explained by a reviewed exception and
 * every file was parsed, else one failure per unexplained finding or unparsed file (at least one).
 */
function electronegativity() {
  const name = 'security (Electronegativity)';
  const report = `${output}/electronegativity.json`;
  const status = run('npx', ['tsx', 'scripts/security/electronegativity.ts']);
  const json = readJson(report);
  if (json === null || json.error !== undefined) return { name, passed: 0, failed: 1, skipped: 0, status };
  const failed = json.unexplained.length + json.unparsed.length;
  return { name, passed: failed === 0 ? 1 : 0, failed, skipped: 0, status, summary: json.summary };
}

/** The bench's small version (scripts/bench/run.ts --ci, 500 meetings): each of its ratio checks counts as a test. */
function bench() {
  const name = 'bench (500 meetings, ratios with margins)';
  const report = `${output}/bench-ci.json`;
  rmSync(report, { force: true });
  const status = run('npx', ['tsx', 'scripts/bench/run.ts', '--ci']);
  const checks = readJson(report)?.checks;
  if (!Array.isArray(checks)) return { name, passed: 0, failed: 1, skipped: 0, status };
  const passed = checks.filter((check) => check.passed === true).length;
  const skipped = checks.filter((check) => check.skipped === true).length;
  const failed = checks.length - passed - skipped;
  return { name, passed, failed: failed + (status !== 0 && failed === 0 ? 1 : 0), skipped, status };
}

suites.push(vitest());
suites.push(playwright('browser (Playwright, Chromium)', 'tests/playwright.config.ts', 'e2e.json'));
suites.push(playwright('desktop (Playwright, Electron)', 'tests/electron/playwright.config.ts', 'electron.json'));
suites.push(electronegativity());
suites.push(bench());

console.log('\nSuites:');
for (const suite of suites) {
  console.log(`  ${suite.name}: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped`);
  if (suite.summary) console.log(`    ${suite.summary}`);
  totals.passed += suite.passed;
  totals.failed += suite.failed;
  totals.skipped += suite.skipped;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
