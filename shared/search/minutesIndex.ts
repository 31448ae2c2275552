// Full-text search over the library's minutes, on MiniSearch (BM25+, prefix and fuzzy matching). One
// record per agenda item, so a result is a minute the clerk can open and cite; plus one record per
// meeting for its attendance (see `attendanceRecord`). The index keeps each record's text, so results
// come with a highlighted snippet without opening any meeting file, and it saves to JSON with a format
// version, so start-up loads it instead of rebuilding it.
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { z } from 'zod';
import { attendanceGroups } from '../attendanceText.js';
import type { Committee } from '../model/committee.js';
import type { Item, Meeting } from '../model/meeting.js';
import { minuteCitation, municipalYearOf } from '../numbering.js';
import { committeeOfMeeting, itemKey } from './citation.js';
import { itemWording, resolutionText } from './minutesText.js';

export const searchFields = ['title', 'source', 'minutes', 'resolutions', 'actions', 'declarations', 'attendance'] as const;
/** Where in a minute the words were found. `actions` are the requests for information. */
export type SearchField = (typeof searchFields)[number];

/**
 * A title match outranks any body match (the clerk searches for the item they remember); decisions are
 * what is searched for most, so resolutions come next, then what the committee asked for.
 */
const boosts: Record<SearchField, number> = { title: 3, resolutions: 1.5, actions: 1.2, source: 1, minutes: 1, declarations: 1, attendance: 1 };

export interface SearchFilters {
  committeeId?: string;
  /** The calendar year the municipal year began: 2016 for 2016/17. */
  municipalYear?: number;
  /** ISO dates, both inclusive. */
  from?: string;
  to?: string;
  /** Search only the resolutions, or only the requests for information. */
  only?: 'resolutions' | 'actions';
}

/** A piece of a snippet; `hit` pieces are the matched words, for the UI to wrap in <mark>. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

interface HitCommon {
  meetingId: string;
  committeeId: string;
  date: string;
  municipalYear: number;
  score: number;
  /** The field with most matched words (weighted as ranked). */
  matchedIn: SearchField;
  hasResolution: boolean;
  /** Whether the item minuted requests for information. */
  hasActions: boolean;
  /** About 30 words around the first matches. From the best-matching body field when the title matched best, since the title is shown anyway. */
  snippet: SnippetSegment[];
}

export type SearchHit = HitCommon &
  (
    | { itemId: string; minuteNumber: number; citation: string; title: string }
    /** The meeting's attendance record; its title is "Attendance". */
    | { itemId: null; minuteNumber: null; citation: null; title: string }
  );

/** What a record stores besides its id: everything a result shows, and the text its snippet is cut from. */
interface StoredRecord {
  meetingId: string;
  itemId: string | null;
  committeeId: string;
  date: string;
  municipalYear: number;
  minuteNumber: number | null;
  title: string;
  hasResolution: boolean;
  hasActions: boolean;
  /** The body fields' text; empty fields are left out to keep the saved index small. */
  text: Partial<Record<SearchField, string>>;
}

interface IndexedRecord extends StoredRecord {
  id: string;
}

const storedFields: (keyof StoredRecord)[] = [
  'meetingId',
  'itemId',
  'committeeId',
  'date',
  'municipalYear',
  'minuteNumber',
  'title',
  'hasResolution',
  'hasActions',
  'text',
];

/**
 * MiniSearch's own word pattern (split on whitespace and punctuation, so "Children’s" gives "children"),
 * written out here because snippets must find the same words the index holds.
 */
const wordPattern = /[^\n\r\p{Z}\p{P}]+/gu;
const words = (text: string): string[] => text.match(wordPattern) ?? [];
/** Case and accents do not matter: "Zoë" finds "Zoe". */
const normaliseWord = (word: string): string => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const isSearchField = (field: string): field is SearchField => (searchFields as readonly string[]).includes(field);

// Changing the options changes what the saved index means: bump the version with them.
const FORMAT = 'minute-book/minutes-index';
const VERSION = 1;
const engineOptions: Options<IndexedRecord> = {
  fields: [...searchFields],
  storeFields: storedFields,
  extractField: (record, field) => (field === 'title' || !isSearchField(field) ? record[field as keyof IndexedRecord] : record.text[field]),
  tokenize: words,
  processTerm: normaliseWord,
};

/** What `toJSON` gives and `fromJSON` takes. */
export interface SavedMinutesIndex {
  format: typeof FORMAT;
  version: number;
  /** Each meeting's record ids, so a meeting can be replaced or removed without its old text. */
  records: Record<string, string[]>;
  engine: AsPlainObject;
}

