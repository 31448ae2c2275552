// Minute references: "Further to Minute 59/16 the Scrutiny Board noted …". Finds every citation in the
// library's minutes (minute_reference nodes, "Minute 59/16" or "Minutes 12/21 and 14/21" typed as plain
// text, and the minute an amendment replaces), resolves each within the citing meeting's committee, and
// answers both ways: which earlier minutes an item cites, and which later minutes cite it.
import { minutesOutline, type BulletItem, type OutlineBlock, type Span } from '../export/outline.js';
import type { Committee } from '../model/committee.js';
import type { Item, Meeting, MinutesNodeJSON } from '../model/meeting.js';
import { citationToResolve, citedMinuteInTextSource, municipalYearOf, normaliseCitedMinute } from '../numbering.js';
import { committeeOfMeeting, itemKey, minutePlace, newestFirst, normaliseCitation, type MinutePlace } from './citation.js';

export interface CitedMinute {
  /** "59/16". */
  citation: string;
  /** null when the minute is not in this library (an earlier year not imported, or a mistyped number). */
  minute: MinutePlace | null;
}

export interface MinuteReferences {
  /**
   * The minute `citation` ("59/16") names in the committee's minutes, or null. Where the committee
   * numbers items afresh at each meeting, several minutes share a citation: a citation points back, so
   * the latest held on or before `asOf` (the citing meeting's date) is the one meant.
   */
  resolve(citation: string, committeeId: string, asOf?: string): MinutePlace | null;
  /** The minutes the item (`itemKey`) cites, in the order it cites them, resolved or not. */
  cites(itemKey: string): CitedMinute[];
  /** The minutes that cite the item, oldest first. */
  citedBy(itemKey: string): MinutePlace[];
}

/**
 * "Minute 59/16", "Minutes 12/21, 13/21 and 15/21", "Minute No. 46/23", "minute no.116/20", "Minute EX14",
 * "Minute PLN84/23", "Minute 59/2016", "(Minute 61/25 refers)", "Minute No. 45", "Minute 41 below": the
 * citations typed as plain words (citedMinuteInTextSource).
 */
const citedInText = new RegExp(String.raw`\bMinutes?\s+(?:No\.?\s*)?(${citedMinuteInTextSource}(?:\s*(?:,|and|&)\s*${citedMinuteInTextSource})*)`, 'gi');
const oneCitation = new RegExp(citedMinuteInTextSource, 'gi');

const bulletSpans = (items: readonly BulletItem[]): Span[][] => items.flatMap((item) => [item.spans, ...bulletSpans(item.children)]);

/** The runs of text in a block: each paragraph, bullet, preamble or part. */
function spanRuns(block: OutlineBlock): Span[][] {
  switch (block.kind) {
    case 'paragraph':
      return [block.spans];
    case 'bullets':
      return bulletSpans(block.items);
    case 'quote':
    case 'motion':
      return block.blocks.flatMap(spanRuns);
    case 'resolution':
      return [block.preamble, ...block.body.flatMap((entry) => (entry.kind === 'bullets' ? bulletSpans(entry.items) : [entry.spans, ...bulletSpans(entry.bullets)]))];
  }
}

function citationsInSpans(spans: readonly Span[]): string[] {
  const found: string[] = [];
  // Plain text is read a run at a time between references, so "Minute " in one span and "59/16" in a
  // bold one still count, and a reference node's own "Minute 59/16" text is not counted twice.
  let text = '';
  const readText = () => {
    for (const [, list] of text.matchAll(citedInText)) found.push(...(list?.match(oneCitation) ?? []));
    text = '';
  };
  for (const span of spans) {
    if (span.minute === null) {
      text += span.text;
    } else {
      readText();
      found.push(span.minute);
    }
  }
  readText();
  return found;
}

/** The items the declarations in a block name, as written ("26/14", "5"). */
const declaredItems = (node: MinutesNodeJSON): string[] =>
  node.type === 'declaration' ? [String(node.attrs?.['item'] ?? '')] : (node.content ?? []).flatMap(declaredItems);

