import { it } from 'vitest';
import { SearchDatabase } from '../../electron/services/searchDatabase.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';
it('probe', () => {
  const db = SearchDatabase.open(':memory:');
  db.replaceMeetings([meeting001, meeting004, meeting003], [committee001, committee003], 0);
  for (const q of ['Ofsted', 'Ofs']) console.log(q, db.search(q).slice(0, 8).map((h) => `${h.date} ${h.minuteNumber} ${h.title} ${h.score.toFixed(2)} ${h.matchedIn}`));
});