const SavedMinutesIndex = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  records: z.record(z.string(), z.array(z.string())),
  engine: z.custom<AsPlainObject>((value) => typeof value === 'object' && value !== null),
});

function itemRecord(meeting: Meeting, item: Item, municipalYear: number): IndexedRecord {
  const wording = itemWording(item);
  const bodies: [SearchField, string][] = [
    ['source', item.source],
    ['minutes', wording.narrative.join('\n')],
    ['resolutions', wording.resolutions.map(resolutionText).join('\n')],
    ['actions', wording.requests.map((request) => (request.askedOf === '' ? request.asked : `${request.asked} (asked of ${request.askedOf})`)).join('\n')],
    ['declarations', wording.declarations.map((declaration) => declaration.sentence).join('\n')],
  ];
  const text: StoredRecord['text'] = Object.fromEntries(bodies.filter(([, body]) => body.trim() !== ''));
  return {
    id: itemKey(meeting.id, item.id),
    meetingId: meeting.id,
    itemId: item.id,
    committeeId: meeting.committeeId,
    date: meeting.date,
    municipalYear,
    minuteNumber: item.minuteNumber,
    title: item.title,
    hasResolution: wording.resolutions.length > 0,
    hasActions: wording.requests.length > 0,
    text,
  };
}

/**
 * Attendance goes in one record per meeting rather than on every item: "Innes" should find the meetings
 * she attended once each, not every item of them, and repeating the lists on each item would multiply
 * their share of the index by the number of items. The id uses '#', which `itemKey` never produces.
 */
function attendanceRecord(meeting: Meeting, municipalYear: number): IndexedRecord | null {
  const attendance = attendanceGroups(meeting.attendance)
    .map((group) => `${group.heading}: ${group.entries.join(', ')}`)
    .join('\n');
  if (attendance === '') return null;
  return {
    id: `${meeting.id}#attendance`,
    meetingId: meeting.id,
    itemId: null,
    committeeId: meeting.committeeId,
    date: meeting.date,
    municipalYear,
    minuteNumber: null,
    title: 'Attendance',
    hasResolution: false,
    hasActions: false,
    text: { attendance },
  };
}

const passesFilters = (record: StoredRecord, filters: SearchFilters): boolean =>
  (filters.committeeId === undefined || record.committeeId === filters.committeeId) &&
  (filters.municipalYear === undefined || record.municipalYear === filters.municipalYear) &&
  (filters.from === undefined || record.date >= filters.from) &&
  (filters.to === undefined || record.date <= filters.to);

/** The field with most matched words, weighted as ranked; ties go to the earlier of `fields`. */
function bestField(match: SearchResult['match'], fields: readonly SearchField[]): SearchField | null {
  const weight = (field: SearchField) => Object.values(match).filter((inFields) => inFields.includes(field)).length * boosts[field];
  let best: SearchField | null = null;
  for (const field of fields) if (weight(field) > 0 && (best === null || weight(field) > weight(best))) best = field;
  return best;
}

const snippetWords = 30;
/** Words shown before the first hit, so it is read in context. */
const leadingWords = 6;
const tidy = (text: string): string => text.replace(/\s+/g, ' ');

/** About 30 words of `text` around the first word in `hits` (normalised words), the hits marked. */
export function snippetOf(text: string, hits: ReadonlySet<string>): SnippetSegment[] {
  const found = [...text.matchAll(wordPattern)];
  const first = Math.max(0, found.findIndex((word) => hits.has(normaliseWord(word[0]))));
  const start = Math.max(0, Math.min(first - leadingWords, found.length - snippetWords));
  const end = Math.min(found.length, start + snippetWords);
  const segments: SnippetSegment[] = [];
  const add = (piece: string, hit: boolean) => {
    const last = segments.at(-1);
    if (last !== undefined && !last.hit && !hit) last.text += piece;
    else if (piece !== '') segments.push({ text: piece, hit });
  };
  let at = start === 0 ? 0 : (found[start]?.index ?? 0);
  if (start > 0) add('… ', false);
  for (const word of found.slice(start, end)) {
    add(tidy(text.slice(at, word.index)), false);
    add(word[0], hits.has(normaliseWord(word[0])));
    at = word.index + word[0].length;
  }
  // Keep the punctuation that closes the last word ("carers."), then say whether the text goes on.
  const rest = text.slice(at);
  add(end < found.length ? `${/^\S*/.exec(rest)?.[0] ?? ''} …` : tidy(rest).trimEnd(), false);
  return segments;
}

export class MinutesIndex {
  private constructor(
    private readonly engine: MiniSearch<IndexedRecord>,
    /** Each meeting's record ids. */
    private readonly records: Map<string, string[]>,
  ) {}

