// The crash harness at CI size: 50 kills of the real bridge during start-up, creation and saves, with
// every file validated and every acknowledged save looked for after each (scripts/harness/crash.ts;
// `npm run test:crash -- --kills 1000` is the full run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeCounts, runCrashHarness } from '../../scripts/harness/crash.js';
import { removeTestFolder } from './builders.js';

const root = join(import.meta.dirname, '..', '..');

beforeAll(() => {
  // `npm test` builds first; a lone `vitest run` builds what the harness starts.
  if (existsSync(join(root, 'dist', 'bridge', 'server.mjs')) && existsSync(join(root, 'dist', 'renderer', 'index.html'))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}, 180_000);

it('loses no acknowledged save and corrupts no file over 50 kills of the node side', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-crash-test-'));
  const seed = Math.floor(Math.random() * 2 ** 31);
  try {
    const counts = await runCrashHarness({ kills: 50, seed, folder });
    console.log(`crash harness (seed ${seed}): ${describeCounts(counts)}`);
    expect(counts.problems).toEqual([]);
    expect({ corrupt: counts.corruptFiles, lost: counts.lostSaves, failedReopens: counts.failedReopens }).toEqual({ corrupt: 0, lost: 0, failedReopens: 0 });
    // The kills landed where they matter: saves were acknowledged and some kills hit start-up. How many
    // saves fit between kills depends on how busy the machine is (40 to 150 per 50 kills here).
    expect(counts.acknowledgedSaves).toBeGreaterThan(20);
    expect(counts.killsDuringStartUp).toBeGreaterThan(0);
  } finally {
    await removeTestFolder(folder);
  }
}, 240_000);
