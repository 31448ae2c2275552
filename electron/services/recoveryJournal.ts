// The crash-recovery journal: for each open meeting, the changes the window has not yet saved, kept in
// the library folder as recovery/<meetingId>.json so that a crash, a killed process or a closed tab
// loses nothing. The renderer rewrites it (throttled) as the clerk types and empties it once a save
// has them all; at start-up the journals still based on the meeting as saved are offered back.
// Files are written atomically (temp file, fsync, rename); a damaged or out-of-date journal never
// blocks start-up: it is moved to set-aside/ and reported.
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { RECOVERY_LIMITS, RecoveryJournal as JournalPayload, type RecoveredChanges, type RecoveryJournal as Journal } from '../../shared/contract.js';
import { formatPath } from '../../shared/model/validation.js';
import { formatProseDate } from '../../shared/dates.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { writeFileDurably } from './durableFile.js';

export const RECOVERY_DIR = 'recovery';
const SET_ASIDE_DIR = 'set-aside';
const SCHEMA_VERSION = 1;

/** What a journal file holds: the journal as the renderer sent it, with the schema version and when it was written. */
const JournalFile = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), writtenAt: z.iso.datetime(), journal: JournalPayload });
type JournalFile = z.infer<typeof JournalFile>;

/** The meeting as the library now holds it, or null when it has none (or cannot be edited, as imported minutes). */
export type CurrentMeeting = (meetingId: string) => Promise<Meeting | null>;

const fileNamePattern = /^([0-9a-f-]{36})\.json$/;

/** True when the journal holds nothing to recover: writing it removes the file. */
export const isEmptyJournal = (journal: Pick<Journal, 'steps' | 'details'>): boolean => journal.steps.length === 0 && journal.details === null;

/** The header fields a save stores, without what the save itself changes (revision, updatedAt). */
function headerOf(details: Omit<Meeting, 'items'> & { items?: unknown }): string {
  const { revision: _revision, updatedAt: _updatedAt, items: _items, ...header } = details;
  return canonicalize(header) ?? '';
}

export class RecoveryJournal {
  /** Per meeting, the writes in order: one file operation at a time, and the last write each window made. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastWrite = new Map<string, { sessionId: string; sequence: number }>();

  /**
   * @param libraryFolder the library's folder; journals go in its `recovery/` folder
   * @param now the clock, for `writtenAt` and the names of files set aside
   */
  constructor(
    private readonly libraryFolder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Replaces the journal of `journal.meetingId` with this one, atomically; an empty journal (no steps,
   * no details) removes the file. Another window's unsaved changes are set aside first, not replaced. A write older than one already made by the same window
   * (`sessionId`, lower or equal `sequence`) is ignored, so a throttled write that arrives after the
   * last write of a closing tab cannot undo it.
   * @returns `written`, `cleared` or `ignored`
   * @throws a ValidationError for a journal over the limits (the contract checks it before this runs too)
   */
  write(journal: Journal): Promise<{ kept: 'written' | 'cleared' | 'ignored' }> {
    return this.inTurn(journal.meetingId, async () => {
      const last = this.lastWrite.get(journal.meetingId);
      if (last !== undefined && last.sessionId === journal.sessionId && last.sequence >= journal.sequence) return { kept: 'ignored' as const };
      if (last?.sessionId !== journal.sessionId) await this.keepOtherWindowsChanges(journal);
      this.lastWrite.set(journal.meetingId, { sessionId: journal.sessionId, sequence: journal.sequence });
      if (isEmptyJournal(journal)) {
        await rm(this.pathOf(journal.meetingId), { force: true });
        return { kept: 'cleared' as const };
      }
      const file: JournalFile = { schemaVersion: SCHEMA_VERSION, writtenAt: this.now().toISOString(), journal };
      await this.writeAtomically(this.pathOf(journal.meetingId), `${JSON.stringify(file)}\n`);
      return { kept: 'written' as const };
    });
  }

  /**
   * A window's first write over a journal another window left with unsaved changes (a tab that closed
   * or crashed, a window whose saves were refused) moves that journal to set-aside/ rather than
   * replacing it: its changes are kept, never overwritten by a window that did not make them.
   */
  private async keepOtherWindowsChanges(journal: Journal): Promise<void> {
    const existing = await this.read(journal.meetingId).catch(() => null);
    if (existing !== null && existing.journal.sessionId !== journal.sessionId && !isEmptyJournal(existing.journal)) await this.setAside(journal.meetingId);
  }

  /** The journal as stored, or null when there is none. @throws a ValidationError (or SyntaxError) naming the file when it is damaged */
  async read(meetingId: string): Promise<JournalFile | null> {
    const path = this.pathOf(meetingId);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    return text === null ? null : parseJournalFile(text, `${RECOVERY_DIR}/${meetingId}.json`);
  }

  /**
   * Every journal that can still be restored, as `{ recovered, notes }`. A journal whose base revision
   * is the meeting's revision is offered as it is; one whose save may have landed (`saving`, and the
   * meeting one revision on) is offered with the steps that save did not cover. Journals that are
   * damaged, out of date, or for a meeting the library no longer holds are moved to set-aside/, each
   * with a note; one that the last save covered entirely is removed. Never throws for a bad file.
   */
  async list(currentMeeting: CurrentMeeting): Promise<{ recovered: RecoveredChanges[]; notes: string[] }> {
    const recovered: RecoveredChanges[] = [];
    const notes: string[] = [];
    const names = await readdir(join(this.libraryFolder, RECOVERY_DIR)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const meetingId = fileNamePattern.exec(name)?.[1];
      if (meetingId === undefined) continue; // temp files of a write cut short, and anything else
      await this.inTurn(meetingId, async () => {
        let file: JournalFile | null;
        try {
          file = await this.read(meetingId);
        } catch (error) {
          const movedTo = await this.setAside(meetingId);
          notes.push(`The recovery journal ${RECOVERY_DIR}/${name} could not be read (${error instanceof Error ? error.message : String(error)}); it was moved to ${movedTo}.`);
          return;
        }
        if (file === null) return;
        const found = recoverable(file, await currentMeeting(meetingId).catch(() => null));
        if (found.kind === 'offer') recovered.push(found.changes);
        else if (found.kind === 'covered') await rm(this.pathOf(meetingId), { force: true });
        else notes.push(`${found.reason}; they were moved to ${await this.setAside(meetingId)}.`);
      });
    }
    return { recovered, notes };
  }

  /** The clerk chose not to restore: the journal is moved to set-aside/ (kept, never offered again). @returns whether there was one */
  discard(meetingId: string): Promise<{ discarded: boolean }> {
    return this.inTurn(meetingId, async () => {
      this.lastWrite.delete(meetingId);
      const exists = await stat(this.pathOf(meetingId)).then(() => true, () => false);
      if (exists) await this.setAside(meetingId);
      return { discarded: exists };
    });
  }

  private pathOf(meetingId: string): string {
    return join(this.libraryFolder, RECOVERY_DIR, `${meetingId}.json`);
  }

  private inTurn<T>(meetingId: string, operation: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(meetingId) ?? Promise.resolve();
    const next = previous.then(operation, operation);
    const settled = next.catch(() => undefined);
    this.queues.set(meetingId, settled);
    void settled.then(() => {
      if (this.queues.get(meetingId) === settled) this.queues.delete(meetingId);
    });
    return next;
  }

  /** Through the library's one durable write (durableFile.ts): a crash leaves the old file or the new one. */
  private async writeAtomically(path: string, text: string): Promise<void> {
    await mkdir(join(this.libraryFolder, RECOVERY_DIR), { recursive: true });
    await writeFileDurably(path, text, `${RECOVERY_DIR}/${basename(path)}`);
  }

  /** @returns where the file went, relative to the library folder */
  private async setAside(meetingId: string): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const target = `${SET_ASIDE_DIR}/recovery-${meetingId}-${stamp}.json`;
    await mkdir(join(this.libraryFolder, SET_ASIDE_DIR), { recursive: true });
    await rename(this.pathOf(meetingId), join(this.libraryFolder, target));
    return target;
  }
}

