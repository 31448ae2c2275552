// The shapes of the files on disk. Each carries a schema version so a later Minute Book can migrate
// it; every read goes through these parsers, which name the file and the field that is wrong.
import { z } from 'zod';
import { itemToNode } from '../editor/meetingDocument.js';
import { Committee } from './committee.js';
import { withSafeLinks } from './linkAddress.js';
import { Sha256 } from './lifecycle.js';
import { Meeting, MeetingSummary } from './meeting.js';
import { migrateLibraryFile, migrateMeetingFile, migrateVersionOnly } from './migrations.js';
import { ValidationError, parseOrThrow } from './validation.js';
import { wellFormedDeep } from './wellFormedText.js';

/**
 * 3 since issue 11 (the minute-number model: numbering styles with prefix, year and sub-items, numbers
 * kept as printed); 2 since issue 10 (committees' kinds of interest, motions, attendance events).
 * shared/model/migrations.ts reads versions 1 and 2.
 */
export const CURRENT_SCHEMA_VERSION = 3;

export const MeetingFile = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /**
   * The meeting's committee as it was when the file was written, so that the library can be rebuilt
   * from the meeting files alone. Absent in files written before it was kept.
   */
  committee: Committee.optional(),
  meeting: Meeting,
});
export type MeetingFile = z.infer<typeof MeetingFile>;

export const LibraryFile = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  committees: z.array(Committee),
  meetings: z.array(MeetingSummary),
  /** Size and modification time of each meeting file when last validated, keyed by meeting id. */
  stamps: z.record(z.string(), z.string()),
});
export type LibraryFile = z.infer<typeof LibraryFile>;

/** preferences.json in the library folder: the clerk's name, recorded as who took each lifecycle step. */
export const PreferencesFile = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  clerkName: z.string().trim().min(1).max(200).nullable(),
});
export type PreferencesFile = z.infer<typeof PreferencesFile>;

/**
 * signatures.json in the library folder: every signature made in (or imported into) the library, kept
 * apart from the meeting files and never rebuilt from them, so that a signature removed from a meeting
 * file (the minutes made a draft again, or the newest signed meeting deleted) is still seen
 * (shared/lifecycle/signature.ts, registerBreaks).
 */
export const SignatureRegisterFile = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  signatures: z.array(
    z.object({
      meetingId: z.uuid(),
      committeeId: z.uuid(),
      date: z.iso.date(),
      chainHash: Sha256,
    }),
  ),
});
export type SignatureRegisterFile = z.infer<typeof SignatureRegisterFile>;
export type RegisteredSignature = SignatureRegisterFile['signatures'][number];

export function parseSignatureRegisterFile(raw: unknown, where: string): SignatureRegisterFile {
  checkSchemaVersion(raw, where);
  return parseOrThrow(SignatureRegisterFile, migrateVersionOnly(wellFormedDeep(raw, where)), where);
}

/**
 * Refuses files from a newer Minute Book before field validation, so the clerk is told to upgrade
 * rather than shown a list of unknown fields. Older versions are migrated (shared/model/migrations.ts)
 * after this and before validation.
 */
function checkSchemaVersion(raw: unknown, where: string): void {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    throw new ValidationError(where, [
      `schemaVersion: written by a newer Minute Book (version ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION})`,
    ]);
  }
}

/** Checks each item's minutes against the editor schema: a file the editor could not open is invalid. */
export function checkMinutes(meeting: Meeting, where: string): void {
  meeting.items.forEach((item, index) => {
    try {
      itemToNode(item);
    } catch (error) {
      throw new ValidationError(where, [`meeting.items[${index}].minutes: ${(error as Error).message}`]);
    }
  });
}

/**
 * Files written before the text and link rules (shared/model/wellFormedText.ts, linkAddress.ts) are
 * repaired as they are read, not set aside: lone surrogates become U+FFFD, control characters go, and
 * a link to anything but http, https or mailto keeps its text and loses the link. Bounded in depth.
 */
export const repairedFromDisk = (raw: unknown, where: string): unknown => withSafeLinks(wellFormedDeep(raw, where)).value;

export function parseMeetingFile(raw: unknown, where: string): MeetingFile {
  checkSchemaVersion(raw, where);
  const file = parseOrThrow(MeetingFile, migrateMeetingFile(repairedFromDisk(raw, where)), where);
  checkMinutes(file.meeting, where);
  return file;
}

/**
 * Checks a meeting file built in memory (a meeting an import read) as parseMeetingFile checks one read
 * from the disk — the schema, then every item's minutes as the editor would load them — but with
 * nothing to repair or migrate: its text was made well-formed as it was read. An import checked each
 * meeting's text twice over for that, a fifth of its checking.
 * @throws ValidationError naming `where` and the field at fault
 */
export function checkMeetingFile(file: MeetingFile, where: string): void {
  parseOrThrow(MeetingFile, file, where);
  checkMinutes(file.meeting, where);
}

/** Why and when a meeting file under bin/ was moved there; the rest of the file is the meeting file as it was. */
export const BinnedRecord = z.object({ deletedAt: z.iso.datetime(), reason: z.enum(['deleted', 'import-undone']) });
export type BinFile = MeetingFile & { binned: z.infer<typeof BinnedRecord> };

/** bin/<id>.json: a meeting file with its `binned` record, checked as a meeting file is. */
export function parseBinFile(raw: unknown, where: string): BinFile {
  const file = parseMeetingFile(raw, where);
  return { ...file, binned: parseOrThrow(BinnedRecord, (raw as { binned?: unknown }).binned, where) };
}

export function parseLibraryFile(raw: unknown, where: string): LibraryFile {
  checkSchemaVersion(raw, where);
  return parseOrThrow(LibraryFile, migrateLibraryFile(wellFormedDeep(raw, where)), where);
}

export function parsePreferencesFile(raw: unknown, where: string): PreferencesFile {
  checkSchemaVersion(raw, where);
  return parseOrThrow(PreferencesFile, migrateVersionOnly(wellFormedDeep(raw, where)), where);
}
