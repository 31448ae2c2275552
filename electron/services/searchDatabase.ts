// The search index on disk: one SQLite database (`search.sqlite` in the library folder) through libsql,
// opened rather than loaded, so start-up costs the same at 10 meetings and at 10,000. It is derived data:
// every row comes from the meeting files, and a database that is missing, damaged or of another schema
// version is built again from them (librarySearch.ts decides when). Pure query building and result
// shaping are in shared/search (ftsQuery.ts, minutesIndex.ts); this module only runs the SQL.
import Database from 'libsql';
import type { Committee } from '../../shared/model/committee.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { committeeOfMeeting, itemKey, type MinutePlace } from '../../shared/search/citation.js';
import { citationToResolve } from '../../shared/numbering.js';
import { citationsIn, type CitedMinute } from '../../shared/search/minuteReferences.js';
import {
  attendanceRegister,
  declarationEntries,
  groupedByMember,
  requestsRegister,
  resolutionsRegister,
  type DeclarationEntry,
  type LibraryRegisters,
  type RequestEntry,
  type ResolutionEntry,
} from '../../shared/search/registers.js';
import { closestWord, correctedQuery, matchExpression, parseQuery, typosForgiven, type ParsedQuery } from '../../shared/search/ftsQuery.js';
import {
  HIT_CLOSE,
  HIT_OPEN,
  fieldWeights,
  meetingRecords,
  normaliseWord,
  searchFields,
  searchHit,
  type MinutesRecord,
  type SearchField,
  type SearchFilters,
  type SearchHit,
} from '../../shared/search/minutesIndex.js';
import { heldAtKey } from '../../shared/dates.js';

/** Bump with any change to the tables, the tokenizers or what a record holds: an older database is then rebuilt. 3: the fields' weights as FTS5's rank; 4: citations in the committee's numbering style; 5: the registers' counts kept by triggers; 6: citations by a bare number ("Minute 45") or a four-digit year ("59/2016"); 7: citations in declarations ("declared … in Minute 74"). */
export const SEARCH_SCHEMA_VERSION = 7;

/** A ranked row with each field's text, its matches marked (null when the field is empty). */
type MarkedRow = RecordRow & Record<`marked_${SearchField}`, string | null>;

/** FTS5's bm25 with the fields' weights, as a rank function for `rank MATCH`. */
const weightedBm25 = `bm25(${searchFields.map((field) => fieldWeights[field]).join(', ')})`;
/** Each field of minutes_text with its matches marked, as `marked_<field>`. */
const highlights = searchFields.map((field, column) => `highlight(minutes_text, ${column}, '${HIT_OPEN}', '${HIT_CLOSE}') AS marked_${field}`).join(', ');
/** Each field's marked text of a row, as searchHit takes them. */
const marksOf = (row: MarkedRow) => Object.fromEntries(searchFields.map((field) => [field, row[`marked_${field}`]])) as Record<SearchField, string | null>;

/**
 * `minutes_text` is the FTS5 index: porter stemming over unicode61 ("resolved" finds "resolve"; accents
 * removed, so "Zoe" finds "Zoë"), ranked by bm25 with the fields' weights. `spelling` holds the
 * same words unstemmed, with no positions, only for its vocabulary (`spelling_words`): the words a
 * word being typed may complete to, and spelling suggestions. The stems in `minutes_text` are not words
 * a clerk typed ("ofst"), so neither prefixes nor edit distances can be matched against them; and
 * its prefix indexes (prefix='2 3') can be left out, since porter stems a prefix query too ("ofs"* is
 * "of"*), so they would serve no query. `minute_titles` indexes the titles again, alone, so the titles
 * holding a common word are found without reading every match of it.
 */
/**
 * How many entries each register holds of each committee, kept by triggers as entries come and go (in
 * their transaction): a register page's total, which counting the register's index took 7-16 ms of each
 * first page at 10,000 meetings (52,059 resolutions), and more with its pages not yet read from disk.
 * Added in schema version 5.
 */
