// The search index (SQLite FTS5) over the seed meetings: ranking, filters, snippets, persistence and
// keeping it up to date as meetings are saved and deleted.
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchDatabase, UnusableSearchDatabase } from '../../electron/services/searchDatabase.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { snippetOf, type SearchFilters, type SearchHit } from '../../shared/search/minutesIndex.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';
import { p } from '../fixtures/minutesJson.js';
import { buildReferenceIndex } from '../../shared/search/minuteReferences.js';
import { itemKey } from '../../shared/search/citation.js';
import { attendanceRegister, declarationsByMember, requestsRegister, resolutionsRegister } from '../../shared/search/registers.js';
import { aMeeting, items } from './builders.js';

const seeds: Record<string, string> = { [meeting001.id]: '001', [meeting004.id]: '004', [meeting003.id]: '003' };
/** "004/7": which seed meeting and which minute a hit is; "003/attendance" for an attendance record. */
const label = (hit: SearchHit): string => `${seeds[hit.meetingId] ?? hit.meetingId}/${hit.minuteNumber ?? 'attendance'}`;

const committees = [committee001, committee003];
const indexOf = (meetings: Meeting[], path = ':memory:') => {
  const index = SearchDatabase.open(path);
  index.replaceMeetings(meetings, committees, Date.now());
  return index;
};
const library = () => indexOf([meeting001, meeting004, meeting003]);
const found = (index: SearchDatabase, query: string, filters: SearchFilters = {}) => index.search(query, filters).map(label);
const marked = (hit: SearchHit) => hit.snippet.filter((segment) => segment.hit).map((segment) => segment.text.toLowerCase());
const snippetText = (hit: SearchHit) => hit.snippet.map((segment) => segment.text).join('');

describe('searching the minutes', () => {
  it('finds the item on young carers first, by its title', () => {
    const [first] = library().search('young carers');
    expect(first).toMatchObject({ meetingId: meeting004.id, minuteNumber: 7, citation: '7/17', title: 'Support to Young Carers', matchedIn: 'title' });
    expect(first?.itemId).toBe(meeting004.items.find((item) => item.minuteNumber === 7)?.id);
  });

  it('finds Ofsted across meetings, the item titled Ofsted first', () => {
    const hits = found(library(), 'Ofsted');
    expect(hits).toEqual(expect.arrayContaining(['001/84', '004/8', '003/4']));
    expect(hits[0]).toBe('003/4');
    // 004/8 mentions Ofsted only in its narrative; the items whose decisions mention it rank above it.
    expect(hits.indexOf('004/9')).toBeLessThan(hits.indexOf('004/8'));
  });

  it('marks the matched words in a snippet of about thirty words', () => {
    const [first] = library().search('young carers');
    expect(first?.snippet[0]?.hit).toBe(false);
    expect(marked(first!)).toEqual(expect.arrayContaining(['young', 'carers']));
    expect(snippetText(first!)).toContain('regarding young carers in the City');
    expect(snippetText(first!).split(' ').length).toBeLessThanOrEqual(34);
  });

  it('matches the word being typed as a prefix, and forgives a typo in a longer word', () => {
    expect(found(library(), 'Ofs')[0]).toBe('003/4');
    expect(found(library(), 'Ofstead')).toEqual(found(library(), 'Ofsted'));
    // A finished word (trailing space) is not a prefix: "Youn " is no word in the minutes. ("Ofs " would be
    // stemmed to "of", as "resolved" is to "resolv".)
    expect(found(library(), 'Youn')).toContain('004/7');
    expect(found(library(), 'Youn ')).toEqual([]);
  });

  it('wants every word, but falls back to any word rather than finding nothing', () => {
    expect(found(library(), 'young carers')).not.toContain('001/84');
    expect(found(library(), 'carers zebra')).toContain('004/7');
  });

  it('finds a meeting by who attended, once per meeting', () => {
    const hits = library().search('Innes');
    expect(hits.map(label)).toEqual(['003/attendance']);
    expect(hits[0]).toMatchObject({ itemId: null, citation: null, title: 'Attendance', matchedIn: 'attendance' });
    expect(marked(hits[0]!)).toEqual(['innes']);
  });

  it('returns nothing for a blank query', () => {
    expect(library().search('  ')).toEqual([]);
  });
});