/** The distinct citations in an item's minutes ("59/16"), in order of first appearance. */
export function citationsIn(item: Item): string[] {
  const found: string[] = [];
  for (const node of item.minutes) {
    // The outline prints an amendment's replacement text but not which minute it replaces.
    if (node.type === 'minutes_approval') {
      for (const child of node.content ?? []) if (child.type === 'amendment') found.push(String(child.attrs?.['minute'] ?? ''));
    }
    // A declaration "in minute 26/14" names the minute it is about: a citation when it has its year or
    // prefix, or when it is named as a minute ("Minute 74"); "item 6" is the agenda's number.
    for (const declared of declaredItems(node)) {
      const minute = declared.replace(/^minutes?\s+(?:no\.?\s*)?/i, '');
      if (minute !== declared || normaliseCitation(minute) !== null) found.push(minute);
    }
    for (const block of minutesOutline([node])) for (const run of spanRuns(block)) found.push(...citationsInSpans(run));
  }
  return [...new Set(found.map(normaliseCitedMinute).filter((citation) => citation !== null))];
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function buildReferenceIndex(meetings: readonly Meeting[], committees: readonly Committee[]): MinuteReferences {
  const committeeOf = committeeOfMeeting(committees);
  const oldestFirst = newestFirst(meetings).reverse();

  // "committeeId 59/16" → the minutes with that citation, oldest first.
  const minutesByCitation = new Map<string, MinutePlace[]>();
  for (const meeting of oldestFirst) {
    const committee = committeeOf(meeting);
    for (const item of meeting.items) {
      const place = minutePlace(meeting, item, committee);
      append(minutesByCitation, `${place.committeeId} ${place.citation}`, place);
    }
  }

  // "committeeId 45" → the minutes numbered 45, oldest first: a bare "Minute 45" names the one of the citing meeting's municipal year.
  const minutesByNumber = new Map<string, MinutePlace[]>();
  for (const places of minutesByCitation.values()) for (const place of places) append(minutesByNumber, `${place.committeeId} ${place.minuteNumber}`, place);
  const startMonthOf = new Map(committees.map((committee) => [committee.id, committee.municipalYearStartMonth]));

  const resolve = (citation: string, committeeId: string, asOf?: string): MinutePlace | null => {
    const wanted = citationToResolve(citation);
    if (wanted !== null && 'minuteNumber' in wanted) {
      const startMonth = startMonthOf.get(committeeId);
      if (asOf === undefined || startMonth === undefined) return null;
      const year = municipalYearOf(asOf, startMonth);
      // A sub-item shares its item's number: the item itself, printed first, is the one meant.
      const inYear = (minutesByNumber.get(`${committeeId} ${wanted.minuteNumber}`) ?? []).filter((place) => municipalYearOf(place.date, startMonth) === year && place.date <= asOf);
      const latest = inYear.at(-1);
      return inYear.find((place) => place.meetingId === latest?.meetingId) ?? null;
    }
    const candidates = wanted === null ? [] : (minutesByCitation.get(`${committeeId} ${wanted.citation}`) ?? []);
    const heldBefore = asOf === undefined ? candidates : candidates.filter((place) => place.date <= asOf);
    return (heldBefore.length > 0 ? heldBefore : candidates).at(-1) ?? null;
  };

  const cites = new Map<string, CitedMinute[]>();
  const citedBy = new Map<string, MinutePlace[]>();
  for (const meeting of oldestFirst) {
    const committee = committeeOf(meeting);
    for (const item of meeting.items) {
      const place = minutePlace(meeting, item, committee);
      const key = itemKey(meeting.id, item.id);
      const cited = citationsIn(item)
        .map((citation) => ({ citation, minute: resolve(citation, meeting.committeeId, meeting.date) }))
        // An item's own number in its text ("this Minute 5/17") is not a reference to another minute.
        .filter(({ minute }) => minute === null || itemKey(minute.meetingId, minute.itemId) !== key);
      if (cited.length > 0) cites.set(key, cited);
      for (const { minute } of cited) {
        if (minute !== null) append(citedBy, itemKey(minute.meetingId, minute.itemId), place);
      }
    }
  }

  return {
    resolve,
    cites: (key) => cites.get(key) ?? [],
    citedBy: (key) => citedBy.get(key) ?? [],
  };
}