const registerCounts = `
  CREATE TABLE register_counts (
    kind TEXT NOT NULL,
    committee_id TEXT NOT NULL,
    entries INTEGER NOT NULL,
    PRIMARY KEY (kind, committee_id)
  ) WITHOUT ROWID;
  CREATE TRIGGER register_entry_added AFTER INSERT ON register_entries BEGIN
    INSERT INTO register_counts (kind, committee_id, entries) VALUES (new.kind, new.committee_id, 1)
      ON CONFLICT (kind, committee_id) DO UPDATE SET entries = entries + 1;
  END;
  CREATE TRIGGER register_entry_removed AFTER DELETE ON register_entries BEGIN
    UPDATE register_counts SET entries = entries - 1 WHERE kind = old.kind AND committee_id = old.committee_id;
  END;
`;

const schema = `
  CREATE TABLE minutes_records (
    rowid INTEGER PRIMARY KEY,
    record_key TEXT NOT NULL UNIQUE,
    meeting_id TEXT NOT NULL,
    item_id TEXT,
    committee_id TEXT NOT NULL,
    date TEXT NOT NULL,
    municipal_year INTEGER NOT NULL,
    minute_number INTEGER,
    title TEXT NOT NULL,
    has_resolution INTEGER NOT NULL,
    has_actions INTEGER NOT NULL,
    -- "81/16"; null for an attendance record
    citation TEXT,
    -- the meeting's date and start time, "2017-07-13T10:00", which orders meetings
    held TEXT NOT NULL
  );
  CREATE INDEX minutes_records_by_meeting ON minutes_records (meeting_id);
  CREATE INDEX minutes_records_by_citation ON minutes_records (committee_id, citation);
  -- the citations in an item's minutes ("Further to Minute 59/16"), in order, unresolved: what they
  -- name depends on the meetings the library holds when asked
  CREATE TABLE minute_citations (
    record_rowid INTEGER NOT NULL,
    position INTEGER NOT NULL,
    citation TEXT NOT NULL
  );
  CREATE INDEX minute_citations_by_record ON minute_citations (record_rowid);
  CREATE INDEX minute_citations_by_citation ON minute_citations (citation);
  -- each meeting's entries in the registers, as JSON: kind 'resolution', 'request' and 'declaration'
  -- (ResolutionEntry, RequestEntry, DeclarationEntry), and 'attendance' (the meeting without its items)
  CREATE TABLE register_entries (
    meeting_id TEXT NOT NULL,
    committee_id TEXT NOT NULL,
    held TEXT NOT NULL,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    entry TEXT NOT NULL
  );
  -- in the registers' order, so a page of them is read off the index and stops at its LIMIT
  CREATE INDEX register_entries_by_kind ON register_entries (kind, held DESC, meeting_id, position);
  CREATE INDEX register_entries_by_committee ON register_entries (kind, committee_id, held DESC, meeting_id, position);
  CREATE INDEX register_entries_by_meeting ON register_entries (meeting_id);
  ${registerCounts}
  CREATE TABLE indexed_meetings (
    meeting_id TEXT PRIMARY KEY,
    -- when the meeting was last indexed (ms since 1970): a file changed after that is indexed again
    indexed_at REAL NOT NULL,
    -- 1 from just before the library writes the meeting until it is indexed: a crash in between leaves it marked
    writing INTEGER NOT NULL DEFAULT 0
  );
  CREATE VIRTUAL TABLE minutes_text USING fts5 (
    ${searchFields.join(', ')},
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  -- FTS5's own rank column is bm25 with the fields' weights: FTS5 then sorts by it and stops at a LIMIT
  INSERT INTO minutes_text (minutes_text, rank) VALUES ('rank', '${weightedBm25}');
  CREATE VIRTUAL TABLE minute_titles USING fts5 (title, tokenize = 'porter unicode61 remove_diacritics 2', content = '', contentless_delete = 1);
  CREATE VIRTUAL TABLE spelling USING fts5 (words, tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1, detail = none);
  CREATE VIRTUAL TABLE spelling_words USING fts5vocab (spelling, row);
  PRAGMA user_version = ${SEARCH_SCHEMA_VERSION};
`;

