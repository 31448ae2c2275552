// Full-text search over the library's minutes: what goes into the index and what comes out of it. One
// record per agenda item, so a result is a minute the clerk can open and cite; plus one record per
// meeting for its attendance (see `attendanceRecord`). The index itself is an SQLite FTS5 table on the
// node side (electron/services/searchDatabase.ts); this module is pure: the records a meeting gives,
// the fields' weights, and the shaping of a ranked row into a result with its marked snippet.
import { attendanceGroups } from '../attendanceText.js';
import type { Committee } from '../model/committee.js';
import type { Item, Meeting } from '../model/meeting.js';
import { municipalYearOf } from '../numbering.js';
import { itemKey, placeCitation } from './citation.js';
import { itemWording, resolutionText } from './minutesText.js';

export const searchFields = ['title', 'source', 'minutes', 'resolutions', 'actions', 'declarations', 'attendance'] as const;
/** Where in a minute the words were found. `actions` are the requests for information. */
export type SearchField = (typeof searchFields)[number];

/**
 * A title match outranks body matches (the clerk searches for the item they remember); decisions are
 * what is searched for most, so resolutions come next, then what the committee asked for. FTS5's bm25
 * adds up each field's matches times its weight, so a title word must weigh as much as a body that
 * says the word many times: hence 10, not the 3 a per-field score would need.
 */
export const fieldWeights: Record<SearchField, number> = { title: 10, resolutions: 1.5, actions: 1.2, source: 1, minutes: 1, declarations: 1, attendance: 1 };

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
  /** bm25, higher is better, comparable within one search; 0 for a hit listed newest first, its words being too common to rank by. */
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

/** One record of the index: everything a result shows, and the text its words are found in. */
export interface MinutesRecord {
  /** `itemKey(meetingId, itemId)`, or "<meetingId>#attendance". */
  id: string;
  meetingId: string;
  itemId: string | null;
  committeeId: string;
  date: string;
  municipalYear: number;
  minuteNumber: number | null;
  /** How other minutes cite the item ("59/16", "EX23", "26/14": shared/search/citation.ts placeCitation); null for the attendance record. */
  citation: string | null;
  title: string;
  hasResolution: boolean;
  hasActions: boolean;
  /** The body fields' text; empty fields are left out. */
  text: Partial<Record<Exclude<SearchField, 'title'>, string>>;
}

/** The words as the index's tokenizer splits them (on whitespace and punctuation, so "Children’s" gives "children"), for marking snippets. */
const wordPattern = /[^\n\r\p{Z}\p{P}]+/gu;
/** Case and accents do not matter: "Zoë" finds "Zoe". */
export const normaliseWord = (word: string): string => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function itemRecord(meeting: Meeting, item: Item, municipalYear: number, committee: Committee): MinutesRecord {
  const wording = itemWording(item);
  const bodies: [keyof MinutesRecord['text'], string][] = [
    ['source', item.source],
    ['minutes', wording.narrative.join('\n')],
    ['resolutions', wording.resolutions.map(resolutionText).join('\n')],
    ['actions', wording.requests.map((request) => (request.askedOf === '' ? request.asked : `${request.asked} (asked of ${request.askedOf})`)).join('\n')],
    ['declarations', wording.declarations.map((declaration) => declaration.sentence).join('\n')],
  ];
  const text: MinutesRecord['text'] = Object.fromEntries(bodies.filter(([, body]) => body.trim() !== ''));
  return {
    id: itemKey(meeting.id, item.id),
    meetingId: meeting.id,
    itemId: item.id,
    committeeId: meeting.committeeId,
    date: meeting.date,
    municipalYear,
    minuteNumber: item.minuteNumber,
    citation: placeCitation(meeting, item, committee),
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
function attendanceRecord(meeting: Meeting, municipalYear: number): MinutesRecord | null {
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
    citation: null,
    title: 'Attendance',
    hasResolution: false,
    hasActions: false,
    text: { attendance },
  };
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

/** The records of one meeting: one per agenda item, and one for its attendance when it was taken. */
export function meetingRecords(meeting: Meeting, committee: Committee): MinutesRecord[] {
  const municipalYear = municipalYearOf(meeting.date, committee.municipalYearStartMonth);
  const records = meeting.items.map((item) => itemRecord(meeting, item, municipalYear, committee));
  const attendance = attendanceRecord(meeting, municipalYear);
  if (attendance !== null) records.push(attendance);
  return records;
}

/**
 * The characters that FTS5's highlight() puts around matched words. Control characters never reach a
 * record: every string read from disk or the window is cleaned of them (shared/model/wellFormedText.ts).
 */
export const HIT_OPEN = '\u0002';
export const HIT_CLOSE = '\u0003';
const markedPattern = new RegExp(`${HIT_OPEN}([^${HIT_CLOSE}]*)${HIT_CLOSE}`, 'gu');

/** A ranked row as the database gives it: the record, its score (higher is better), and each field's text with the matches marked (null when empty). */
export interface RankedRecord {
  record: Omit<MinutesRecord, 'text'>;
  score: number;
  marked: Record<SearchField, string | null>;
}

/** The words marked in a highlighted text, normalised; a marked phrase gives each of its words. */
function markedWords(marked: string | null): Set<string> {
  const hits = new Set<string>();
  for (const match of (marked ?? '').matchAll(markedPattern)) for (const word of match[1]!.match(wordPattern) ?? []) hits.add(normaliseWord(word));
  return hits;
}

/** The field with most distinct matched words, weighted as ranked; ties go to the earlier of `fields`. */
function bestField(hits: ReadonlyMap<SearchField, Set<string>>, fields: readonly SearchField[]): SearchField | null {
  const weight = (field: SearchField) => (hits.get(field)?.size ?? 0) * fieldWeights[field];
  let best: SearchField | null = null;
  for (const field of fields) if (weight(field) > 0 && (best === null || weight(field) > weight(best))) best = field;
  return best;
}

/**
 * A result from a ranked row. `fields` are those searched (all, or only resolutions or requests): the
 * hit says which of them matched best, and its snippet comes from that field — from the best body
 * field when the title matched best, since the title is shown anyway.
 */
export function searchHit(row: RankedRecord, fields: readonly SearchField[]): SearchHit {
  const { record } = row;
  const hits = new Map(fields.map((field) => [field, markedWords(row.marked[field])]));
  const matchedIn = bestField(hits, fields) ?? fields[0]!;
  const snippetField = matchedIn === 'title' ? (bestField(hits, fields.filter((field) => field !== 'title')) ?? 'title') : matchedIn;
  const snippetText = (row.marked[snippetField] ?? '').replaceAll(HIT_OPEN, '').replaceAll(HIT_CLOSE, '');
  const common: HitCommon = {
    meetingId: record.meetingId,
    committeeId: record.committeeId,
    date: record.date,
    municipalYear: record.municipalYear,
    score: row.score,
    matchedIn,
    hasResolution: record.hasResolution,
    hasActions: record.hasActions,
    snippet: snippetOf(snippetText, hits.get(snippetField) ?? new Set()),
  };
  return record.itemId === null || record.minuteNumber === null || record.citation === null
    ? { ...common, itemId: null, minuteNumber: null, citation: null, title: record.title }
    : {
        ...common,
        itemId: record.itemId,
        minuteNumber: record.minuteNumber,
        citation: record.citation,
        title: record.title,
      };
}