describe('words as the clerk types them', () => {
  const aMeetingSaying = (...sentences: string[]): Meeting => ({
    ...meeting004,
    items: meeting004.items.map((item, index) => ({ ...item, minutes: [p(sentences[index] ?? 'Nothing further was minuted.')] })),
  });
  const saying = (...sentences: string[]) => indexOf([aMeetingSaying(...sentences)]);
  const itemsFound = (index: SearchDatabase, query: string) => index.search(query).map((hit) => hit.minuteNumber);

  it('finds a phrase only with its words together and in order', () => {
    const index = saying('Demand for school places rose.', 'The places at the school were full.', 'Places: school.');
    expect(itemsFound(index, '"school places"')).toEqual([meeting004.items[0]!.minuteNumber]);
    expect(itemsFound(index, 'school places').sort()).toEqual(meeting004.items.slice(0, 3).map((item) => item.minuteNumber).sort());
    // Curly quotes, as a word processor types them, are a phrase too.
    expect(itemsFound(index, '“school places”')).toEqual([meeting004.items[0]!.minuteNumber]);
  });

  it('finds other forms of a word: "resolved" finds "resolve", "inspected" finds "inspecting"', () => {
    const index = saying('The Board agreed to resolve the matter.', 'Officers were inspecting the schools.');
    expect(itemsFound(index, 'resolved ')).toEqual([meeting004.items[0]!.minuteNumber]);
    expect(itemsFound(index, 'inspected school ')).toEqual([meeting004.items[1]!.minuteNumber]);
  });

  it('ignores accents and case either way: "Zoe" finds "Zoë", "ZOË" finds "Zoe"', () => {
    const index = saying('Councillor Zoë Brontë attended.', 'Councillor Zoe Smith sent apologies.');
    expect(itemsFound(index, 'zoe ').length).toBe(2);
    expect(itemsFound(index, 'ZOË ').length).toBe(2);
    expect(itemsFound(index, 'bronte')).toEqual([meeting004.items[0]!.minuteNumber]);
    const [hit] = index.search('Bronte');
    expect(marked(hit!)).toEqual(['brontë']);
  });

  it('treats quotes, asterisks, brackets, column names and FTS5 operators as plain words, never throwing', () => {
    const index = library();
    const hostile = [
      '"',
      '""',
      '"young carers',
      'young" carers"',
      '*',
      'carers*',
      '*carers',
      'title:carers',
      'title : carers',
      '{title}: carers',
      '-carers',
      '^carers',
      'NEAR(young carers)',
      'young AND',
      'OR carers',
      'NOT carers',
      'carers NOT young',
      '(carers',
      'carers)',
      "carers'; DROP TABLE minutes_records; --",
      '\u0002carers\u0003',
      '+',
      '–',
      'a'.repeat(500),
      '🙂 carers',
    ];
    for (const query of hostile) expect(() => index.search(query), query).not.toThrow();
    expect(found(index, 'title:carers')).toEqual(found(index, 'title carers'));
    expect(found(index, 'NEAR(young carers)')[0]).toBe('004/7');
    expect(found(index, 'young AND')[0]).toBe('004/7');
    expect(found(index, "carers'; DROP TABLE minutes_records; --")).toContain('004/7');
    expect(found(index, 'young carers')[0]).toBe('004/7');
    expect(index.search('+')).toEqual([]);
  });

  it('suggests the nearest word of the minutes when a word is misspelt and nothing is found', () => {
    const index = library();
    expect(found(index, 'safegaurding ')).toEqual(found(index, 'safeguarding '));
    expect(found(index, 'safegaurding ')).not.toEqual([]);
    // Two typos in a long word.
    expect(found(index, 'safegaurdnig ')).toEqual(found(index, 'safeguarding '));
    // A short word forgives nothing: too many short words are one letter apart.
    expect(found(index, 'carr ')).toEqual([]);
    // A word the index holds is not replaced, so a search that finds nothing says so.
    expect(found(index, '"carers Ofsted"')).toEqual([]);
  });

  it('ranks the item whose title names the words above items that only mention them', () => {
    const index = library();
    const hits = index.search('Improvement Board');
    const titled = hits.filter((hit) => hit.matchedIn === 'title').length;
    expect(hits.map((hit) => hit.title).filter((title) => title === 'Improvement Board')).toHaveLength(2);
    // Every item titled with the words (or their stems: "Improving") comes before any that only mentions them.
    expect(hits.slice(0, titled).every((hit) => hit.matchedIn === 'title')).toBe(true);
    expect(titled).toBeGreaterThanOrEqual(2);
    expect(hits.length).toBeGreaterThan(titled);
    for (const [better, worse] of hits.slice(1).map((hit, index) => [hits[index]!, hit] as const)) expect(better.score).toBeGreaterThanOrEqual(worse.score);
  });
});