  static build(meetings: readonly Meeting[], committees: readonly Committee[]): MinutesIndex {
    const index = new MinutesIndex(new MiniSearch(engineOptions), new Map());
    const committeeOf = committeeOfMeeting(committees);
    for (const meeting of meetings) index.addMeeting(meeting, committeeOf(meeting));
    return index;
  }

  /** The saved index, or null when it cannot be used (another format version, damaged): build afresh then. */
  static fromJSON(json: unknown): MinutesIndex | null {
    const saved = SavedMinutesIndex.safeParse(json);
    if (!saved.success) return null;
    try {
      return new MinutesIndex(MiniSearch.loadJS(saved.data.engine, engineOptions), new Map(Object.entries(saved.data.records)));
    } catch {
      // MiniSearch refuses indexes saved by an incompatible version of itself.
      return null;
    }
  }

  /** The meetings the index holds, so a saved index can be brought up to date with the library. */
  indexedMeetings(): string[] {
    return [...this.records.keys()];
  }

  toJSON(): SavedMinutesIndex {
    return { format: FORMAT, version: VERSION, records: Object.fromEntries(this.records), engine: this.engine.toJSON() };
  }

  addMeeting(meeting: Meeting, committee: Committee): void {
    if (this.records.has(meeting.id)) throw new Error(`The meeting of ${meeting.date} is already indexed: replace it instead.`);
    const municipalYear = municipalYearOf(meeting.date, committee.municipalYearStartMonth);
    const records = meeting.items.map((item) => itemRecord(meeting, item, municipalYear));
    const attendance = attendanceRecord(meeting, municipalYear);
    if (attendance !== null) records.push(attendance);
    this.engine.addAll(records);
    this.records.set(meeting.id, records.map((record) => record.id));
  }

  /** After every save: the meeting's records are replaced whole, since items come and go between saves. */
  replaceMeeting(meeting: Meeting, committee: Committee): void {
    this.removeMeeting(meeting.id);
    this.addMeeting(meeting, committee);
  }

  removeMeeting(meetingId: string): void {
    // discard() needs only the ids; MiniSearch cleans up the stale postings later, in the background.
    this.engine.discardAll(this.records.get(meetingId) ?? []);
    this.records.delete(meetingId);
  }

  /**
   * Ranked results, best first. Every word must match; when that finds nothing, any word may, so one
   * misremembered word does not empty the list. The last word is matched as a prefix while it is being
   * typed (no trailing space), and longer words forgive a typo or two.
   */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchHit[] {
    const fields: readonly SearchField[] = filters.only === undefined ? searchFields : [filters.only];
    const typingLastWord = !/\s$/.test(query);
    const options: SearchOptions = {
      fields: [...fields],
      boost: boosts,
      prefix: (term, index, terms) => typingLastWord && index === terms.length - 1 && term.length >= 2,
      fuzzy: (term) => (term.length >= 10 ? 2 : term.length >= 5 ? 1 : false),
      filter: (result) => passesFilters(result as unknown as StoredRecord, filters),
    };
    const allWords = this.engine.search(query, { ...options, combineWith: 'AND' });
    const results = allWords.length > 0 ? allWords : this.engine.search(query, { ...options, combineWith: 'OR' });
    return results.slice(0, limit).map((result) => toHit(result, fields));
  }
}

function toHit(result: SearchResult, fields: readonly SearchField[]): SearchHit {
  const record = result as unknown as StoredRecord;
  const matchedIn = bestField(result.match, fields) ?? fields[0]!;
  const snippetField = matchedIn === 'title' ? (bestField(result.match, fields.filter((field) => field !== 'title')) ?? 'title') : matchedIn;
  const hits = new Set(Object.keys(result.match).filter((term) => result.match[term]?.includes(snippetField)));
  const snippetText = snippetField === 'title' ? record.title : (record.text[snippetField] ?? '');
  const common: HitCommon = {
    meetingId: record.meetingId,
    committeeId: record.committeeId,
    date: record.date,
    municipalYear: record.municipalYear,
    score: result.score,
    matchedIn,
    hasResolution: record.hasResolution,
    hasActions: record.hasActions,
    snippet: snippetOf(snippetText, hits),
  };
  return record.itemId === null || record.minuteNumber === null
    ? { ...common, itemId: null, minuteNumber: null, citation: null, title: record.title }
    : {
        ...common,
        itemId: record.itemId,
        minuteNumber: record.minuteNumber,
        citation: minuteCitation(record.minuteNumber, record.municipalYear),
        title: record.title,
      };
}
