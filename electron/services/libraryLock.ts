// One process owns a library at a time: two windows (two bridges, a bridge and the command line, two
// clerks on a shared drive) writing the same files would overwrite each other's saves. The lock is
// proper-lockfile's lock folder (atomic mkdir, its mtime refreshed while held, stale after STALE_MS),
// plus a note beside it of who holds it, so a lock left by a process that crashed on this computer is
// taken over at once instead of after the stale time, and a refusal can say who has the library open.
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
const UPDATE_MS = 2_000;
/** How long a lock may be without its owner's note before it counts as abandoned. */
const NOTE_GRACE_MS = 500;

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
      let owner = await readOwner(folder);
      if (owner === null) {
        // A holder writes its note a moment after taking the lock: give it that moment.
        await new Promise((resolve) => setTimeout(resolve, NOTE_GRACE_MS));
        owner = await readOwner(folder);
      }
      // Still no note: the holder was killed between taking the lock and writing it, so the lock is abandoned.
      const abandoned = owner === null || (owner.host === hostname() && !isRunning(owner.pid) && owner.pid !== process.pid);
      if (!abandoned) return { refused: heldByMessage(owner) };
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