/** Why a database cannot be used as it is; the caller builds a fresh one. */
export class UnusableSearchDatabase extends Error {
  override readonly name = 'UnusableSearchDatabase';
}

/** How many ranked rows are looked at before cutting snippets: the hits asked for, never every match. */
const MAX_HITS = 200;
/** A word in more records than this is too common to rank by bm25 (see `top`). */
const RANKED_MATCHES = 2000;
/** A common query held by more titles than this has its titles too newest first (see `top`). */
const RANKED_TITLES = 200;
/** A word being typed matches at most this many of the index's words it begins, the commonest first. */
const MAX_COMPLETIONS = 30;

interface RecordRow {
  rowid: number;
  record_key: string;
  meeting_id: string;
  item_id: string | null;
  committee_id: string;
  date: string;
  municipal_year: number;
  minute_number: number | null;
  title: string;
  has_resolution: number;
  has_actions: number;
  citation: string | null;
  held: string;
  rank: number;
}

export class SearchDatabase {
  /** Statements by their SQL: preparing one costs about as much as running a quick query. */
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  private constructor(private readonly db: Database.Database) {}

  private sql(source: string): Database.Statement<unknown[]> {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  /**
   * Opens the database at `path` (':memory:' for one that lives only as long as the process), creating
   * it when the file is new or empty. Throws UnusableSearchDatabase when the file is not a database, is
   * damaged, or has another schema version; other errors (locked, no permission) as SQLite gives them.
   */
  static open(path: string): SearchDatabase {
    const db = new Database(path);
    try {
      // 32 MB of page cache, filled only as pages are read: SQLite's default 2 MB holds a few words'
      // doclists, so at 10,000 meetings (325 MB) each query read its pages from the system again.
      db.exec('PRAGMA busy_timeout = 2000; PRAGMA cache_size = -32768');
      const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
      if (version === 0 && tableCount(db) === 0) {
        // WAL: a commit is one append, and a reader is never blocked by the autosave.
        db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
        db.exec(`BEGIN; ${schema} COMMIT;`);
      } else if (version !== SEARCH_SCHEMA_VERSION) {
        throw new UnusableSearchDatabase(`the search database has schema version ${version}, this Minute Book uses ${SEARCH_SCHEMA_VERSION}`);
      } else {
        db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
      }
      return new SearchDatabase(db);
    } catch (error) {
      db.close();
      if (isDamagedDatabase(error)) throw new UnusableSearchDatabase(`the search database is damaged (${(error as Error).message})`);
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }

  /** Each indexed meeting: when it was indexed (ms since 1970), and whether a write of it began but was never indexed. */
  indexedMeetings(): Map<string, { indexedAt: number; writing: boolean }> {
    const rows = this.sql('SELECT meeting_id, indexed_at, writing FROM indexed_meetings').all() as { meeting_id: string; indexed_at: number; writing: number }[];
    return new Map(rows.map((row) => [row.meeting_id, { indexedAt: row.indexed_at, writing: row.writing === 1 }]));
  }

  /** Marks a meeting as being written, before its file is: if the process dies before `replaceMeetings`, the next opening indexes it again. */
  markWriting(meetingId: string): void {
    this
      .sql('INSERT INTO indexed_meetings (meeting_id, indexed_at, writing) VALUES (?, 0, 1) ON CONFLICT (meeting_id) DO UPDATE SET writing = 1')
      .run(meetingId);
  }

  /**
   * Indexes the meetings in one transaction, each replacing whatever the index held for it (items come
   * and go between saves). `indexedAt` is when their files were read (ms). A meeting in `stillWriting`
   * (its next write has begun) keeps its mark. Throws, indexing none of them, when a meeting's committee
   * is not in `committees`.
   */
  replaceMeetings(meetings: readonly Meeting[], committees: readonly Committee[], indexedAt: number, stillWriting: ReadonlySet<string> = new Set()): void {
    const committeeOf = committeeOfMeeting(committees);
    const prepared = meetings.map((meeting) => ({ meeting, records: meetingRecords(meeting, committeeOf(meeting)), registers: registerEntries(meeting, committees) }));
    const insertRecord = this.sql(
      `INSERT INTO minutes_records (record_key, meeting_id, item_id, committee_id, date, municipal_year, minute_number, title, has_resolution, has_actions, citation, held)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCitation = this.sql('INSERT INTO minute_citations (record_rowid, position, citation) VALUES (?, ?, ?)');
    const insertEntry = this.sql('INSERT INTO register_entries (meeting_id, committee_id, held, kind, position, entry) VALUES (?, ?, ?, ?, ?, ?)');
    const insertText = this.sql(`INSERT INTO minutes_text (rowid, ${searchFields.join(', ')}) VALUES (?${', ?'.repeat(searchFields.length)})`);
    const insertSpelling = this.sql('INSERT INTO spelling (rowid, words) VALUES (?, ?)');
    const insertTitle = this.sql('INSERT INTO minute_titles (rowid, title) VALUES (?, ?)');
    const indexed = this.sql(
      'INSERT INTO indexed_meetings (meeting_id, indexed_at, writing) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET indexed_at = excluded.indexed_at, writing = excluded.writing',
    );
    this.db.transaction(() => {
      for (const { meeting, records, registers } of prepared) {
        this.deleteRecords(meeting.id);
        const held = heldAtKey(meeting);
        const items = new Map(meeting.items.map((item) => [item.id, item]));
        for (const record of records) {
          const { lastInsertRowid } = insertRecord.run(...recordColumns(record), record.citation, held);
          const item = record.itemId === null ? undefined : items.get(record.itemId);
          if (item !== undefined) citationsIn(item).forEach((cited, position) => insertCitation.run(lastInsertRowid, position, cited));
          const texts = searchFields.map((field) => (field === 'title' ? record.title : (record.text[field] ?? null)));
          insertText.run(lastInsertRowid, ...texts);
          insertSpelling.run(lastInsertRowid, texts.filter((text) => text !== null).join('\n'));
          insertTitle.run(lastInsertRowid, record.title);
        }
        for (const [kind, entries] of Object.entries(registers)) entries.forEach((entry, position) => insertEntry.run(meeting.id, meeting.committeeId, held, kind, position, JSON.stringify(entry)));
        indexed.run(meeting.id, indexedAt, stillWriting.has(meeting.id) ? 1 : 0);
      }
    })();
  }

  /**
   * Merges the full-text indexes' segments a step at a time, up to about `pages` pages of work; answers
   * whether there was any left to do. A rebuild writes each batch as its own segment; merged into one,
   * a word is read from one place instead of a dozen, which made looking matches up by rowid four times
   * quicker and the common-word check twice (profiled at 10,000 meetings). FTS5's 'optimize' would do it
   * in one go, holding the node side for seconds at 10,000 meetings.
   */
  mergeStep(pages: number): boolean {
    const changes = () => (this.sql('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    for (const table of ['minutes_text', 'minute_titles', 'spelling']) this.sql(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(-pages);
    const after = changes();
    // Each 'merge' counts as one change, and more only when it merged something.
    return after - before > 3;
  }

  /** Drops a meeting the library no longer holds. */
  removeMeeting(meetingId: string): void {
    this.db.transaction(() => {
      this.deleteRecords(meetingId);
      this.sql('DELETE FROM indexed_meetings WHERE meeting_id = ?').run(meetingId);
    })();
  }

  private deleteRecords(meetingId: string): void {
    const where = 'rowid IN (SELECT rowid FROM minutes_records WHERE meeting_id = ?)';
    this.sql('DELETE FROM minute_citations WHERE record_rowid IN (SELECT rowid FROM minutes_records WHERE meeting_id = ?)').run(meetingId);
    this.sql('DELETE FROM register_entries WHERE meeting_id = ?').run(meetingId);
    this.sql(`DELETE FROM minutes_text WHERE ${where}`).run(meetingId);
    this.sql(`DELETE FROM spelling WHERE ${where}`).run(meetingId);
    this.sql(`DELETE FROM minute_titles WHERE ${where}`).run(meetingId);
    this.sql('DELETE FROM minutes_records WHERE meeting_id = ?').run(meetingId);
  }

  /**
   * The registers of the whole library (see shared/search/registers.ts for their shapes and order),
   * from the entries stored as each meeting was indexed: no meeting file is read.
   */
  registers(committees: readonly Committee[]): LibraryRegisters {
    const entries = <T>(kind: RegisterKind): T[] =>
      (this.sql('SELECT entry FROM register_entries WHERE kind = ? ORDER BY held DESC, meeting_id, position').all(kind) as { entry: string }[]).map((row) => JSON.parse(row.entry) as T);
    return {
      resolutions: entries<ResolutionEntry>('resolution'),
      requests: entries<RequestEntry>('request'),
      declarations: groupedByMember(entries<DeclarationEntry>('declaration')),
      attendance: attendanceRegister(entries<Meeting>('attendance'), committees),
    };
  }

  /**
   * One page of the resolutions or the requests register, in the register's order (newest meeting
   * first, agenda order within it; see registers()), of one committee or all, with how many the
   * register holds: read off an index in that order, and the total from the kept counts
   * (register_counts), so the first page costs the same at 10 meetings and at 10,000 (the whole
   * register at 10,000 takes seconds to read and parse).
   */
  registerPage(register: PagedRegister, page: RegisterPageRequest): RegisterPage {
    const kind = pagedKinds[register];
    const committee = page.committeeId === undefined ? '' : 'AND committee_id = ?';
    const values = page.committeeId === undefined ? [kind] : [kind, page.committeeId];
    const rows = this
      .sql(`SELECT entry FROM register_entries WHERE kind = ? ${committee} ORDER BY held DESC, meeting_id, position LIMIT ? OFFSET ?`)
      .all(...values, page.limit, page.offset) as { entry: string }[];
    const { total } = this.sql(`SELECT coalesce(sum(entries), 0) AS total FROM register_counts WHERE kind = ? ${committee}`).get(...values) as { total: number };
    const entries = rows.map((row) => JSON.parse(row.entry) as unknown);
    return register === 'resolutions' ? { register, entries: entries as ResolutionEntry[], total } : { register, entries: entries as RequestEntry[], total };
  }

  /**
   * The minute `citation` ("59/16") names in the committee's minutes, or null: the latest held on or
   * before `asOf` (the citing meeting's date; a committee numbering each meeting from 1 has several),
   * else the latest of all. As shared/search/minuteReferences.ts resolves them, by SQL.
   */
  resolve(citation: string, committeeId: string, asOf: string): MinutePlace | null {
    const wanted = citationToResolve(citation);
    if (wanted === null) return null;
    if ('minuteNumber' in wanted) {
      // "Minute 45": the minute so numbered in the municipal year of the committee's meeting held on (or last before) `asOf`, the item before its sub-items.
      const bare = this.sql(
        `SELECT * FROM minutes_records WHERE committee_id = ? AND minute_number = ? AND date <= ? AND item_id IS NOT NULL
           AND municipal_year = (SELECT municipal_year FROM minutes_records WHERE committee_id = ? AND date <= ? ORDER BY date DESC LIMIT 1)
         ORDER BY held DESC, rowid LIMIT 1`,
      ).get(committeeId, wanted.minuteNumber, asOf, committeeId, asOf) as RecordRow | undefined;
      return bare === undefined ? null : placeOf(bare);
    }
    const normal = wanted.citation;
    const row = this.sql('SELECT * FROM minutes_records WHERE committee_id = ? AND citation = ? ORDER BY date <= ? DESC, held DESC LIMIT 1').get(committeeId, normal, asOf) as
      | RecordRow
      | undefined;
    return row === undefined ? null : placeOf(row);
  }

  /** What the item cites, in order, resolved or not, and the minutes that cite it, oldest first; both empty for an item not indexed. */
  itemReferences(meetingId: string, itemId: string): { cites: CitedMinute[]; citedBy: MinutePlace[] } {
    const record = this.sql('SELECT * FROM minutes_records WHERE record_key = ?').get(itemKey(meetingId, itemId)) as RecordRow | undefined;
    if (record === undefined) return { cites: [], citedBy: [] };
    const isThisItem = (place: MinutePlace | null) => place !== null && place.meetingId === meetingId && place.itemId === itemId;
    const cited = this.sql('SELECT citation FROM minute_citations WHERE record_rowid = ? ORDER BY position').all(record.rowid) as { citation: string }[];
    // An item's own number in its text ("this Minute 5/17") is not a reference to another minute.
    const cites = cited.map(({ citation }) => ({ citation, minute: this.resolve(citation, record.committee_id, record.date) })).filter(({ minute }) => !isThisItem(minute));
    // Cited by its citation ("59/16"), with a four-digit year ("59/2016") or by its number alone ("Minute 59") in its municipal year.
    const spellings = record.citation === null ? [] : [record.citation, record.citation.replace(/\/(\d{2})$/, `/${String(record.municipal_year).slice(0, 2)}$1`)];
    const citing = this.sql(
      `SELECT r.*, c.citation AS cited FROM minute_citations c JOIN minutes_records r ON r.rowid = c.record_rowid
       WHERE (c.citation IN (?, ?) OR (c.citation = ? AND r.municipal_year = ?)) AND r.committee_id = ? AND r.rowid <> ? ORDER BY r.held, r.rowid`,
    ).all(spellings[0] ?? '', spellings[1] ?? '', String(record.minute_number), record.municipal_year, record.committee_id, record.rowid) as (RecordRow & { cited: string })[];
    const citedBy = citing.filter((row) => isThisItem(this.resolve(row.cited, row.committee_id, row.date))).map(placeOf);
    return { cites, citedBy };
  }

  /**
   * Ranked results, best first, at most `limit` (≤ 200). Every word must match; when that finds nothing,
   * any word may, so one misremembered word does not empty the list; when still nothing, each word the
   * index does not hold is replaced by the closest word it does (one typo forgiven from 5 letters, two
   * from 10), as if the clerk had typed that. The last word is matched as a prefix while it is being
   * typed (no space after it). Any text is a valid query: it never throws for what was typed.
   */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchHit[] {
    const parsed = parseQuery(query);
    if (parsed.terms.length === 0) return [];
    const fields: readonly SearchField[] = filters.only === undefined ? searchFields : [filters.only];
    const found = this.ranked(parsed, filters, fields, limit);
    if (found.length > 0) return found;
    const corrected = correctedQuery(
      parsed,
      (word) => this.holdsWord(normaliseWord(word)),
      (word) => this.suggestion(normaliseWord(word)),
    );
    return corrected === null ? [] : this.ranked(corrected, filters, fields, limit);
  }

  private ranked(parsed: ParsedQuery, filters: SearchFilters, fields: readonly SearchField[], limit: number): SearchHit[] {
    const completions = parsed.typingLastWord ? this.completions(normaliseWord(parsed.terms.at(-1)!.words[0]!)) : [];
    // Each term on its own, as matched (the last with its completions), to tell whether it is too common to rank by.
    const last = parsed.terms.length - 1;
    const common = parsed.terms.some((term, index) => {
      const alone = matchExpression({ terms: [term], typingLastWord: parsed.typingLastWord && index === last }, 'AND', undefined, index === last ? completions : []);
      return alone !== null && this.sql(`SELECT rowid FROM minutes_text WHERE minutes_text MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED_MATCHES}`).get(alone) !== undefined;
    });
    for (const combine of ['AND', 'OR'] as const) {
      if (combine === 'OR' && parsed.terms.length < 2) break;
      const expression = matchExpression(parsed, combine, filters.only === undefined ? undefined : fields, completions);
      if (expression === null) return [];
      const titles = common && filters.only === undefined ? matchExpression(parsed, combine, ['title'], completions) : null;
      const hits = this.top(expression, common, titles, filters, fields, Math.min(limit, MAX_HITS));
      if (hits.length > 0) return hits;
    }
    return [];
  }

  /**
   * The best `limit` rows, each with its matches marked (highlight). bm25 reads every match of each
   * word to weigh it, whatever the LIMIT: that is FTS5's slow tail. So a query with a word too `common`
   * to rank by (in more than RANKED_MATCHES records) is ranked among the titles that hold it (`titles`,
   * the same query on the titles' own small index), and the rest come newest first (a rebuild indexes
   * the oldest meetings first, and a saved meeting is indexed again), unranked: such a search then costs
   * the same at 10,000 meetings as at 1,000. When even the titles holding it are more than RANKED_TITLES
   * ("houses" is in 5,576 titles at 10,000 meetings, and ranking them took 14 ms), they too come newest
   * first, ahead of the rest.
   *
   * The marks are cut in the ranking query itself: FTS5 hands its rows over in rank (or rowid) order
   * with each row's matches at hand, so highlight() runs only on the rows kept before the LIMIT stops
   * it. Looking the kept rows up again by rowid (a second query) runs the whole expression once per row,
   * and cost three to ten times the ranking itself with a word being typed (its 30 completions; profiled
   * at 500 and 10,000 meetings): only the few ranked titles of a common query are still looked up so.
   */
  private top(expression: string, common: boolean, titles: string | null, filters: SearchFilters, fields: readonly SearchField[], limit: number): SearchHit[] {
    const conditions: string[] = [];
    const values: (string | number)[] = [];
    const where = (condition: string, value: string | number | undefined) => {
      if (value === undefined) return;
      conditions.push(`AND ${condition}`);
      values.push(value);
    };
    where('r.committee_id = ?', filters.committeeId);
    where('r.municipal_year = ?', filters.municipalYear);
    where('r.date >= ?', filters.from);
    where('r.date <= ?', filters.to);
    const filtered = conditions.join(' ');
    const markedRows = (match: string, order: string, rowLimit: number) =>
      this.sql(
        `SELECT r.*, ${order === 'rank' ? 'minutes_text.rank' : '0'} AS rank, ${highlights} FROM minutes_text JOIN minutes_records r ON r.rowid = minutes_text.rowid
         WHERE minutes_text MATCH ? ${filtered} ORDER BY minutes_text.${order} LIMIT ${rowLimit}`,
      ).all(match, ...values) as MarkedRow[];
    const hit = (row: MarkedRow) => searchHit({ record: recordOf(row), score: row.rank === 0 ? 0 : -row.rank, marked: marksOf(row) }, fields);
    if (!common) return markedRows(expression, 'rank', limit).map(hit);
    let titled: MarkedRow[] = [];
    if (titles !== null) {
      const manyTitles = this.sql(`SELECT rowid FROM minute_titles WHERE minute_titles MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED_TITLES}`).get(titles) !== undefined;
      // The query, and its words in the title: every match is marked, in the title and the text alike.
      if (manyTitles) titled = markedRows(`(${expression}) AND ${titles}`, 'rowid DESC', limit);
      else titled = this.rankedTitles(expression, titles, filtered, values, limit);
    }
    const seen = new Set(titled.map((row) => row.rowid));
    const newest = markedRows(expression, 'rowid DESC', limit).filter((row) => !seen.has(row.rowid));
    return [...titled, ...newest].slice(0, limit).map(hit);
  }

  /** The rows whose titles hold `titles`, ranked by bm25 among the titles alone, with the matches of `expression` marked. */
  private rankedTitles(expression: string, titles: string, filtered: string, values: readonly (string | number)[], limit: number): MarkedRow[] {
    const ranked = this.sql(
      `SELECT r.*, bm25(minute_titles) AS rank FROM minute_titles JOIN minutes_records r ON r.rowid = minute_titles.rowid
       WHERE minute_titles MATCH ? ${filtered} ORDER BY rank LIMIT ${limit}`,
    ).all(titles, ...values) as RecordRow[];
    if (ranked.length === 0) return [];
    // A list of rowids, not a subquery, so FTS5 looks each up instead of reading every match; and no bm25 here, which would read them all again.
    const marks = this.sql(`SELECT rowid, ${highlights} FROM minutes_text WHERE minutes_text MATCH ? AND rowid IN (${ranked.map(() => '?').join(', ')})`).all(
      expression,
      ...ranked.map((row) => row.rowid),
    ) as MarkedRow[];
    const byRowid = new Map(marks.map((row) => [row.rowid, row]));
    return ranked.map((row) => ({ ...byRowid.get(row.rowid)!, ...row }));
  }

  /** The commonest words of the index that begin with `prefix` (normalised), itself included when it is one. */
  private completions(prefix: string): string[] {
    // Terms compare as UTF-8 bytes: U+10FFFF sorts after anything that can follow the prefix.
    const rows = this
      .sql(`SELECT term FROM spelling_words WHERE term >= ? AND term < ? ORDER BY doc DESC LIMIT ${MAX_COMPLETIONS}`)
      .all(prefix, `${prefix}\u{10FFFF}`) as { term: string }[];
    return rows.map((row) => row.term);
  }

  private holdsWord(word: string): boolean {
    return this.sql('SELECT 1 FROM spelling_words WHERE term = ?').get(word) !== undefined;
  }

  /** The closest word of the vocabulary to `word` (normalised), or null. Scans only the words of a length within reach. */
  private suggestion(word: string): string | null {
    const reach = typosForgiven(word);
    if (reach === 0) return null;
    const candidates = this
      .sql('SELECT term, doc AS records FROM spelling_words WHERE length(term) BETWEEN ? AND ?')
      .iterate(word.length - reach, word.length + reach) as Iterable<{ term: string; records: number }>;
    return closestWord(word, candidates);
  }
}

const recordColumns = (record: MinutesRecord) =>
  [
    record.id,
    record.meetingId,
    record.itemId,
    record.committeeId,
    record.date,
    record.municipalYear,
    record.minuteNumber,
    record.title,
    record.hasResolution ? 1 : 0,
    record.hasActions ? 1 : 0,
  ] as const;

const placeOf = (row: RecordRow): MinutePlace => ({
  meetingId: row.meeting_id,
  itemId: row.item_id!,
  committeeId: row.committee_id,
  date: row.date,
  minuteNumber: row.minute_number!,
  citation: row.citation!,
  title: row.title,
});


type RegisterKind = 'resolution' | 'request' | 'declaration' | 'attendance';

/** The registers read a page at a time: entries in a fixed order, each standing alone (declarations are grouped and attendance counted over the whole library). */
export type PagedRegister = 'resolutions' | 'requests';
/** A page of one of them, and how many entries that register holds (of the committee asked for). */
export type RegisterPage = { register: 'resolutions'; entries: ResolutionEntry[]; total: number } | { register: 'requests'; entries: RequestEntry[]; total: number };
const pagedKinds: Record<PagedRegister, RegisterKind> = { resolutions: 'resolution', requests: 'request' };
/** Which page: `offset` entries skipped, at most `limit` given; of one committee when `committeeId` is given. */
export interface RegisterPageRequest {
  committeeId?: string | undefined;
  offset: number;
  limit: number;
}

/** A meeting's entries in each register, computed by the registers' own functions over that meeting alone. */
const registerEntries = (meeting: Meeting, committees: readonly Committee[]): Record<RegisterKind, unknown[]> => ({
  resolution: resolutionsRegister([meeting], committees),
  request: requestsRegister([meeting], committees),
  declaration: declarationEntries([meeting], committees),
  // The attendance register needs only who attended which meeting of which committee.
  attendance: [{ ...meeting, items: [] }],
});

const recordOf = (row: RecordRow): Omit<MinutesRecord, 'text'> => ({
  id: row.record_key,
  meetingId: row.meeting_id,
  itemId: row.item_id,
  committeeId: row.committee_id,
  date: row.date,
  municipalYear: row.municipal_year,
  minuteNumber: row.minute_number,
  citation: row.citation,
  title: row.title,
  hasResolution: row.has_resolution === 1,
  hasActions: row.has_actions === 1,
});

const tableCount = (db: Database.Database): number => (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;

/** Whether an error means the database is damaged (SQLite's words for a file that is not a database or whose pages do not hold together), not that a query or the disk failed. */
export const isDamagedDatabase = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) || /not a database|malformed|corrupt/i.test((error as Error).message ?? '');
};