describe('narrowing a search', () => {
  it('by committee', () => {
    expect(found(library(), 'Ofsted', { committeeId: committee003.id })).toEqual(['003/4']);
    expect(found(library(), 'Ofsted', { committeeId: committee001.id }).sort()).toEqual(['001/81', '001/84', '004/8', '004/9']);
  });

  it('by municipal year: April 2017 belongs to 2016/17, July 2017 to 2017/18', () => {
    expect(found(library(), 'Ofsted', { municipalYear: 2016 }).sort()).toEqual(['001/81', '001/84']);
    expect(found(library(), 'Ofsted', { municipalYear: 2017 }).sort()).toEqual(['004/8', '004/9']);
  });

  it('by dates, both ends included', () => {
    expect(found(library(), 'Ofsted', { from: '2017-07-13', to: '2022-10-19' }).sort()).toEqual(['004/8', '004/9']);
    expect(found(library(), 'Ofsted', { from: '2017-04-28' }).sort()).toEqual(['003/4', '004/8', '004/9']);
    expect(found(library(), 'Ofsted', { to: '2017-04-27' }).sort()).toEqual(['001/81', '001/84']);
  });

  it('to resolutions: only items whose resolutions match', () => {
    const hits = library().search('Ofsted', { only: 'resolutions' });
    // 004/8 mentions Ofsted in its narrative, not in what it resolved.
    expect(hits.map(label).sort()).toEqual(['001/81', '001/84', '003/4', '004/9']);
    for (const hit of hits) {
      expect(hit.matchedIn).toBe('resolutions');
      expect(hit.hasResolution).toBe(true);
      expect(marked(hit)).toContain('ofsted');
    }
    expect(snippetText(hits.find((hit) => label(hit) === '001/84')!)).toMatch(/^RESOLVED that the Scrutiny Board noted the progress/);
  });

  it('to requests for information: only items whose requests match', () => {
    expect(found(library(), 'funding')).toEqual(expect.arrayContaining(['004/7', '003/4']));
    const hits = library().search('funding', { only: 'actions' });
    expect(hits.map(label)).toEqual(['003/4']);
    expect(hits[0]).toMatchObject({ matchedIn: 'actions', hasActions: true });
    expect(snippetText(hits[0]!)).toContain('bidding for short term funding');
    expect(found(library(), 'Ofsted', { only: 'actions' })).toEqual([]);
  });
});

describe('snippets', () => {
  it('start a few words before the first hit and say where the text was cut', () => {
    const text = Array.from({ length: 60 }, (_, index) => `w${index}`).join(' ');
    const snippet = snippetOf(text, new Set(['w20']));
    expect(snippet).toEqual([
      { text: `… ${Array.from({ length: 6 }, (_, index) => `w${14 + index}`).join(' ')} `, hit: false },
      { text: 'w20', hit: true },
      { text: ` ${Array.from({ length: 23 }, (_, index) => `w${21 + index}`).join(' ')} …`, hit: false },
    ]);
  });

  it('keep short text whole, with its punctuation, and collapse its spacing', () => {
    expect(snippetOf('“Good”\u00a0 rated by\nOfsted.', new Set(['ofsted']))).toEqual([
      { text: '“Good” rated by ', hit: false },
      { text: 'Ofsted', hit: true },
      { text: '.', hit: false },
    ]);
  });
});

