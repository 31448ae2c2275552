// The comparison's cost: two 150-item meetings (≈250k characters) with 1% of their words changed,
// compared, as a ratio to serialising one of them (JSON.stringify, what every save does).
import { performance } from 'node:perf_hooks';
import { compareMeetings } from '../../shared/compare/compareMeetings.js';
import type { Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { longMeeting, seededRandom } from './syntheticArchive.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The meeting with `share` of the words of its minutes replaced, chosen with a seeded random. */
function withWordsChanged(meeting: Meeting, share: number): Meeting {
  const random = seededRandom(99);
  const changed = structuredClone(meeting);
  const visit = (node: MinutesNodeJSON) => {
    if (node.text !== undefined) node.text = node.text.replace(/\S+/g, (word) => (random() < share ? 'amended' : word));
    node.content?.forEach(visit);
  };
  for (const item of changed.items) item.minutes.forEach(visit);
  return changed;
}

/** The bench line: the comparison's time as a multiple of one serialisation (target ≤ 20×). */
export function compareBenchmark(): string {
  const before = longMeeting(150, '2017-07-13');
  const after = withWordsChanged(before, 0.01);
  const compare: number[] = [];
  const serialise: number[] = [];
  for (let run = 0; run < 20; run++) {
    const [compareMs, serialiseMs] = [timed(() => compareMeetings(before, after)), timed(() => JSON.stringify(after))];
    // The first runs warm the JIT; measure the settled ones.
    if (run < 5) continue;
    compare.push(compareMs);
    serialise.push(serialiseMs);
  }
  const ratio = median(compare) / median(serialise);
  return `Compare two 150-item meetings (1% of words changed): ${ratio.toFixed(1)}× serialising one (target ≤ 20×)`;
}
