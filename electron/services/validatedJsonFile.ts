// A lowdb adapter for the library's files: every read is parsed and checked against the schema, naming
// the file and the field at fault; every write goes through writeFileDurably (temporary file, fsync,
// rename, folder fsync), so a file is never half written and a failed write changes nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { parseBoundedJson } from '../../shared/model/boundedJson.js';
import { ValidationError } from '../../shared/model/validation.js';
import { settledBeforeReading, writeFileDurably } from './durableFile.js';

/** A meeting file holds one meeting; anything larger than this is not one Minute Book wrote. */
export const MAX_LIBRARY_FILE_BYTES = 256 * 1024 * 1024;

const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

export class ValidatedJsonFile<T> implements Adapter<T> {
  /** The SHA-256 of the text this adapter last read or wrote (null before either). */
  private digest: string | null = null;

  constructor(
    readonly path: string,
    /** The file as the clerk finds it in the library folder, for messages ("meetings/<id>.json"). */
    readonly label: string,
    private readonly parse: (raw: unknown, where: string) => T,
  ) {}

  /** The file's data, or null when there is no file. Throws ValidationError naming the file and the field. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      await settledBeforeReading(this.path);
      const info = await fs.stat(this.path);
      if (info.size > MAX_LIBRARY_FILE_BYTES) {
        throw new ValidationError(this.label, [`the file is ${Math.round(info.size / 1048576)} MB; Minute Book reads at most ${MAX_LIBRARY_FILE_BYTES / 1048576} MB`]);
      }
      text = await fs.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = this.parseText(text);
    this.digest = digestOf(text);
    return data;
  }

  /**
   * Whether the file still holds exactly the text last read or written here: the check for when its
   * stamp was taken too soon after a write to prove it (fileClock.ts). Reads the file but parses nothing.
   */
  async holdsWhatWasLastSeen(): Promise<boolean> {
    if (this.digest === null) return false;
    await settledBeforeReading(this.path);
    const text = await fs.readFile(this.path, 'utf8').catch(() => null);
    return text !== null && digestOf(text) === this.digest;
  }

  /** Parses text as this file's content, with the same checks as read(). */
  parseText(text: string): T {
    if (text.trim() === '') throw new ValidationError(this.label, ['not valid JSON (the file is empty)']);
    // Size and nesting are checked before parsing, so a mutated file cannot overflow the validators' stack.
    return this.parse(parseBoundedJson(text, this.label, { maxBytes: MAX_LIBRARY_FILE_BYTES }), this.label);
  }

  async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await writeFileDurably(this.path, text, this.label);
    this.digest = digestOf(text);
  }
}
