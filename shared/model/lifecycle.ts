// The life of a set of minutes (DOMAIN.md, "Life of a set of minutes"): drafted → circulated → agreed
// at a later meeting → signed by the Chair (→ published). Each step is recorded with who and when; an
// amendment agreed at the later meeting is a recorded correction, never a silent edit; the signature
// holds the content hash that makes a later change to the file evident (shared/lifecycle/signature.ts).
import { z } from 'zod';
import { requestStatuses } from '../editor/schema.js';
import { StoredNumberingStyle } from './committee.js';
import { Item } from './meeting.js';

// meeting.ts holds a Lifecycle and a Correction holds Items: the lazy reference lets either module load first.
const ItemRef = z.lazy(() => Item);

/** sha256-<64 hex digits>, as the JSON archive writes its content hashes. */
export const Sha256 = z.string().regex(/^sha256-[0-9a-f]{64}$/, 'expected sha256-<64 hex digits>');

export const LifecycleStepName = z.enum(['circulated', 'returned-to-draft', 'agreed', 'signed', 'published']);
export type LifecycleStepName = z.infer<typeof LifecycleStepName>;

const clerkName = z.string().min(1).max(200);

export const LifecycleStep = z.object({
  step: LifecycleStepName,
  at: z.iso.datetime(),
  /** The clerk's name from the library's preferences. */
  by: clerkName,
  /** The warnings of the checks the clerk confirmed to take this step, as `code:itemId` (`code:` for the whole meeting). */
  warningsConfirmed: z.array(z.string().max(300)).max(1000),
  /** Why, where the clerk was asked (going back to draft); absent otherwise, and in steps recorded before it was asked. */
  reason: z.string().max(1000).optional(),
});
export type LifecycleStep = z.infer<typeof LifecycleStep>;

/** Agreed as a true record at a later meeting of the committee: "agreed at the meeting of 13 July 2017, Minute 6/17". */
export const Agreement = z.object({
  at: z.iso.datetime(),
  by: clerkName,
  /** The approving (later) meeting. */
  meetingId: z.uuid(),
  meetingDate: z.iso.date(),
  /** The approving meeting's minute, as it numbers it ("6/17"). */
  minute: z.string().min(1).max(20),
  /** Agreed subject to amendments (each a Correction). */
  amended: z.boolean(),
});
export type Agreement = z.infer<typeof Agreement>;

export const Signature = z.object({
  at: z.iso.datetime(),
  by: clerkName,
  /** "Councillor J Innes". */
  chair: z.string().min(1).max(200),
  signedOn: z.iso.date(),
  /** The hash of the record as signed (signedContentHash in shared/lifecycle/signature.ts). */
  contentHash: Sha256,
  /** The chainHash of the committee's previous signed meeting by date; null for its first. */
  previousHash: Sha256.nullable(),
  /** sha256 over previousHash and contentHash: each signed meeting vouches for all before it. */
  chainHash: Sha256,
  /**
   * What contentHash covers (signedContentHash): 'record' is the minutes and their lifecycle, not where a
   * library keeps them (the meeting's and committee's ids, the file it was imported from), so a
   * published archive re-imported into another library still verifies. Absent in signatures made before
   * it was kept, which cover the whole meeting but the signature. 'signed-record' is the record and
   * who signed it and when (chair, signedOn, by, at), so the signature's own words cannot be changed
   * without the hash failing: every signature made now.
   */
  covers: z.enum(['record', 'signed-record']).optional(),
});
export type Signature = z.infer<typeof Signature>;

/** An amendment agreed at a later meeting, applied to the item: the corrected item is the one saved, the original stays in the history too. */
export const Correction = z.object({
  itemId: z.string().min(1),
  at: z.iso.datetime(),
  by: clerkName,
  /** The approving meeting and its minute. */
  meetingId: z.uuid(),
  minute: z.string().min(1).max(20),
  /** "Amended by Minute 6/17": shown with the item. */
  note: z.string().max(300),
  before: ItemRef,
  after: ItemRef,
});
export type Correction = z.infer<typeof Correction>;

/** A member's suggested correction to circulated minutes: a note against the item, the text unchanged. */
export const SuggestedCorrection = z.object({
  id: z.string().min(1).max(100),
  itemId: z.string().min(1),
  at: z.iso.datetime(),
  /** The member who suggested it. */
  by: z.string().min(1).max(200),
  text: z.string().min(1).max(10_000),
});
export type SuggestedCorrection = z.infer<typeof SuggestedCorrection>;

/**
 * The register's "answered"/"open" mark on a request in a locked (signed) meeting: the clerk's
 * tracking, kept here rather than in the minutes so the signed record and its hash stay as signed.
 */
export const RequestMark = z.object({
  requestId: z.string().min(1),
  status: z.enum(requestStatuses),
  at: z.iso.datetime(),
  by: clerkName,
});
export type RequestMark = z.infer<typeof RequestMark>;

/** Published to the council's archive after signing: recorded beside the signed record, like the register's marks, so its hash stays as signed. */
export const Publication = z.object({
  at: z.iso.datetime(),
  by: clerkName,
  /** Where: "the council's website", "Committee archive, Civic Centre". */
  where: z.string().trim().min(1, 'say where the minutes were published').max(500).regex(/[\p{L}\p{N}]/u, 'say where the minutes were published, in words'),
});
export type Publication = z.infer<typeof Publication>;

/**
 * How the committee printed itself when the minutes were circulated: the heading's council and
 * committee name and how its minute numbers are written. Circulated, agreed and signed minutes print
 * from this, so a later edit of the committee (a renamed committee, a new numbering style) never
 * changes the record as circulated, agreed and signed (it is inside the signed content hash).
 */
export const RecordedCommittee = z.object({
  council: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(300),
  /** A version-2 name (`plain`, `with-year`) in minutes circulated before schema version 3: read through numberingStyleFrom. */
  numberingStyle: StoredNumberingStyle,
  municipalYearStartMonth: z.number().int().min(1).max(12),
});
export type RecordedCommittee = z.infer<typeof RecordedCommittee>;

export const Lifecycle = z.object({
  steps: z.array(LifecycleStep).max(10_000),
  agreed: Agreement.nullable(),
  signed: Signature.nullable(),
  corrections: z.array(Correction).max(10_000),
  suggestions: z.array(SuggestedCorrection).max(10_000),
  requestMarks: z.array(RequestMark).max(100_000).default([]),
  /** Set on circulating, removed on going back to draft; absent in minutes circulated before it was kept (they print as the committee is now). */
  recordedAs: RecordedCommittee.optional(),
  /** Absent until published (optional, not defaulted, so archives made before keep their hashes). */
  published: Publication.optional(),
  /** Each later publication (another site, a reprint), oldest first: the first stays as it was recorded. */
  publishedAgain: z.array(Publication).max(1000).optional(),
});
export type Lifecycle = z.infer<typeof Lifecycle>;

/** A meeting's lifecycle, empty for one written before lifecycles were kept (the field is absent). */
export const emptyLifecycle = (): Lifecycle => ({ steps: [], agreed: null, signed: null, corrections: [], suggestions: [], requestMarks: [] });
