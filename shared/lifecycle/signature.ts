// The signature's content hash and the committee's chain of signed minutes (issue 9, "Tamper
// evidence"). The content hash is the JSON archive's (SHA-256 over RFC 8785 canonical JSON) of the
// record as signed; each signature also hashes the previous signed meeting's chain hash, so a
// committee's signed minutes are an append-only chain. Pure: the library, `cli verify` and the
// archive all check with these.
import { formatProseDate, formatSavedAt } from '../dates.js';
import { contentHash, sha256Hex, type ArchivePackage } from '../export/jsonArchive.js';
import type { Signature } from '../model/lifecycle.js';
import type { RegisteredSignature } from '../model/files.js';
import type { Meeting } from '../model/meeting.js';

/** Who signed and when: the part of a signature its 'signed-record' hash covers. */
export type Signer = Pick<Signature, 'chair' | 'signedOn' | 'by' | 'at'>;

/**
 * What a signature covers (Signature.covers): never the register's marks and the publication (the
 * clerk's tracking, allowed on signed minutes, kept beside the record) or the revision and time of the
 * last write, which those move. 'record' and 'signed-record' also leave out where a library keeps the
 * minutes (the meeting's and committee's ids, the file it was imported from); signatures made before
 * `covers` was kept (undefined) include them. 'signed-record' covers `signer` too (the Chair, the date
 * of signing, the clerk and the time); the hashes themselves are never covered.
 */
export function signedContentHash(meeting: Meeting, covers: Signature['covers'], signer?: Signer): string {
  const { revision: _revision, updatedAt: _updatedAt, lifecycle, ...whole } = meeting;
  // Kept beside the signed record, so neither changes its hash: the register's marks and where it was published.
  const { signed: _signed, requestMarks: _marks, published: _published, publishedAgain: _publishedAgain, ...rest } = lifecycle ?? { signed: null, requestMarks: [] };
  const { id: _id, committeeId: _committeeId, importedFrom: _importedFrom, ...record } = whole;
  if (covers !== 'signed-record') return contentHash({ ...(covers === 'record' ? record : whole), lifecycle: rest });
  if (signer === undefined) throw new Error('A signed-record hash needs who signed and when.');
  const { chair, signedOn, by, at } = signer;
  return contentHash({ ...record, lifecycle: rest, signer: { chair, signedOn, by, at } });
}

/** sha256 over the previous chain hash (empty for a committee's first signed meeting) and this content hash. */
export const chainHashOf = (previousHash: string | null, hash: string): string => sha256Hex(`${previousHash ?? ''}${hash}`);

/** Whether a meeting's signature matches its content and its chain hash; true for a meeting neither signed nor marked signed. */
export function signatureMatches(meeting: Meeting): boolean {
  const signature = meeting.lifecycle?.signed ?? null;
  if (signature === null) return meeting.status !== 'signed';
  return signedContentHash(meeting, signature.covers, signature) === signature.contentHash && chainHashOf(signature.previousHash, signature.contentHash) === signature.chainHash;
}

/** Where signed minutes are checked: a library's meeting files (each with its history), or a published archive (which keeps none). */
export type CheckedIn = 'library' | 'archive';

/** The clerk's warning for a signed meeting whose content no longer matches its signature; null when it matches. */
export function tamperWarning(meeting: Meeting, checkedIn: CheckedIn = 'library'): string | null {
  if (signatureMatches(meeting)) return null;
  const signature = meeting.lifecycle?.signed ?? null;
  const date = formatProseDate(meeting.date);
  if (checkedIn === 'archive') {
    return signature === null
      ? `The minutes of ${date} in this archive are marked signed but carry no signature: the archive was changed after it was made.`
      : `The minutes of ${date} in this archive no longer match the signature made on ${formatProseDate(signature.signedOn)}: they were changed after they were signed.`;
  }
  if (signature === null) return `The minutes of ${date} are marked signed but carry no signature: the file was changed outside Minute Book.`;
  return `This signed record was changed outside Minute Book on or after ${formatSavedAt(meeting.updatedAt)}: the minutes of ${date} no longer match the signature made on ${formatProseDate(signature.signedOn)}. The file is not accepted or repaired; the version as signed is in its history.`;
}

/** One signed meeting as the chain sees it. */
export interface ChainLink {
  meetingId: string;
  committeeId: string;
  date: string;
  chain: Pick<Signature, 'previousHash' | 'chainHash'>;
}

export interface ChainBreak {
  meetingId: string;
  message: string;
}

