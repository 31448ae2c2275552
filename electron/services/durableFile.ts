// The one way the library writes a file: wholly the old content or wholly the new, and on the disk
// when we say "Saved". A temporary file beside the target is written and fsynced, renamed over the
// target, and the folder is fsynced (POSIX makes a rename durable only once its directory is synced).
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

/** The folders whose sync is put off to the end of the work under way (withFolderSyncsAtEnd), if any. */
const deferredFolders = new AsyncLocalStorage<{ folders: Set<string>; open: boolean }>();

/**
 * Runs `work` (an import of many meetings) with every folder sync its durable writes would make put
 * off to its end and made once per folder, before it answers: an import of 200 meetings otherwise
 * synced the meetings and history folders 400 times, about half its time waiting on the disk. Each file
 * is still synced before it is renamed into place, so a crash midway leaves each meeting whole or
 * absent, never torn; what the work answered is durable once it has answered. Writes made outside the
 * work meanwhile (another window's save) sync as ever.
 */
export async function withFolderSyncsAtEnd<T>(work: () => Promise<T>): Promise<T> {
  const deferred = { folders: new Set<string>(), open: true };
  try {
    return await deferredFolders.run(deferred, work);
  } finally {
    // Anything the work left running (a timer it set) syncs its own from now on.
    deferred.open = false;
    await Promise.all([...deferred.folders].map((folder) => syncFolderNow(folder).catch(() => undefined)));
  }
}

/** Syncs a folder's entry list, or notes it to be synced at the end of the work under way (withFolderSyncsAtEnd). */
async function syncFolder(folder: string): Promise<void> {
  const deferred = deferredFolders.getStore();
  if (deferred?.open === true) deferred.folders.add(folder);
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
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
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
  const handle = await fs.open(path, 'a');
  let created: boolean;
  try {
    created = (await handle.stat()).size === 0;
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await syncFolder(dirname(path)).catch(() => undefined);
}

/** Whether a temporary file name is one writeFileDurably left behind (a kill between write and rename). */
export const isLeftoverTemporary = (name: string): boolean => /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