// Each test indexes 2,640 records (a few seconds on a loaded machine), hence the longer timeout.
describe('a word in most of a large archive', { timeout: 30_000 }, () => {
  /** 240 meetings a day apart, oldest first (as a rebuild indexes them), of 11 items each, every one minuting the budget; item 1 of the first `titled` is titled so. */
  const archive = (titled: number) =>
    Array.from({ length: 240 }, (_, index) =>
      aMeeting(committee001, {
        date: new Date(Date.UTC(2016, 0, 1 + index)).toISOString().slice(0, 10),
        items: items(11).map((item, position) => ({
          ...item,
          title: position === 0 && index < titled ? `Budget monitoring ${index}` : item.title,
          minutes: [p(`The budget for item ${position + 1} was noted.`)],
        })),
      }),
    );

  it('puts the items titled with it first, newest first when too many titles hold it to rank, then the rest newest first, marked', () => {
    const meetings = archive(230);
    const index = indexOf(meetings);
    const hits = index.search('budget ', {}, 20);
    expect(hits).toHaveLength(20);
    // More than 2,000 records and 200 titles hold it: the titles newest first.
    expect(hits.map((hit) => hit.title)).toEqual(Array.from({ length: 20 }, (_, offset) => `Budget monitoring ${229 - offset}`));
    expect(hits.map((hit) => hit.date)).toEqual([...hits.map((hit) => hit.date)].sort().reverse());
    expect(hits.every((hit) => hit.matchedIn === 'title' && marked(hit).includes('budget'))).toBe(true);
  });

  it('ranks the few titles that hold it, ahead of the newest of the rest', () => {
    const meetings = archive(3);
    const index = indexOf(meetings);
    const hits = index.search('budget ', {}, 20);
    expect(hits.slice(0, 3).map((hit) => hit.title).sort()).toEqual(['Budget monitoring 0', 'Budget monitoring 1', 'Budget monitoring 2']);
    // The rest: the newest meeting's 11 items, then the one before's, each with the word marked in its minutes.
    const rest = hits.slice(3);
    expect(rest.map((hit) => hit.date)).toEqual([...Array(11).fill(meetings.at(-1)!.date), ...Array(6).fill(meetings.at(-2)!.date)]);
    expect(rest.every((hit) => hit.matchedIn === 'minutes' && marked(hit).includes('budget'))).toBe(true);
  });

  it('answers the same once its segments are merged, a step at a time', () => {
    const meetings = archive(3);
    const index = SearchDatabase.open(':memory:');
    // Indexed 20 meetings a transaction, as a rebuild does: one segment each.
    for (let start = 0; start < meetings.length; start += 20) index.replaceMeetings(meetings.slice(start, start + 20), committees, Date.now());
    const before = ['budget', 'Budget monitoring', 'item 7', 'noted'].map((query) => index.search(query, {}, 50));
    let steps = 0;
    while (index.mergeStep(10)) steps += 1;
    expect(steps).toBeGreaterThan(0);
    expect(index.mergeStep(10)).toBe(false);
    expect(['budget', 'Budget monitoring', 'item 7', 'noted'].map((query) => index.search(query, {}, 50))).toEqual(before);
  });
});

describe('keeping the index', () => {
  const queries = ['young carers', 'Ofsted', 'Ofs', 'Innes', 'social workers retention'];
  let folder = '';
  afterEach(() => fs.rm(folder, { recursive: true, force: true }));
  const aFile = async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-search-'));
    return join(folder, 'search.sqlite');
  };

  it('is a file that opens again answering the same', async () => {
    const path = await aFile();
    const index = indexOf([meeting001, meeting004, meeting003], path);
    const before = queries.map((query) => index.search(query));
    index.close();
    const reopened = SearchDatabase.open(path);
    expect(queries.map((query) => reopened.search(query))).toEqual(before);
    expect(reopened.search('Ofsted', { only: 'resolutions', municipalYear: 2016 })).toEqual(library().search('Ofsted', { only: 'resolutions', municipalYear: 2016 }));
    reopened.close();
  });

  it('refuses a database of another schema version or not a database, so the caller rebuilds', async () => {
    const path = await aFile();
    indexOf([meeting001], path).close();
    const other = new Database(path);
    other.exec('PRAGMA user_version = 99');
    other.close();
    expect(() => SearchDatabase.open(path)).toThrow(UnusableSearchDatabase);
    await fs.writeFile(path, 'not a database, but long enough to look like a header of one........'.repeat(100));
    expect(() => SearchDatabase.open(path)).toThrow(UnusableSearchDatabase);
  });

  it('replaces a meeting on save: new words found, removed words and items gone', async () => {
    const path = await aFile();
    const index = indexOf([meeting001, meeting004, meeting003], path);
    const edited: Meeting = {
      ...meeting004,
      items: meeting004.items
        .filter((item) => item.minuteNumber !== 10)
        .map((item) => (item.minuteNumber === 7 ? { ...item, title: 'Kinship Care', minutes: [p('The Board heard about kinship placements.')] } : item)),
    };
    index.replaceMeetings([edited], committees, Date.now());
    expect(found(index, 'kinship')).toEqual(['004/7']);
    expect(found(index, 'hobbies')).toEqual([]);
    expect(found(index, 'young carers')).not.toContain('004/7');
    expect(found(index, 'no other items of business').sort()).toEqual(['001/87', '003/6']);
    // Opened again after the edit, it still answers with the edit.
    index.close();
    expect(found(SearchDatabase.open(path), 'kinship')).toEqual(['004/7']);
  });

  it('indexes a new meeting on its first save', () => {
    const index = indexOf([meeting001]);
    index.replaceMeetings([meeting004], committees, Date.now());
    expect(found(index, 'young carers')[0]).toBe('004/7');
  });

  it('holds a meeting once however often it is indexed', () => {
    const index = library();
    const before = found(index, 'Ofsted');
    index.replaceMeetings([meeting004, meeting004], committees, Date.now());
    expect(found(index, 'Ofsted')).toEqual(before);
  });

  it('removes a deleted meeting, and its words from the suggestions', () => {
    const index = library();
    index.removeMeeting(meeting004.id);
    expect(found(index, 'Ofsted').sort()).toEqual(['001/81', '001/84', '003/4']);
    expect(found(index, 'young carers')).not.toContain('004/7');
    expect(index.indexedMeetings().has(meeting004.id)).toBe(false);
    // "hobbies" was only in meeting 004: a near miss no longer finds it.
    expect(found(library(), 'hobbyes')).not.toEqual([]);
    expect(found(index, 'hobbyes')).toEqual([]);
  });

  it('will not index a meeting whose committee is missing, and indexes none of the batch', () => {
    const index = SearchDatabase.open(':memory:');
    expect(() => index.replaceMeetings([meeting001, meeting003], [committee001], Date.now())).toThrow(/committee .* is not in the library/);
    expect(index.indexedMeetings().size).toBe(0);
  });
});

