// One process owns a library at a time: two windows (two bridges, a bridge and the command line, two
// clerks on a shared drive) writing the same files would overwrite each other's saves. The lock is
// proper-lockfile's lock folder (atomic mkdir, its mtime refreshed while held, stale after STALE_MS),
// plus a note beside it of who holds it, so a lock left by a process that crashed on this computer is
// taken over at once instead of after the stale time, and a refusal can say who has the library open.
// A lock without a note (its holder killed before writing it) is taken over once it has gone a few
// seconds unrefreshed, never while its holder is alive and refreshing it.
// (The note cannot live inside the lock folder: writing it would change the folder's mtime, which
// proper-lockfile reads as the lock being taken by someone else.) Two processes taking over the same
// dead lock in the same few milliseconds could both succeed; the desktop app's single-instance lock
// makes that all but impossible on one computer.
import fs from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';

const LOCK_FOLDER = 'library.lock';
const OWNER_FILE = 'library.lock.owner.json';
/** A lock not refreshed for this long belongs to a process that died (on another computer, or paused). */
const STALE_MS = 10_000;
/** How often a holder refreshes its lock's mtime (proper-lockfile's `update`). */
const UPDATE_MS = 2_000;
/**
 * How long a lock without its holder's note must go unrefreshed to count as abandoned: one refresh
 * interval, plus a margin for mtimes kept to the second (some file systems) and a holder whose timer
 * runs late while it is busy. Well under STALE_MS, which must also allow for other computers' clocks.
 */
const UNREFRESHED_MS = UPDATE_MS + 3_000;
/** How often a lock without a note is looked at while waiting to see whether it is refreshed. */
const WATCH_MS = 250;

const Owner = z.object({ pid: z.number().int(), host: z.string(), since: z.string() });
type Owner = z.infer<typeof Owner>;

export interface LibraryLock {
  release(): Promise<void>;
}

export type LockOutcome = { held: LibraryLock } | { refused: string };

/** Whether a process of this computer is still running; signal 0 checks without signalling. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(folder: string): Promise<Owner | null> {
  try {
    return Owner.parse(JSON.parse(await fs.readFile(join(folder, OWNER_FILE), 'utf8')));
  } catch {
    return null;
  }
}

async function lockModifiedAt(lockPath: string): Promise<number | null> {
  try {
    return (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Whether a lock whose holder's note is missing was abandoned: its holder was killed between taking
 * the lock and writing the note. A live holder (whose note failed to write, or was deleted) refreshes
 * the lock every UPDATE_MS, so the lock is watched until it has gone UNREFRESHED_MS unrefreshed: false
 * as soon as it is refreshed or a note appears. Waits at most UNREFRESHED_MS.
 */
async function abandonedWithoutNote(folder: string, lockPath: string): Promise<boolean> {
  const seen = await lockModifiedAt(lockPath);
  for (;;) {
    if ((await readOwner(folder)) !== null) return false;
    const modified = await lockModifiedAt(lockPath);
    // Gone: released meanwhile, so there is nothing to displace.
    if (seen === null || modified === null) return true;
    if (modified !== seen) return false;
    const unrefreshedFor = Date.now() - modified;
    if (unrefreshedFor > UNREFRESHED_MS) return true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(WATCH_MS, UNREFRESHED_MS - unrefreshedFor + 1)));
  }
}

function heldByMessage(owner: Owner | null): string {
  if (owner === null) return 'This library is open in another Minute Book window, so this one is read-only. Close the other window and reopen this one to edit.';
  const where = owner.host === hostname() ? `process ${owner.pid} on this computer` : `the computer ${owner.host}`;
  const since = new Date(owner.since).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return `This library is open in another Minute Book window (${where}, since ${since}), so this one is read-only. Close the other window and reopen this one to edit.`;
}

/**
 * Takes the library's lock, or answers why it cannot (held by another live process, or the folder
 * cannot be written). `onLost` is called with a reason if the lock is later lost and cannot be taken
 * back (another process took it over after this one was paused past the stale time).
 */
export async function lockLibrary(folder: string, onLost: (reason: string) => void): Promise<LockOutcome> {
  const lockPath = join(folder, LOCK_FOLDER);
  const options = (): lockfile.LockOptions => ({
    lockfilePath: lockPath,
    realpath: false,
    stale: STALE_MS,
    update: UPDATE_MS,
    // A laptop that slept past the stale time finds its lock "compromised": take it back if nobody else has.
    onCompromised: () => {
      void acquire().then((outcome) => {
        if ('refused' in outcome) onLost(outcome.refused);
      });
    },
  });
  let release: (() => Promise<void>) | null = null;
  const acquire = async (): Promise<LockOutcome> => {
    try {
      release = await lockfile.lock(folder, options());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        return { refused: `The library folder cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}), so it is open read-only.` };
      }
      const owner = await readOwner(folder);
      const abandoned =
        owner === null ? await abandonedWithoutNote(folder, lockPath) : owner.host === hostname() && !isRunning(owner.pid) && owner.pid !== process.pid;
      if (!abandoned) return { refused: heldByMessage(owner ?? (await readOwner(folder))) };
      // Left by a process that is no longer running (killed, crashed, power cut).
      await fs.rm(join(folder, OWNER_FILE), { force: true });
      await fs.rm(lockPath, { recursive: true, force: true });
      try {
        release = await lockfile.lock(folder, options());
      } catch {
        return { refused: heldByMessage(await readOwner(folder)) };
      }
    }
    const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await fs.writeFile(join(folder, OWNER_FILE), JSON.stringify(owner)).catch(() => undefined);
    return { held: { release: releaseLock } };
  };
  const releaseLock = async (): Promise<void> => {
    if (release === null) return;
    const held = release;
    release = null;
    await fs.rm(join(folder, OWNER_FILE), { force: true }).catch(() => undefined);
    await held().catch(() => undefined);
  };
  return acquire();
}