/** Parses a journal file's text. @throws a ValidationError-like Error naming `where` and the field at fault */
export function parseJournalFile(text: string, where: string): JournalFile {
  if (text.length > RECOVERY_LIMITS.bytes * 2) throw new Error(`${where}: larger than a recovery journal can be`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${text.trim() === '' ? 'the file is empty' : (error as Error).message})`, { cause: error });
  }
  const result = JournalFile.safeParse(raw);
  if (!result.success) {
    throw new Error(`${where}: ${result.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ')}`);
  }
  return result.data;
}

type Recoverable = { kind: 'offer'; changes: RecoveredChanges } | { kind: 'covered' } | { kind: 'stale'; reason: string };

/** Whether a journal still applies to the meeting as the library holds it now, and with which steps. */
function recoverable(file: JournalFile, meeting: Meeting | null): Recoverable {
  const { journal } = file;
  if (meeting === null) return { kind: 'stale', reason: `Unsaved changes to meeting ${journal.meetingId} were found, but the library has no meeting it can edit with that id` };
  let { steps, baseRevision, baseDocSize } = journal;
  if (meeting.revision === journal.baseRevision + 1 && journal.saving !== null) {
    // The save that was under way landed: what is left is what was typed after it started.
    steps = steps.slice(journal.saving.stepCount);
    baseRevision = meeting.revision;
    baseDocSize = journal.saving.docSize;
  } else if (meeting.revision !== journal.baseRevision) {
    return {
      kind: 'stale',
      reason: `Unsaved changes to the meeting of ${formatProseDate(meeting.date)} were made to revision ${journal.baseRevision}, but it has since been saved as revision ${meeting.revision}`,
    };
  }
  const details = journal.details !== null && headerOf(journal.details) !== headerOf(meeting) ? journal.details : null;
  if (isEmptyJournal({ steps, details })) return { kind: 'covered' };
  return { kind: 'offer', changes: { meetingId: journal.meetingId, baseRevision, details, steps, baseDocSize, docSize: journal.docSize, writtenAt: file.writtenAt } };
}
