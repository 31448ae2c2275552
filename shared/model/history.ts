// A meeting's versions: the shapes of its history file (meetings/<id>.history.jsonl, written by
// electron/services/meetingHistory.ts) and the rule for which versions are kept. The file is JSON
// Lines: a header, then one line per saved revision holding the meeting without its items, the
// content hashes of its items in order, and only the items not already stored earlier in the file.
import { z } from 'zod';
import { Item, Meeting, MeetingStatus } from './meeting.js';

export const HISTORY_SCHEMA_VERSION = 1;

/** Bounds on a history file: larger is not one Minute Book wrote, and is set aside rather than read. */
export const HISTORY_LIMITS = {
  /** The whole file, in bytes. Compaction keeps real files far below this (a day of typing costs well under 1 MB). */
  fileBytes: 64 * 1024 * 1024,
  /** One line, in bytes: the largest line is the first, holding every item of a long meeting. */
  lineBytes: 32 * 1024 * 1024,
  lines: 100_000,
} as const;

/** How each version came to be: written by the clerk, or by the library on the clerk's behalf. */
export const VersionKind = z.enum(['created', 'saved', 'imported', 'restored', 'replaced', 'status']);
export type VersionKind = z.infer<typeof VersionKind>;

/** sha256 of the item's canonical JSON (RFC 8785), as 64 hex digits. */
export const ItemHash = z.string().regex(/^[0-9a-f]{64}$/, 'expected an item hash of 64 hex digits');

/** Line 1. `compacted` is where the file stood when it was last compacted, so the next compaction is due by growth. */
export const HistoryHeader = z.object({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  meetingId: z.uuid('not a meeting id'),
  compacted: z.object({ at: z.iso.datetime(), lines: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }).optional(),
});
export type HistoryHeader = z.infer<typeof HistoryHeader>;

/** The meeting as saved, without its items (they are stored by hash). */
export const MeetingHeader = Meeting.omit({ items: true });
export type MeetingHeader = z.infer<typeof MeetingHeader>;

/** Every line after the first: one saved revision. */
export const RevisionLine = z.object({
  revision: z.number().int().nonnegative(),
  savedAt: z.iso.datetime(),
  /** Who saved it: the user name of the computer account. */
  by: z.string().max(200),
  kind: VersionKind,
  summary: z.string().max(2000),
  status: MeetingStatus,
  header: MeetingHeader,
  items: z.array(ItemHash).min(1),
  /** The items of this revision first stored by this line, by hash. */
  blobs: z.record(ItemHash, Item),
});
export type RevisionLine = z.infer<typeof RevisionLine>;

/** One version as the version list shows it (the contract's history:list), newest first. */
export const VersionEntry = z.object({
  revision: z.number().int().nonnegative(),
  savedAt: z.iso.datetime(),
  by: z.string(),
  kind: VersionKind,
  summary: z.string(),
  status: MeetingStatus,
  /** Kept whatever its age (retention never drops it). */
  keptForever: z.boolean(),
});
export type VersionEntry = z.infer<typeof VersionEntry>;

/** What retention needs of a version. */
export type RetentionFacts = Pick<VersionEntry, 'revision' | 'savedAt' | 'kind'>;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const KINDS_KEPT_FOR_EVER: ReadonlySet<VersionKind> = new Set(['created', 'imported', 'restored', 'replaced', 'status']);
/** Kinds that replace the meeting wholesale: the version before one is what undoing it goes back to. */
const KINDS_UNDONE_BY_THE_VERSION_BEFORE: ReadonlySet<VersionKind> = new Set(['restored', 'replaced']);

/**
 * The revisions kept whatever their age: every 'created', 'imported', 'restored', 'replaced' and
 * 'status' revision; the revision just before each 'restored' or 'replaced' one (so a restore or an
 * import can always be undone by restoring it); and the latest revision.
 */
export function keptForever(entries: readonly RetentionFacts[]): Set<number> {
  const byRevision = [...entries].sort((a, b) => a.revision - b.revision);
  const kept = new Set<number>();
  byRevision.forEach((entry, index) => {
    if (KINDS_KEPT_FOR_EVER.has(entry.kind)) kept.add(entry.revision);
    const before = byRevision[index - 1];
    if (before !== undefined && KINDS_UNDONE_BY_THE_VERSION_BEFORE.has(entry.kind)) kept.add(before.revision);
  });
  const latest = byRevision.at(-1);
  if (latest !== undefined) kept.add(latest.revision);
  return kept;
}

/**
 * Which revisions a compaction keeps, as of `now` (the rule of issue 8, "Versions"):
 *   - every revision saved in the last 24 hours;
 *   - of those 24 hours to 7 days old, the last revision of each hour;
 *   - of older ones, the last revision of each day;
 *   - and for ever, whatever their age, the revisions keptForever() names.
 * "Last of its hour/day" is among all the entries given, so an hour whose last save is recent is
 * represented by that save. Hours and days are UTC, so the rule does not shift with summer time.
 * Saves dated in the future (a clock put back) count as recent. Pure; entries need not be sorted.
 */
export function retainedRevisions(entries: readonly RetentionFacts[], now: Date): Set<number> {
  const kept = keptForever(entries);
  const lastOf = (bucketMs: number) => {
    const last = new Map<number, number>();
    for (const entry of entries) {
      const bucket = Math.floor(Date.parse(entry.savedAt) / bucketMs);
      last.set(bucket, Math.max(last.get(bucket) ?? -1, entry.revision));
    }
    return last;
  };
  const lastOfHour = lastOf(HOUR_MS);
  const lastOfDay = lastOf(DAY_MS);
  for (const entry of entries) {
    const savedAt = Date.parse(entry.savedAt);
    const age = now.getTime() - savedAt;
    if (age < DAY_MS) kept.add(entry.revision);
    else if (age < 7 * DAY_MS && lastOfHour.get(Math.floor(savedAt / HOUR_MS)) === entry.revision) kept.add(entry.revision);
    else if (lastOfDay.get(Math.floor(savedAt / DAY_MS)) === entry.revision) kept.add(entry.revision);
  }
  return kept;
}
