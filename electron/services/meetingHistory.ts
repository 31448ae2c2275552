// Every save keeps a version of the meeting, in meetings/<id>.history.jsonl beside the meeting file:
// JSON Lines (shared/model/history.ts), a header and then one line per revision, appended and fsynced
// so a save costs one small append and never a rewrite of a growing file. Items are stored by the
// hash of their content, so an item a save did not change costs nothing. Now and then (after 1 MB or
// 200 lines of growth) the file is compacted: rewritten durably with only the revisions retention
// keeps and the items they use. The history never blocks the meeting: a torn last line (a crash while
// appending) is dropped, a damaged file is set aside and a fresh history begins, a failed append is
// noted and the save stands.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import canonicalize from 'canonicalize';
import { describeChanges } from '../../shared/compare/changeSummary.js';
import { formatSavedAt } from '../../shared/dates.js';
import { parseBoundedJson } from '../../shared/model/boundedJson.js';
import { CURRENT_SCHEMA_VERSION, parseMeetingFile, repairedFromDisk } from '../../shared/model/files.js';
import {
  HISTORY_LIMITS,
  HISTORY_SCHEMA_VERSION,
  HistoryHeader,
  RevisionLine,
  keptForever,
  retainedRevisions,
  type RetentionFacts,
  type VersionEntry,
  type VersionKind,
} from '../../shared/model/history.js';
import type { Item, Meeting } from '../../shared/model/meeting.js';
import { ValidationError, parseOrThrow } from '../../shared/model/validation.js';
import { appendDurably, settledBeforeReading, writeFileDurably } from './durableFile.js';
import { LibraryError } from './libraryErrors.js';

export const HISTORY_FILE_SUFFIX = '.history.jsonl';

/** Growth since the last compaction that makes the next one due. */
const COMPACT_AFTER = { bytes: 1024 * 1024, lines: 200 } as const;

/** meetings/<id>.history.jsonl for meetings/<id>.json. */
export const historyPathBeside = (meetingFilePath: string): string =>
  join(dirname(meetingFilePath), `${basename(meetingFilePath).replace(/\.json$/, '')}${HISTORY_FILE_SUFFIX}`);

/** The computer account's user name, recorded as who saved each version; "unknown" where the system will not say. */
export function computerUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** sha256 of the item's canonical JSON (RFC 8785), as 64 hex digits: equal items share one stored copy. */
export const itemHash = (item: Item): string => createHash('sha256').update(canonicalize(item) ?? '').digest('hex');

/** A history file as read: its whole lines, the items they store, and what was wrong with it. */
export interface HistoryContents {
  header: HistoryHeader;
  /** The revision lines whose meeting can be rebuilt, in file order. */
  lines: RevisionLine[];
  /** Every item the file stores, by hash. */
  blobs: Map<string, Item>;
  /** Problems found, in the clerk's words. */
  notes: string[];
  /** Bytes of the whole lines; more on disk means a torn last line to cut off. */
  wholeBytes: number;
  /** Bytes and lines of revision lines (after the header), for when compaction is due. */
  revisionBytes: number;
  revisionLines: number;
  /** The last line is whole but its newline is missing (a kill just before it was written). */
  missingNewline: boolean;
  /** The last line was torn (a kill while it was appended) and is left out. */
  tornTail: boolean;
}

export type HistoryRead = { state: 'missing' } | { state: 'damaged'; reason: string } | { state: 'read'; contents: HistoryContents };

const tornTailNote =
  'The last change recorded in this meeting’s history was cut off (Minute Book stopped while writing it) and was left out; every earlier version is kept.';

/**
 * Reads and checks a history file without writing anything. Answers 'missing' when there is none;
 * 'damaged' with the reason when it is over HISTORY_LIMITS, not JSON Lines, of a newer schema
 * version, for another meeting, or has any invalid whole line; else its contents. A torn last line
 * is left out with a note; a revision whose items are not all stored is left out with a note.
 */
