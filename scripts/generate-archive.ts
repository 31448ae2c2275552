// Writes a synthetic library for benchmarks and trying the app at scale:
//   npx tsx scripts/generate-archive.ts --out <folder> [--meetings 3000]
// Then: npm run bridge -- --library <folder>
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeArchive } from './bench/syntheticArchive.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, meetings: { type: 'string', default: '3000' } } });
if (values.out === undefined) {
  console.error('usage: npx tsx scripts/generate-archive.ts --out <folder> [--meetings 3000]');
  process.exit(2);
}
const library = await writeArchive(resolve(values.out), Number(values.meetings));
console.log(`Wrote ${library.meetings.length} meetings of ${library.committees.length} committees to ${resolve(values.out)}`);