/**
 * Checks each committee's chain in date order: every signed meeting's previousHash must be the chain
 * hash of the signed meeting before it (null for the first). A signed meeting deleted, moved to
 * another date, or replaced by another's file breaks the link after it.
 */
export function chainBreaks(links: readonly ChainLink[]): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  for (const committeeId of new Set(links.map((link) => link.committeeId))) {
    const ordered = links.filter((link) => link.committeeId === committeeId).sort((a, b) => a.date.localeCompare(b.date));
    ordered.forEach((link, index) => {
      const before = ordered[index - 1];
      const expected = before?.chain.chainHash ?? null;
      if (link.chain.previousHash === expected) return;
      if (before !== undefined && before.chain.chainHash === link.chain.chainHash) {
        breaks.push({ meetingId: link.meetingId, message: `The signed minutes of ${formatProseDate(link.date)} appear more than once: one signed record is given twice.` });
        return;
      }
      const known = ordered.find((other) => other.chain.chainHash === link.chain.previousHash);
      breaks.push({
        meetingId: link.meetingId,
        message:
          `The chain of signed minutes is broken at the minutes of ${formatProseDate(link.date)}: ` +
          (link.chain.previousHash === null
            ? `they were signed as the committee's first signed minutes, but ${before === undefined ? 'another' : `those of ${formatProseDate(before.date)}`} come before them.`
            : known !== undefined
              ? `they follow the minutes of ${formatProseDate(known.date)}, which are now out of order.`
              : `the signed minutes before them are missing or were changed.`),
      });
    });
  }
  return breaks;
}

/** The chain link of a signed meeting, or null for one not signed. */
export const chainLink = (meeting: Meeting): ChainLink | null => {
  const signature = meeting.lifecycle?.signed ?? null;
  return signature === null ? null : { meetingId: meeting.id, committeeId: meeting.committeeId, date: meeting.date, chain: signature };
};

/** Every failure in a set of meetings (a library's files, an archive): each signed meeting's hash, then each committee's chain. */
export function verifyMeetings(meetings: readonly Meeting[], checkedIn: CheckedIn = 'library'): ChainBreak[] {
  const tampered = meetings.flatMap((meeting) => {
    const warning = tamperWarning(meeting, checkedIn);
    return warning === null ? [] : [{ meetingId: meeting.id, message: warning }];
  });
  return [...tampered, ...chainBreaks(meetings.map(chainLink).filter((link) => link !== null))];
}

/**
 * Every failure in a JSON archive (shared/export/jsonArchive.ts), which carries each meeting with its
 * signature: the archive's own hash of each meeting, then each signature and the chain.
 */
export function verifyArchive(archive: ArchivePackage): ChainBreak[] {
  const changed = archive.meetings.flatMap(({ meeting, contentHash: recorded }) =>
    contentHash(meeting) === recorded ? [] : [{ meetingId: meeting.id, message: `The minutes of ${formatProseDate(meeting.date)} have changed since they were archived.` }],
  );
  return [...changed, ...verifyMeetings(archive.meetings.map(({ meeting }) => meeting), 'archive')];
}

/** A meeting as the register check sees it: its date and the chain hash its file carries now (null when unsigned). */
export interface SignedState {
  meetingId: string;
  date: string;
  chainHash: string | null;
}

/** A meeting's state for the register check. */
export const signedStateOf = (meeting: Pick<Meeting, 'id' | 'date' | 'lifecycle'>): SignedState => ({ meetingId: meeting.id, date: meeting.date, chainHash: meeting.lifecycle?.signed?.chainHash ?? null });

/**
 * Every signature the library's register records (signatures.json) that the meeting files no longer
 * carry: the file gone, made unsigned, or carrying another signature. The register is what catches
 * the newest signature removed, which leaves no gap in the chain. `files` holds every meeting file read.
 */
export function registerBreaks(register: readonly RegisteredSignature[], files: readonly SignedState[]): ChainBreak[] {
  const byId = new Map(files.map((file) => [file.meetingId, file]));
  return register.flatMap((entry) => {
    const file = byId.get(entry.meetingId);
    if (file?.chainHash === entry.chainHash) return [];
    const what =
      file === undefined ? 'their file is missing' : file.chainHash === null ? 'their file no longer carries the signature' : 'their file carries another signature';
    return [
      {
        meetingId: entry.meetingId,
        message: `The minutes of ${formatProseDate(entry.date)} were signed (the library's register of signatures records it), but ${what}: they were changed outside Minute Book, and are not accepted.`,
      },
    ];
  });
}