describe('registers and references from the database', () => {
  // Meeting 004's minute 8 cites 3/17 (June's); September cites 3/17 (by then its own minute 3), 8/17,
  // its own 2/17 and 59/16 (not held).
  const june = aMeeting(committee001, { date: '2017-06-29', items: items(4) });
  const september = aMeeting(committee001, {
    date: '2017-09-14',
    items: items(3).map((item, index) => ({
      ...item,
      minuteNumber: index + 1,
      minutes:
        index === 1
          ? [p('Further to Minutes 3/17 and 8/17, and this Minute 2/17, the Board recalled Minute 59/16.')]
          : index === 2
            ? [p('As at Minute 1 above and Minute 8/2017, the Board noted the plan.')]
            : item.minutes,
    })),
  });
  const meetings = [meeting001, meeting004, meeting003, june, september];

  it('gives the registers the registers’ own functions give, reading no meeting', () => {
    const index = indexOf(meetings);
    expect(index.registers(committees)).toEqual({
      resolutions: resolutionsRegister(meetings, committees),
      requests: requestsRegister(meetings, committees),
      declarations: declarationsByMember(meetings, committees),
      attendance: attendanceRegister(meetings, committees),
    });
    expect(index.registers(committees).resolutions.length).toBeGreaterThan(5);
  });

  it('gives the resolutions and requests registers a page at a time, in their order, of one committee or all', () => {
    const index = indexOf(meetings);
    const whole = { resolutions: resolutionsRegister(meetings, committees), requests: requestsRegister(meetings, committees) };
    for (const register of ['resolutions', 'requests'] as const) {
      for (const committeeId of [undefined, committee001.id, committee003.id]) {
        const expected = whole[register].filter((entry) => committeeId === undefined || entry.committeeId === committeeId);
        const pages: unknown[] = [];
        for (let offset = 0; offset < expected.length + 3; offset += 3) {
          const page = index.registerPage(register, { committeeId, offset, limit: 3 });
          expect(page.register).toBe(register);
          expect(page.total, `${register} of ${committeeId ?? 'all'}`).toBe(expected.length);
          expect(page.entries.length).toBe(Math.max(0, Math.min(3, expected.length - offset)));
          pages.push(...page.entries);
        }
        expect(pages, `${register} of ${committeeId ?? 'all'}`).toEqual(expected);
      }
    }
    // Enough to page through, and both committees hold some.
    expect(whole.resolutions.length).toBeGreaterThan(6);
    expect(new Set(whole.resolutions.map((entry) => entry.committeeId)).size).toBe(2);
    expect(whole.requests.length).toBeGreaterThan(0);
    expect(index.registerPage('resolutions', { committeeId: '6f1c5a4e-0000-4000-8000-000000000000', offset: 0, limit: 10 })).toEqual({ register: 'resolutions', entries: [], total: 0 });
  });

  it('keeps each register page’s total right as meetings are saved again, changed and removed', async () => {
    const totals = (index: SearchDatabase) =>
      (['resolutions', 'requests'] as const).flatMap((register) => [undefined, committee001.id, committee003.id].map((committeeId) => index.registerPage(register, { committeeId, offset: 0, limit: 1 }).total));
    const expectedTotals = (held: Meeting[]) =>
      [resolutionsRegister(held, committees), requestsRegister(held, committees)].flatMap((whole) =>
        [undefined, committee001.id, committee003.id].map((committeeId) => whole.filter((entry) => committeeId === undefined || entry.committeeId === committeeId).length),
      );
    const folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-counts-'));
    const path = join(folder, 'search.sqlite');
    const index = indexOf(meetings, path);
    expect(totals(index)).toEqual(expectedTotals(meetings));
    // Saved again unchanged, then with an item gone, then moved to the bin.
    index.replaceMeetings([meeting004], committees, Date.now());
    expect(totals(index)).toEqual(expectedTotals(meetings));
    const fewer: Meeting = { ...meeting004, items: meeting004.items.slice(0, Math.floor(meeting004.items.length / 2)) };
    index.replaceMeetings([fewer], committees, Date.now());
    const held = meetings.map((meeting) => (meeting.id === fewer.id ? fewer : meeting));
    expect(expectedTotals(held)).not.toEqual(expectedTotals(meetings));
    expect(totals(index)).toEqual(expectedTotals(held));
    index.removeMeeting(meeting003.id);
    const left = held.filter((meeting) => meeting.id !== meeting003.id);
    expect(totals(index)).toEqual(expectedTotals(left));
    index.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('resolves citations and answers both ways as the reference index does', () => {
    const index = indexOf(meetings);
    const references = buildReferenceIndex(meetings, committees);
    let citing = 0;
    for (const meeting of meetings) {
      for (const item of meeting.items) {
        const key = itemKey(meeting.id, item.id);
        expect(index.itemReferences(meeting.id, item.id), `${meeting.date} ${item.minuteNumber}`).toEqual({ cites: references.cites(key), citedBy: references.citedBy(key) });
        citing += references.cites(key).length;
      }
    }
    expect(citing).toBeGreaterThanOrEqual(5);
    expect(index.itemReferences(june.id, june.items[2]!.id).citedBy.map((place) => place.date)).toEqual(['2017-07-13']);
    expect(index.itemReferences(meeting004.id, meeting004.items.find((item) => item.minuteNumber === 8)!.id).citedBy.map((place) => [place.date, place.minuteNumber])).toEqual([
      ['2017-09-14', 2],
      ['2017-09-14', 3],
    ]);
    // "Minute 1 above" is September's own minute 1, of its municipal year; "Minute 8/2017" July's minute 8.
    expect(index.itemReferences(september.id, september.items[2]!.id).cites.map((cited) => [cited.citation, cited.minute?.meetingId])).toEqual([
      ['1', september.id],
      ['8/2017', meeting004.id],
    ]);
    expect(index.itemReferences(september.id, september.items[0]!.id).citedBy.map((place) => place.date)).toEqual(['2017-09-14']);
    for (const [citation, asOf] of [['3/17', '2017-09-14'], ['03/17', '2017-07-13'], ['59/16', '2017-09-14'], ['81/16', '2017-01-01'], ['nonsense', '2017-09-14'], ['3/2017', '2017-09-14'], ['1', '2017-09-14'], ['8', '2017-09-14'], ['8', '2017-04-01']] as const) {
      expect(index.resolve(citation, committee001.id, asOf), citation).toEqual(references.resolve(citation, committee001.id, asOf));
    }
  });

  it('forgets a meeting’s entries and citations when it is replaced or removed', () => {
    const index = indexOf(meetings);
    index.removeMeeting(june.id);
    const quiet = { ...september, items: september.items.map((item) => ({ ...item, minutes: [p('Nothing cited.')] })) };
    index.replaceMeetings([quiet], committees, Date.now());
    const left = [meeting001, meeting004, meeting003, quiet];
    expect(index.registers(committees).resolutions).toEqual(resolutionsRegister(left, committees));
    const minute8 = meeting004.items.find((item) => item.minuteNumber === 8)!.id;
    const references = buildReferenceIndex(left, committees);
    expect(index.itemReferences(meeting004.id, minute8)).toEqual({ cites: references.cites(itemKey(meeting004.id, minute8)), citedBy: [] });
    // With June gone, 3/17 is September's minute 3, the only one held.
    expect(index.itemReferences(meeting004.id, minute8).cites[0]?.minute?.meetingId).toBe(september.id);
  });
});