export async function readHistoryFile(path: string, meetingId: string): Promise<HistoryRead> {
  let bytes: Buffer;
  try {
    await settledBeforeReading(path);
    const info = await fs.stat(path);
    if (info.size > HISTORY_LIMITS.fileBytes) {
      return { state: 'damaged', reason: `the file is ${Math.round(info.size / 1048576)} MB; Minute Book reads at most ${HISTORY_LIMITS.fileBytes / 1048576} MB` };
    }
    bytes = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  const wholeBytes = bytes.lastIndexOf(0x0a) + 1;
  const texts = bytes.subarray(0, wholeBytes).toString('utf8').split('\n').slice(0, -1);
  const tail = bytes.subarray(wholeBytes).toString('utf8');
  if (texts.length > HISTORY_LIMITS.lines) return { state: 'damaged', reason: `it has ${texts.length.toLocaleString('en-GB')} lines; Minute Book reads at most ${HISTORY_LIMITS.lines.toLocaleString('en-GB')}` };
  const notes: string[] = [];
  let missingNewline = false;
  let tornTail = false;
  if (tail !== '') {
    // A last line without its newline is whole if it reads; otherwise it was torn by a crash.
    try {
      parseLine(tail, texts.length, meetingId);
      texts.push(tail);
      missingNewline = true;
    } catch {
      tornTail = true;
      notes.push(tornTailNote);
    }
  }
  const header: HistoryHeader = { schemaVersion: HISTORY_SCHEMA_VERSION, meetingId };
  const read: RevisionLine[] = [];
  try {
    texts.forEach((text, index) => {
      const line = parseLine(text, index, meetingId);
      if (index === 0) Object.assign(header, line);
      else read.push(line as RevisionLine);
    });
  } catch (error) {
    return { state: 'damaged', reason: error instanceof ValidationError ? error.message : String(error) };
  }
  const blobs = new Map<string, Item>();
  let mismatched = 0;
  for (const line of read) {
    for (const [hash, item] of Object.entries(line.blobs)) {
      if (itemHash(item) === hash) blobs.set(hash, item);
      else mismatched++;
    }
  }
  if (mismatched > 0) notes.push(`${mismatched} item(s) stored in the history do not match their fingerprint and were left out.`);
  const lines = read.filter((line) => {
    const missing = line.items.filter((hash) => !blobs.has(hash)).length;
    if (missing === 0) return true;
    notes.push(
      `The version of ${formatSavedAt(line.savedAt)} (revision ${line.revision}) could not be rebuilt: ${missing} of its items are missing from the history, so it is left out.`,
    );
    return false;
  });
  const headerBytes = texts.length === 0 ? 0 : Buffer.byteLength(texts[0]!) + 1;
  return {
    state: 'read',
    contents: {
      header,
      lines,
      blobs,
      notes,
      wholeBytes: missingNewline ? bytes.length : wholeBytes,
      revisionBytes: Math.max(0, (missingNewline ? bytes.length + 1 : wholeBytes) - headerBytes),
      revisionLines: Math.max(0, texts.length - 1),
      missingNewline,
      tornTail,
    },
  };
}

/** Line `index` (0 is the header) parsed and checked; throws ValidationError naming the line and what is wrong. */
function parseLine(text: string, index: number, meetingId: string): HistoryHeader | RevisionLine {
  const where = `line ${index + 1}`;
  const raw = parseBoundedJson(text, where, { maxBytes: HISTORY_LIMITS.lineBytes });
  if (index === 0) {
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > HISTORY_SCHEMA_VERSION) {
      throw new ValidationError(where, [`schemaVersion: written by a newer Minute Book (history version ${version}; this one reads up to ${HISTORY_SCHEMA_VERSION})`]);
    }
    const header = parseOrThrow(HistoryHeader, raw, where);
    if (header.meetingId !== meetingId) throw new ValidationError(where, [`meetingId: the history is of meeting ${header.meetingId}, not of meeting ${meetingId}`]);
    return header;
  }
  const line = parseOrThrow(RevisionLine, repairedFromDisk(raw, where), where);
  if (line.header.id !== meetingId) throw new ValidationError(where, [`header.id: revision ${line.revision} is of meeting ${line.header.id}, not of meeting ${meetingId}`]);
  return line;
}

