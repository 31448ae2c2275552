// The fuzz harness at CI size: 2,000 cases over the importers, the JSON archive and every contract
// channel (scripts/harness/fuzz.ts; `npm run test:fuzz -- --cases 100000` is the full run).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeFuzz, runFuzz } from '../../scripts/harness/fuzz.js';

it('crashes nothing, stays inside the time bound and stores only what validates, over 2,000 cases', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-fuzz-test-'));
  const seed = Math.floor(Math.random() * 2 ** 31);
  try {
    const counts = await runFuzz({ cases: 2000, seed, folder });
    console.log(`fuzz harness (seed ${seed}): ${describeFuzz(counts)}`);
    expect(counts.failures).toEqual([]);
    expect(counts.cases).toBe(2000);
  } finally {
    await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}, 300_000);
