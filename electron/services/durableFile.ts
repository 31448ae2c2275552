// The one way the library writes a file: wholly the old content or wholly the new, and on the disk
// when we say "Saved". A temporary file beside the target is written and fsynced, renamed over the
// target, and the folder is fsynced (POSIX makes a rename durable only once its directory is synced).
// An import writes as one batch (withDurableBatch): the same steps, each made for all its files at once.
// A write that fails leaves the target as it was and removes its temporary file, and its error says
// what the clerk can do about it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LibraryError } from './libraryErrors.js';

/** Windows gives EPERM/EACCES/EBUSY on rename while antivirus or a sync client holds the file for a moment. */
const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_RETRY_DELAYS_MS = [20, 50, 100, 200, 400, 800];

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/**
 * The sentence a clerk sees when a write fails, by the operating system's error code. `label` names
 * the file as the clerk would find it in the library folder ("meetings/<id>.json").
 */
export function writeFailureMessage(error: unknown, label: string): string {
  const code = errorCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return `The disk is full: free some space. Your words are kept in this window and will be saved (${label} was not changed).`;
  }
  if (code === 'EROFS') return `The library folder is on a read-only disk, so ${label} cannot be written. Your words are kept in this window.`;
  if (code !== undefined && BUSY_CODES.has(code)) {
    return `${label} is locked or protected by another program (antivirus and sync clients do this for a moment). Your words are kept in this window and will be saved when it is free.`;
  }
  return `${label} could not be written (${code ?? (error instanceof Error ? error.message : String(error))}). Your words are kept in this window and will be saved.`;
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !BUSY_CODES.has(errorCode(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A write put off to the end of the batch under way: its temporary file is written, not yet synced or renamed. */
interface PendingWrite {
  temporary: string;
  path: string;
  label: string;
}

/** What a batch of durable writes (withDurableBatch) has put off: files to sync and rename, appends and folders to sync. */
interface Batch {
  folders: Set<string>;
  writes: PendingWrite[];
  /** Files appended to, to be synced. */
  appended: Set<string>;
  open: boolean;
}

const batches = new AsyncLocalStorage<Batch>();

/** Files synced at once when a batch is settled: enough to keep the disk's queue full, few enough for any limit on open files. */
const SYNCS_AT_ONCE = 16;

/** Runs `task` on every entry, at most SYNCS_AT_ONCE at a time; rejects with the first failure once all have ended. */
async function eachAtOnce<T>(entries: readonly T[], task: (entry: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (next < entries.length) {
      const entry = entries[next++]!;
      await task(entry).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SYNCS_AT_ONCE, entries.length) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

async function syncFile(path: string): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes the batch's writes so far durable and in place: every temporary file and appended file is
 * synced (many at once, so the disk's waits overlap instead of adding up: an import of 200 meetings
 * spent most of its time in 400 fsyncs one after another), and only then is each temporary renamed
 * over its target, in the order written. Should a sync fail, no pending file is renamed and every
 * temporary is removed, so the targets are as they were; the error is the LibraryError a single write
 * would have thrown. Outside a batch it does nothing.
 */
export async function settleBatch(): Promise<void> {
  const batch = batches.getStore();
  if (batch === undefined) return;
  const writes = batch.writes.splice(0);
  const appended = [...batch.appended];
  batch.appended.clear();
  let failed: PendingWrite | null = null;
  try {
    await eachAtOnce(writes, (write) =>
      syncFile(write.temporary).catch((error: unknown) => {
        failed ??= write;
        throw error;
      }),
    );
    // A torn append is dropped by its reader, so an append that cannot be synced only weakens its durability.
    await eachAtOnce(appended, (path) => syncFile(path).catch(() => undefined));
    for (const write of writes) {
      await renameWithRetry(write.temporary, write.path).catch((error: unknown) => {
        failed ??= write;
        throw error;
      });
      batch.folders.add(dirname(write.path));
    }
  } catch (error) {
    await Promise.all(writes.map((write) => fs.rm(write.temporary, { force: true }).catch(() => undefined)));
    const label = (failed as PendingWrite | null)?.label ?? 'a file';
    throw new LibraryError('storage', writeFailureMessage(error, label));
  }
}

/** Whether `path` has a write put off in the batch under way (it holds its old content until the batch is settled). */
const pendingIn = (batch: Batch | undefined, path: string): boolean => batch?.open === true && batch.writes.some((write) => write.path === path);

/**
 * Settles the batch under way first when `path` has a write put off in it, so what is read of the
 * file (its content, size, time) is what was last written. Outside a batch it does nothing.
 */
export async function settledBeforeReading(path: string): Promise<void> {
  if (pendingIn(batches.getStore(), path)) await settleBatch();
}

/**
 * Runs `work` (an import of many meetings) as one batch of durable writes: each file it writes is
 * written to its temporary file at once, but synced and renamed into place only when the batch is
 * settled (settleBatch: by `work` itself, else at its end), and each folder is synced once at the end,
 * before it answers. A crash midway leaves each file whole, as before or as written, never torn; what
 * the work answered is durable once it has answered, even when it failed midway. Writes made outside
 * the work meanwhile (another window's save) are made as ever.
 */
export async function withDurableBatch<T>(work: () => Promise<T>): Promise<T> {
  const batch: Batch = { folders: new Set(), writes: [], appended: new Set(), open: true };
  try {
    return await batches.run(batch, async () => {
      try {
        return await work();
      } finally {
        await settleBatch();
      }
    });
  } finally {
    // Anything the work left running (a timer it set) writes as ever from now on.
    batch.open = false;
    await Promise.all([...batch.folders].map((folder) => syncFolderNow(folder).catch(() => undefined)));
  }
}

/** Syncs a folder's entry list, or notes it to be synced at the end of the batch under way (withDurableBatch). */
async function syncFolder(folder: string): Promise<void> {
  const batch = batches.getStore();
  if (batch?.open === true) batch.folders.add(folder);
  else await syncFolderNow(folder);
}

/** Syncs a folder's entry list; Windows cannot open a folder for this, and its renames are journaled by NTFS. */
async function syncFolderNow(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `content` (UTF-8 text or bytes) to `path` durably and atomically. Throws a LibraryError
 * ('storage') carrying writeFailureMessage(…, label); on any failure the target is untouched and no
 * temporary file is left behind.
 */
export async function writeFileDurably(path: string, content: string | Uint8Array, label = basename(path)): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const batch = batches.getStore();
  const putOff = batch?.open === true;
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(content);
      if (!putOff) await handle.sync();
    } finally {
      await handle.close();
    }
    if (putOff) {
      batch.writes.push({ temporary, path, label });
      return;
    }
    await renameWithRetry(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw new LibraryError('storage', writeFailureMessage(error, label));
  }
  // The content is in place; a folder that cannot be synced only weakens durability, so it is not a failure.
  await syncFolder(dirname(path)).catch(() => undefined);
}

/**
 * Appends `content` to `path` (creating it) and fsyncs it before answering; the folder too when the
 * file is new. For append-only files (a meeting's history), where one small append replaces a rewrite
 * of a growing file. Not atomic: a kill mid-append can leave a torn last line, which the reader drops.
 * Throws the operating system's error unchanged (the caller decides whether it is a failure to report).
 */
export async function appendDurably(path: string, content: string): Promise<void> {
  const batch = batches.getStore();
  // A whole-file write of this file put off in the batch goes in place first, or it would replace the append.
  if (pendingIn(batch, path)) await settleBatch();
  const putOff = batch?.open === true;
  const handle = await fs.open(path, 'a');
  let created: boolean;
  try {
    created = (await handle.stat()).size === 0;
    await handle.writeFile(content);
    if (!putOff) await handle.sync();
  } finally {
    await handle.close();
  }
  if (putOff) batch.appended.add(path);
  if (created) await syncFolder(dirname(path)).catch(() => undefined);
}

/** Whether a temporary file name is one writeFileDurably left behind (a kill between write and rename). */
export const isLeftoverTemporary = (name: string): boolean => /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