/** The latest line of each revision (a revision recorded twice is shown as last recorded), oldest first. */
function latestLines(lines: readonly RevisionLine[]): RevisionLine[] {
  const byRevision = new Map<number, RevisionLine>();
  for (const line of lines) byRevision.set(line.revision, line);
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/** The version list of a history as read, newest first, with its notes; a damaged or missing file gives a note. */
export function describeHistory(read: HistoryRead): { versions: VersionEntry[]; notes: string[] } {
  if (read.state === 'missing') return { versions: [], notes: [] };
  if (read.state === 'damaged') return { versions: [], notes: [`The history of this meeting could not be read: ${read.reason}.`] };
  const lines = latestLines(read.contents.lines);
  const forever = keptForever(lines);
  const versions = lines.reverse().map(({ revision, savedAt, by, kind, summary, status }) => ({ revision, savedAt, by, kind, summary, status, keptForever: forever.has(revision) }));
  return { versions, notes: read.contents.notes };
}

/** The meeting as saved at `revision`, checked as a meeting file would be; throws LibraryError 'not-found' when it is not kept. */
function meetingAt(contents: HistoryContents | null, revision: number, label: string): { meeting: Meeting; line: RevisionLine } {
  const line = contents === null ? undefined : latestLines(contents.lines).find((candidate) => candidate.revision === revision);
  if (contents === null || line === undefined) throw new LibraryError('not-found', `Revision ${revision} is not kept in the history of this meeting (${label}).`);
  const meeting: Meeting = { ...line.header, items: line.items.map((hash) => contents.blobs.get(hash)!) };
  return { meeting: parseMeetingFile({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }, `${label}, revision ${revision}`).meeting, line };
}

/**
 * The meeting as saved at `revision`, read from the history beside a library's meeting file
 * (meetings/<id>.json → meetings/<id>.history.jsonl). Writes nothing and takes no lock. Throws
 * LibraryError 'not-found' when the file is not a library meeting file, has no history, or the
 * revision is not kept; 'storage' when the history is damaged (naming what is wrong).
 */
export async function readMeetingVersion(meetingFilePath: string, revision: number): Promise<Meeting> {
  const meetingId = /^([0-9a-f-]{36})\.json$/.exec(basename(meetingFilePath))?.[1];
  if (meetingId === undefined) throw new LibraryError('not-found', `${meetingFilePath} is not a meeting file of a library (meetings/<id>.json), so it has no history.`);
  const path = historyPathBeside(meetingFilePath);
  const read = await readHistoryFile(path, meetingId);
  if (read.state === 'damaged') throw new LibraryError('storage', `${basename(path)} could not be read: ${read.reason}`);
  return meetingAt(read.state === 'read' ? read.contents : null, revision, basename(path)).meeting;
}

/** Ends the file after its last whole line, so the next append starts a line of its own. */
async function repairTail(path: string, contents: HistoryContents): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    if (contents.missingNewline) await handle.appendFile('\n');
    else await handle.truncate(contents.wholeBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** What the library gives the history: its clock and user, whether it may write, and its way of setting a file aside. */
export interface HistoryHost {
  folder: string;
  now: () => Date;
  /** Who is saving now: the clerk's name once set in Preferences, else the computer account. */
  user: () => string;
  writes: () => boolean;
  /** Moves the file to set-aside/ and reports it with the library's problems; answers where it went, or null. */
  setAside: (path: string, error: unknown) => Promise<string | null>;
}

/** What the writer knows of a history file between saves, so an append needs no read. */
interface Written {
  /** The file's size when last read or written; another size means it changed, and it is read again. */
  bytes: number;
  revisionBytes: number;
  revisionLines: number;
  compacted: { lines: number; bytes: number };
  hashes: Set<string>;
  /** What retention needs of each revision in the file, so a compaction that would drop nothing is not done. */
  entries: RetentionFacts[];
  /** The latest revision recorded, -1 for none. */
  latest: number;
  /** Why the file is empty: never kept, or set aside this session. */
  origin: 'kept' | 'new' | 'set-aside';
}

/**
 * A library's histories, used by MeetingLibrary inside its one queue. Nothing here fails a save: a
 * problem writing the history is logged and becomes a note in history:list.
 */
export class MeetingHistories {
  private readonly written = new Map<string, Written>();
  /** Notes of this session (appends that failed, files set aside), by meeting. */
  private readonly sessionNotes = new Map<string, string[]>();

  constructor(private readonly host: HistoryHost) {}

  /** On opening a meeting: a torn tail is cut off and a compaction that is due is done (only when the library writes). */
  async open(meetingId: string): Promise<void> {
    if (!this.host.writes()) return;
    await this.guard(meetingId, 'prepared', async () => {
      await this.compactIfDue(meetingId, await this.current(meetingId));
    });
  }

  /**
   * Records `after` (just written durably) as a revision of `kind`, with `summary` or else
   * describeChanges(before, after). When the history lacks `before`'s revision (no history yet, set
   * aside, or a crash between writing the meeting and its history) a line for `before` comes first.
   * Writes nothing when the library does not write; never throws.
   */
  async record(before: Meeting | null, after: Meeting, kind: VersionKind, summary = describeChanges(before, after)): Promise<void> {
    if (!this.host.writes()) return;
    await this.guard(after.id, `revision ${after.revision}`, async () => {
      const known = await this.current(after.id);
      const header = known.bytes === 0 ? `${JSON.stringify({ schemaVersion: HISTORY_SCHEMA_VERSION, meetingId: after.id } satisfies HistoryHeader)}\n` : '';
      const lines: RevisionLine[] = [];
      if (before !== null && known.latest < before.revision) {
        const baseline =
          known.origin === 'set-aside'
            ? 'History started again: the earlier history was set aside'
            : known.latest < 0
              ? 'The meeting as it was when its history began'
              : 'Saved (added to the history later: Minute Book stopped before recording it)';
        lines.push(this.line(before, 'saved', baseline, known.hashes));
      }
      lines.push(this.line(after, kind, summary, known.hashes));
      const body = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
      if (known.bytes + Buffer.byteLength(header + body) > HISTORY_LIMITS.fileBytes) {
        // Over the bound the file would be set aside on reading: better to miss one version than lose them all.
        this.note(after.id, `The history of this meeting is full (${HISTORY_LIMITS.fileBytes / 1048576} MB), so revision ${after.revision} is not kept as a version; the meeting itself was saved.`);
        return;
      }
      // Whatever happens to the append, the file is read afresh next time: a failed append may have left a torn line.
      this.written.delete(after.id);
      await appendDurably(this.path(after.id), header + body);
      const next: Written = {
        ...known,
        bytes: known.bytes + Buffer.byteLength(header + body),
        revisionBytes: known.revisionBytes + Buffer.byteLength(body),
        revisionLines: known.revisionLines + lines.length,
        entries: [...known.entries, ...lines.map(({ revision, savedAt, kind }) => ({ revision, savedAt, kind }))],
        latest: after.revision,
        origin: 'kept',
      };
      this.written.set(after.id, next);
      await this.compactIfDue(after.id, next);
    });
  }

  /** The version list, newest first, and notes on any problem with the history (the contract's history:list). */
  async list(meetingId: string): Promise<{ versions: VersionEntry[]; notes: string[] }> {
    const read = await this.examine(meetingId);
    const { versions, notes } = describeHistory(read);
    return { versions, notes: [...notes, ...(this.sessionNotes.get(meetingId) ?? [])] };
  }

  /** The meeting as saved at `revision` and when it was saved; throws LibraryError 'not-found' when it is not kept. */
  async version(meetingId: string, revision: number): Promise<{ meeting: Meeting; savedAt: string }> {
    const read = await this.examine(meetingId);
    const { meeting, line } = meetingAt(read.state === 'read' ? read.contents : null, revision, this.label(meetingId));
    return { meeting, savedAt: line.savedAt };
  }

  private path(meetingId: string): string {
    return join(this.host.folder, 'meetings', `${meetingId}${HISTORY_FILE_SUFFIX}`);
  }

  private label(meetingId: string): string {
    return `meetings/${meetingId}${HISTORY_FILE_SUFFIX}`;
  }

  private note(meetingId: string, note: string): void {
    this.sessionNotes.set(meetingId, [...(this.sessionNotes.get(meetingId) ?? []), note]);
  }

  /** Runs a write to the history; a failure is logged and noted, never thrown. */
  private async guard(meetingId: string, what: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      console.error(`[minute-book] the history of meeting ${meetingId} (${what}) could not be written:`, reason);
      this.note(meetingId, `A save could not be added to this meeting’s history (${reason}); the meeting itself was saved.`);
    }
  }

  private line(meeting: Meeting, kind: VersionKind, summary: string, stored: Set<string>): RevisionLine {
    const { items, ...header } = meeting;
    const hashes = items.map(itemHash);
    const blobs: Record<string, Item> = {};
    hashes.forEach((hash, index) => {
      if (stored.has(hash)) return;
      blobs[hash] = items[index]!;
      stored.add(hash);
    });
    return { revision: meeting.revision, savedAt: this.host.now().toISOString(), by: this.host.user(), kind, summary, status: meeting.status, header, items: hashes, blobs };
  }

  /**
   * Compacts when the file has grown by COMPACT_AFTER since the last compaction and retention would
   * drop something; when it would drop nothing (every save of the last day is kept), the growth is
   * counted as compacted and nothing is rewritten.
   */
  private async compactIfDue(meetingId: string, known: Written): Promise<void> {
    if (known.revisionLines - known.compacted.lines < COMPACT_AFTER.lines && known.revisionBytes - known.compacted.bytes < COMPACT_AFTER.bytes) return;
    const kept = retainedRevisions(known.entries, this.host.now());
    if (known.entries.every((entry) => kept.has(entry.revision))) known.compacted = { lines: known.revisionLines, bytes: known.revisionBytes };
    else await this.compact(meetingId);
  }

  /** What the writer knows of the file, read again when its size is not what was last written. */
  private async current(meetingId: string): Promise<Written> {
    const known = this.written.get(meetingId);
    await settledBeforeReading(this.path(meetingId));
    const size = await fs.stat(this.path(meetingId)).then((info) => info.size, () => 0);
    if (known !== undefined && known.bytes === size) return known;
    await this.examine(meetingId);
    return this.written.get(meetingId)!;
  }

  /**
   * Reads the file; when the library writes, a damaged one is set aside (reported with the library's
   * problems) and a torn tail is cut off, and what the writer knows is brought up to date.
   */
  private async examine(meetingId: string): Promise<HistoryRead> {
    const path = this.path(meetingId);
    const read = await readHistoryFile(path, meetingId);
    const writes = this.host.writes();
    if (read.state === 'missing') {
      if (writes && this.written.get(meetingId)?.origin !== 'set-aside') this.written.set(meetingId, this.fresh('new'));
      return read;
    }
    if (read.state === 'damaged') {
      if (!writes) return read;
      const movedTo = await this.host.setAside(path, new ValidationError(this.label(meetingId), [read.reason]));
      this.note(
        meetingId,
        movedTo === null
          ? `The history of this meeting could not be read (${read.reason}) and could not be moved aside; no versions are kept until it is.`
          : `The history of this meeting could not be read (${read.reason}) and was moved to ${movedTo}; versions are kept again from the next save.`,
      );
      this.written.set(meetingId, this.fresh('set-aside'));
      return { state: 'missing' };
    }
    const { contents } = read;
    if (writes) {
      if (contents.missingNewline || contents.tornTail) await repairTail(path, contents);
      const compacted = contents.header.compacted ?? { lines: 0, bytes: 0 };
      this.written.set(meetingId, {
        bytes: contents.wholeBytes + (contents.missingNewline ? 1 : 0),
        revisionBytes: contents.revisionBytes,
        revisionLines: contents.revisionLines,
        compacted: { lines: compacted.lines, bytes: compacted.bytes },
        hashes: new Set(contents.blobs.keys()),
        entries: latestLines(contents.lines).map(({ revision, savedAt, kind }) => ({ revision, savedAt, kind })),
        latest: Math.max(-1, ...contents.lines.map((line) => line.revision)),
        origin: contents.wholeBytes === 0 ? 'new' : 'kept',
      });
    }
    return read;
  }

  private fresh(origin: Written['origin']): Written {
    return { bytes: 0, revisionBytes: 0, revisionLines: 0, compacted: { lines: 0, bytes: 0 }, hashes: new Set(), entries: [], latest: -1, origin };
  }

  /**
   * Rewrites the file durably with only the revisions retainedRevisions() keeps as of now, each item
   * stored once, in the first kept line that uses it. A compaction that fails is logged and tried
   * again only after as much growth again, never on every save.
   */
  private async compact(meetingId: string): Promise<void> {
    const read = await this.examine(meetingId);
    if (read.state !== 'read') return;
    const lines = latestLines(read.contents.lines);
    const kept = retainedRevisions(lines, this.host.now());
    const stored = new Set<string>();
    const keptLines = lines.filter((line) => kept.has(line.revision));
    const body = keptLines.map((line) => {
      const blobs: Record<string, Item> = {};
      for (const hash of line.items) {
        if (stored.has(hash)) continue;
        stored.add(hash);
        blobs[hash] = read.contents.blobs.get(hash)!;
      }
      return `${JSON.stringify({ ...line, blobs })}\n`;
    });
    const revisionBytes = body.reduce((total, text) => total + Buffer.byteLength(text), 0);
    const header: HistoryHeader = { schemaVersion: HISTORY_SCHEMA_VERSION, meetingId, compacted: { at: this.host.now().toISOString(), lines: body.length, bytes: revisionBytes } };
    const headerText = `${JSON.stringify(header)}\n`;
    const known = this.written.get(meetingId)!;
    try {
      await writeFileDurably(this.path(meetingId), headerText + body.join(''), this.label(meetingId));
    } catch (error) {
      console.error(`[minute-book] the history of meeting ${meetingId} could not be compacted:`, error instanceof Error ? error.message : error);
      known.compacted = { lines: known.revisionLines, bytes: known.revisionBytes };
      return;
    }
    this.written.set(meetingId, {
      ...known,
      bytes: Buffer.byteLength(headerText) + revisionBytes,
      revisionBytes,
      revisionLines: body.length,
      compacted: { lines: body.length, bytes: revisionBytes },
      hashes: stored,
      entries: keptLines.map(({ revision, savedAt, kind }) => ({ revision, savedAt, kind })),
    });
  }
}
