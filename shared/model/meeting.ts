// A meeting and its agenda items, as stored on disk and passed between renderer and node side.
import { z } from 'zod';
import { Attendance } from './attendance.js';
import { Contact } from './committee.js';
import { isSafeLinkAddress, linkRule } from './linkAddress.js';
import { Lifecycle } from './lifecycle.js';

/** ProseMirror's JSON for one node; its content is checked against the minutes schema separately. */
export interface MinutesNodeJSON {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: MinutesNodeJSON[] | undefined;
  marks?: { type: string; attrs?: Record<string, unknown> | undefined }[] | undefined;
  text?: string | undefined;
}
/** A mark; a link's address must pass the one allow-list (shared/model/linkAddress.ts), so no stored meeting holds a javascript: link. */
const MarkJSON = z
  .object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() })
  .refine((mark) => mark.type !== 'link' || isSafeLinkAddress(mark.attrs?.['href']), { message: linkRule, path: ['attrs', 'href'] });

/**
 * Deepest nesting of bullets kept: Word's multilevel lists have nine levels (the DOCX export gives each
 * its own), councils rarely go past three, and the importers stop nesting at eight. The bound also keeps
 * a stored meeting well inside MAX_JSON_DEPTH.
 */
export const MAX_BULLET_DEPTH = 9;

/** How deeply bullet lists nest in a run of minutes (0 when there are none). */
export function bulletDepth(nodes: readonly MinutesNodeJSON[] | undefined): number {
  let deepest = 0;
  for (const node of nodes ?? []) deepest = Math.max(deepest, (node.type === 'bullet_list' ? 1 : 0) + bulletDepth(node.content));
  return deepest;
}

/**
 * Why a meeting's bullets cannot be stored, in the clerk's words, naming the first item (counted from
 * 1, as the agenda does) nested deeper than MAX_BULLET_DEPTH; null when every item is within it.
 */
export function bulletDepthProblem(items: readonly { minutes: readonly MinutesNodeJSON[] }[]): string | null {
  for (const [index, item] of items.entries()) {
    const depth = bulletDepth(item.minutes);
    if (depth > MAX_BULLET_DEPTH) {
      return `Item ${index + 1}: bullets are nested ${depth} levels deep; Minute Book keeps at most ${MAX_BULLET_DEPTH} — press Shift+Tab to lift them`;
    }
  }
  return null;
}

export const MinutesNodeJSON: z.ZodType<MinutesNodeJSON> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(MinutesNodeJSON).optional(),
    marks: z.array(MarkJSON).optional(),
    text: z.string().optional(),
  }),
);

export const Business = z.enum(['public', 'private']);
export type Business = z.infer<typeof Business>;

/** The heading the minutes print over a run of items: "Public Business" or "Private Business". */
export const businessHeadings: Record<Business, string> = { public: 'Public Business', private: 'Private Business' };

export const ItemDocument = z.object({
  title: z.string(),
  sizeKb: z.number().nonnegative().nullable(),
});

export const Item = z.object({
  id: z.string().min(1, 'an item needs an id'),
  /** Assigned by numbering (shared/numbering.ts) on every save of a draft; fixed once agreed. */
  minuteNumber: z.number().int().positive(),
  /**
   * The minute number exactly as the imported document printed it ("PLN84/23", "5.1", "(a)", "26/14"),
   * so that the record prints back as published even where the committee's style would write it
   * otherwise; absent for minutes numbered by Minute Book. Optional, not defaulted, so a signature or
   * archive made before it was kept keeps its hash. Dropped when numbering gives the item another number.
   */
  printedNumber: z.string().trim().min(1).max(24).optional(),
  // Drafts may have blank titles and names for a while; the exporters insist on them, storage never loses work over them.
  title: z.string(),
  /** "Briefing Note of the Director of …", "Report of …"; may be empty. */
  source: z.string(),
  business: Business,
  /** What the agenda said under the title ("a) To agree the minutes …; b) Matters Arising"). */
  agendaText: z.string(),
  documents: z.array(ItemDocument),
  /** The item's minutes: block nodes of the minutes schema. */
  minutes: z
    .array(MinutesNodeJSON)
    .min(1, 'an item needs at least one block of minutes')
    .refine((minutes) => bulletDepth(minutes) <= MAX_BULLET_DEPTH, {
      error: (issue) => `bullets are nested ${bulletDepth(issue.input as MinutesNodeJSON[])} levels deep; Minute Book keeps at most ${MAX_BULLET_DEPTH}`,
    }),
});
export type Item = z.infer<typeof Item>;

