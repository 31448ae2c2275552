// Files given to the desktop app to open: double-clicked (the installer's file associations put the
// path on the command line on Windows and Linux; macOS sends `open-file`), passed to a second start,
// or chosen in Import…'s open dialog. They are read here and sent to the window by name and bytes, so
// the window never names a path on this computer. No Electron import; tested in
// tests/unit/openedFiles.test.ts.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSent } from '../../shared/contract.js';
import { MAX_IMPORT_BYTES } from '../../shared/import/detectForm.js';
import { MAX_BYTES_SENT, MAX_FILES_SENT, isImportableName } from '../../shared/import/importableFiles.js';

/** Switches that take the next argument as their value (dataFolder.ts `chosenLibraryFolder`). */
const SWITCHES_WITH_VALUE = new Set(['--library']);

/** A URL's scheme and colon ("file:", "sftp:"), two letters or more so that a Windows drive ("C:") is not one. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * The local path an argument names: a path as given, or a `file:` URL decoded (Linux desktop entries
 * start the app with `%U`, and GIO file managers then pass `file:///home/clerk/Minutes%20July.json`).
 * Null for another kind of URL, or a file URL of another computer, which cannot be read as a file.
 */
function localPath(arg: string): string | null {
  if (!URL_SCHEME.test(arg)) return arg;
  if (!arg.toLowerCase().startsWith('file:')) return null;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * The files to open named on a command line `argv` (process.argv, or a second start's), as absolute
 * paths resolved against `workingFolder`: every argument after the program (and, when not packaged,
 * the app's folder, `electron .`) that is not a switch or a switch's value, is a path or a `file:` URL
 * of this computer, and ends in an ending Import… reads (importableFiles.ts), each once.
 */
export function filesInArgv(argv: readonly string[], options: { packaged: boolean; workingFolder: string }): string[] {
  const files: string[] = [];
  for (let index = options.packaged ? 1 : 2; index < argv.length; index++) {
    const arg = argv[index]!;
    if (SWITCHES_WITH_VALUE.has(arg)) {
      index++;
      continue;
    }
    // Switches, Chromium's own among them (a second start's argv carries some), and macOS's -psn_….
    if (arg.startsWith('-')) continue;
    const named = localPath(arg);
    if (named === null || !isImportableName(named)) continue;
    const path = resolve(options.workingFolder, named);
    if (!files.includes(path)) files.push(path);
  }
  return files;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Why a file could not be read, in the clerk's words, from Node's error code. */
function unreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it is no longer there (moved, renamed or deleted?)';
  if (code === 'EACCES' || code === 'EPERM') return 'this computer does not let Minute Book read it';
  if (code === 'EISDIR') return 'it is a folder; drop a folder on the window to import what it holds';
  return `the computer said “${(error as Error).message}”`;
}

/**
 * Reads `paths` for the window: each as a FileSent, or a sentence in `problems` naming the file and
 * why it was not read (missing, a folder, unreadable, larger than any minutes, or over the answer's
 * bounds of MAX_FILES_SENT files and MAX_BYTES_SENT bytes). Never throws.
 */
export async function readFilesToSend(paths: readonly string[]): Promise<{ files: FileSent[]; problems: string[] }> {
  const files: FileSent[] = [];
  const problems: string[] = [];
  let bytesSent = 0;
  for (const path of paths) {
    const fileName = basename(path);
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
      if (info.size > MAX_IMPORT_BYTES) {
        problems.push(`${fileName} was not read: it is larger than ${megabytes(MAX_IMPORT_BYTES)}, far more than any minutes.`);
        continue;
      }
      if (files.length >= MAX_FILES_SENT || bytesSent + info.size > MAX_BYTES_SENT) {
        problems.push(`${fileName} was not read: that is more files than one import takes. Import it on its own afterwards.`);
        continue;
      }
      const bytes = await readFile(path);
      bytesSent += bytes.length;
      files.push({ fileName, base64: bytes.toString('base64') });
    } catch (error) {
      problems.push(`${fileName} could not be read: ${unreadable(error)}.`);
    }
  }
  return { files, problems };
}

/**
 * The files waiting for the window: given before it could take them (at start, or while it loads), and
 * taken once (files:take-opened), so a file double-clicked twice is offered twice but never replayed.
 */
export class OpenedFiles {
  private waiting: string[] = [];

  /** Adds `paths`; answers true when any was added (then the window is told: MenuMessage 'open-files'). */
  add(paths: readonly string[]): boolean {
    const added = paths.filter((path) => !this.waiting.includes(path));
    this.waiting.push(...added);
    return added.length > 0;
  }

  /** The paths waiting, oldest first; none are left waiting. */
  take(): string[] {
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }
}
