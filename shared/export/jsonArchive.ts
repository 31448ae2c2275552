// The lossless JSON archive of one meeting or a whole committee: the stored model itself, in a
// versioned package with a content hash per meeting so an archivist can tell a copy from a change.
// The hash is SHA-256 of the meeting's canonical JSON (RFC 8785), so it does not depend on key order.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { Committee } from '../model/committee.js';
import { Meeting } from '../model/meeting.js';
import { checkMinutes } from '../model/files.js';
import { committeeToCurrent } from '../model/migrations.js';
import { ValidationError, parseOrThrow } from '../model/validation.js';
import { fileStem, type ExportedFile, type ExportRequest } from './exportForm.js';

export const ARCHIVE_FORMAT = 'minute-book-archive';
/**
 * 3 since issue 11, with the committee's numbering style as a shape (shared/model/migrations.ts); 2 since
 * issue 10, with the committee's kinds of interest (archives of version 1 are read as the model code's).
 */
export const ARCHIVE_VERSION = 3;

export const ArchivePackage = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  schemaVersion: z.literal(ARCHIVE_VERSION),
  committee: Committee,
  meetings: z.array(z.object({ contentHash: z.string().regex(/^sha256-[0-9a-f]{64}$/, 'expected sha256-<64 hex digits>'), meeting: Meeting })),
});
export type ArchivePackage = z.infer<typeof ArchivePackage>;

/** sha256-<hex> of the value's canonical JSON: a meeting here; the signed part of one in shared/lifecycle/signature.ts. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalize(value) ?? '');
}

/** sha256-<hex> of the text's UTF-8 bytes. */
export const sha256Hex = (text: string): string => `sha256-${bytesToHex(sha256(new TextEncoder().encode(text)))}`;

export function archivePackage(committee: Committee, meetings: readonly Meeting[]): ArchivePackage {
  return {
    format: ARCHIVE_FORMAT,
    schemaVersion: ARCHIVE_VERSION,
    committee,
    meetings: meetings.map((meeting) => ({ contentHash: contentHash(meeting), meeting })),
  };
}

export function renderJsonArchive(request: ExportRequest): ExportedFile {
  return {
    fileName: `${fileStem(request)}-archive.json`,
    mediaType: 'application/json',
    content: `${JSON.stringify(archivePackage(request.committee, [request.meeting]), null, 2)}\n`,
  };
}

/** A version-1 or -2 archive as version 3: only its committee changes; its meetings (and so their hashes) are unchanged. */
const migrateArchive = (raw: unknown): unknown => {
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== 1 && version !== 2) return raw;
  const archive = raw as Record<string, unknown>;
  return { ...archive, schemaVersion: ARCHIVE_VERSION, committee: committeeToCurrent(archive['committee']) };
};

/** Reads an archive back (version 1, 2 or 3): validates every field and every meeting's minutes, and checks each hash. */
export function readJsonArchive(raw: unknown, where: string): ArchivePackage {
  const archive = parseOrThrow(ArchivePackage, migrateArchive(raw), where);
  archive.meetings.forEach(({ meeting, contentHash: recorded }, index) => {
    checkMinutes(meeting, `${where}: meetings[${index}]`);
    if (contentHash(meeting) !== recorded) {
      throw new ValidationError(where, [`meetings[${index}].contentHash: the meeting of ${meeting.date} has changed since it was archived`]);
    }
  });
  return archive;
}