/** The steps of shared/lifecycle/transitions.ts; imported minutes are 'published' (as printed) unless Minute Book's own archive says otherwise. */
export const MeetingStatus = z.enum(['draft', 'circulated', 'agreed', 'signed', 'published']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** A time of day on the 24-hour clock, as stored ("14:00"); shown as councils print it by shared/dates.ts. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time such as 14:00');
const clockTime = ClockTime;

/** "The meeting adjourned at 3.10 pm and reconvened at 3.25 pm": `to` is null when it did not resume. */
export const Adjournment = z.object({
  from: clockTime,
  to: clockTime.nullable(),
  /** Why, as the minutes give it ("for a comfort break"); '' when not given. */
  note: z.string(),
});
export type Adjournment = z.infer<typeof Adjournment>;

/** Lines of a report kept with an imported meeting; the rest are counted in a warning (shared/import keptReport). */
export const MOST_REPORT_LINES = 1000;

/**
 * What an import could not place and what it took as given, kept with the meeting so the clerk can
 * see it from there: the lines not placed (numbered as in the file), the warnings (links removed,
 * running headers left out) and the guesses (a date the clerk gave, a start time not printed).
 */
export const ImportReportRecord = z.object({
  unplaced: z.array(z.object({ line: z.number().int().nonnegative(), text: z.string().max(2000) })).max(MOST_REPORT_LINES),
  warnings: z.array(z.string().max(2000)).max(MOST_REPORT_LINES + 1),
  guesses: z.array(z.string().max(2000)).max(MOST_REPORT_LINES),
});
export type ImportReportRecord = z.infer<typeof ImportReportRecord>;

export const Meeting = z.object({
  id: z.uuid('not a meeting id'),
  committeeId: z.uuid('not a committee id'),
  date: z.iso.date('expected a date such as 2017-07-13'),
  /**
   * When the meeting began; null when the published minutes it was imported from do not say (a single
   * item's page, many parish minutes), so it is never shown as midnight. Meetings drafted here have one.
   */
  startTime: clockTime.nullable(),
  closingTime: clockTime.nullable(),
  /**
   * Adjournments in the order they happened. Absent in meetings written before schema version 2 (read
   * as none, `adjournmentsOf`): optional, not defaulted, so a signature or archive made before keeps
   * the content hash it was made with.
   */
  adjournments: z.array(Adjournment).optional(),
  venue: z.string(),
  contact: Contact,
  attendance: Attendance,
  status: MeetingStatus,
  /** Set by the clerk when the earlier meetings of this municipal year are not in the library. */
  firstMinuteNumber: z.number().int().positive().nullable(),
  items: z.array(Item).min(1, 'a meeting needs at least one item'),
  /** Where an imported meeting came from; absent for minutes drafted in Minute Book. Imported meetings open read-only. */
  importedFrom: z
    .object({ file: z.string(), form: z.string(), importedAt: z.iso.datetime(), report: ImportReportRecord.optional() })
    .optional(),
  /**
   * Who circulated, agreed and signed it and when, the corrections and suggestions, the signature.
   * Absent in meetings written before lifecycles were kept (read as emptyLifecycle()): optional, not
   * defaulted, so an archive made before keeps the content hash it was made with.
   */
  lifecycle: z.lazy(() => Lifecycle).optional(),
  /** Increases on every save; a save based on an older revision is refused rather than lost silently. */
  revision: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
});
export type Meeting = z.infer<typeof Meeting>;

/** A meeting's adjournments; none for a meeting written before they were kept. */
export const adjournmentsOf = (meeting: Pick<Meeting, 'adjournments'>): Adjournment[] => meeting.adjournments ?? [];

/** What the library index keeps about each meeting, so the sidebar never opens every file. */
export const MeetingSummary = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  date: z.iso.date(),
  startTime: clockTime.nullable(),
  status: MeetingStatus,
  itemCount: z.number().int().nonnegative(),
  firstMinuteNumber: z.number().int().positive(),
  lastMinuteNumber: z.number().int().positive(),
  // Defaults keep index files written before imports existed readable.
  imported: z.boolean().default(false),
  signed: z.boolean().default(false),
  /** Signed minutes recorded as published (Lifecycle.published). */
  published: z.boolean().default(false),
  /** The later meeting that agreed these minutes (Lifecycle.agreed.meetingId), whose date they record; null until agreed. */
  agreedAt: z.uuid().nullable().default(null),
  /** The clerk's warning when a signed meeting's file no longer matches its signature, else null. */
  tampered: z.string().nullable().default(null),
  /** A signed meeting's place in its committee's chain (shared/lifecycle/signature.ts), so opening the library checks the chain from the index. */
  chain: z.object({ previousHash: z.string().nullable(), chainHash: z.string(), covers: z.string().optional() }).nullable().default(null),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

/** What the library lists about a meeting; `tampered` is the library's to set, after checking the signature (shared/lifecycle/signature.ts). */
export function summarise(meeting: Meeting): MeetingSummary {
  const signature = meeting.lifecycle?.signed ?? null;
  const first = meeting.items[0]?.minuteNumber ?? 1;
  const last = meeting.items.at(-1)?.minuteNumber ?? first;
  return {
    id: meeting.id,
    committeeId: meeting.committeeId,
    date: meeting.date,
    startTime: meeting.startTime,
    status: meeting.status,
    itemCount: meeting.items.length,
    firstMinuteNumber: first,
    lastMinuteNumber: last,
    imported: meeting.importedFrom !== undefined,
    signed: signature !== null,
    published: meeting.lifecycle?.published !== undefined,
    agreedAt: meeting.lifecycle?.agreed?.meetingId ?? null,
    tampered: null,
    chain: signature === null ? null : { previousHash: signature.previousHash, chainHash: signature.chainHash, ...(signature.covers === undefined ? {} : { covers: signature.covers }) },
  };
}
