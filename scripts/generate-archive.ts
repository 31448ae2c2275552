// Writes a realistic library (the bench's generator, scripts/bench/realisticArchive.ts) to try the app at scale:
//   npx tsx scripts/generate-archive.ts --out <folder> [--meetings 10000]
// Then: npm run bridge -- --library <folder>
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeRealisticArchive } from './bench/realisticArchive.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, meetings: { type: 'string', default: '10000' } } });
if (values.out === undefined) {
  console.error('usage: npx tsx scripts/generate-archive.ts --out <folder> [--meetings 10000]');
  process.exit(2);
}
const library = await writeRealisticArchive(resolve(values.out), Number(values.meetings));
console.log(`Wrote ${library.meetings.length} meetings of ${library.committees.length} committees to ${resolve(values.out)}`);
