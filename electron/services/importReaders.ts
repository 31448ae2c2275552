// The readers of an import: a few worker threads (importWorker.ts), one per spare core, each reading
// one file at a time into its meetings and report. The node side's own thread only hands out files and
// stores what comes back (importJob.ts), so it keeps answering the window while thousands are read.
// A worker that dies (out of memory, a crash in pdf.js) or takes too long over a file is replaced, and
// that file alone is reported as not read: an import never hangs on one file.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DeclarationKind } from '../../shared/model/declarationKinds.js';
import type { ImportOutcome } from '../../shared/import/index.js';
import { ImportError, MAX_IMPORT_BYTES } from '../../shared/import/index.js';
import { MAX_BINARY_IMPORT_BYTES } from '../../shared/import/fileFormat.js';

/** The largest file a reader opens: larger ones are refused by their size, unread. */
export const MOST_FILE_BYTES = Math.max(MAX_IMPORT_BYTES, MAX_BINARY_IMPORT_BYTES);
/** A file not read in this time is given up (its worker replaced): pdf.js gives up on its own at 30 s. */
export const READ_TIME_LIMIT_MS = 60_000;
/** A reader's heap: ten times the largest text file is ample, and a file needing more fails alone, not the app. */
const READER_HEAP_MB = 768;

/** One file to read: its bytes, or its path for the worker to read from the disk. */
export interface ReadTask {
  id: number;
  fileName: string;
  path?: string;
  bytes?: Uint8Array;
  /** The kinds of interest to read declarations against (shared/import readForCommittee); the known kinds when absent. */
  declarationKinds?: DeclarationKind[];
}

/** A file read (its outcome) or not (why, in the clerk's words); `bytes` its size as read. */
export type ReadAnswer = { id: number; bytes: number } & ({ ok: true; outcome: ImportOutcome } | { ok: false; message: string; notBegun?: true });

/**
 * Where the worker's script is: the importWorker file bundled beside the program, or (`fromSource`, the
 * command line run from its TypeScript through tsx, as in development and the tests) importWorker.ts,
 * loaded through tsx's loader registered in the worker first.
 */
export interface ReaderScript {
  file: string;
  fromSource?: boolean;
}

/** Registers tsx in the worker, then loads the reader's TypeScript (a worker's execArgv takes no --import on Node 20). */
const FROM_SOURCE = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ register }) => { register(); return import(require('node:url').pathToFileURL(workerData).href); });`;

/** Why the file was not read, as every import names a file it refuses. */
const notRead = (task: ReadTask, why: string): string => new ImportError(task.fileName, why).message;

interface Reader {
  worker: Worker;
  task: { task: ReadTask; resolve: (answer: ReadAnswer) => void; timer: ReturnType<typeof setTimeout> } | null;
}

export class ImportReaders {
  private readonly readers: Reader[] = [];
  private readonly waiting: { task: ReadTask; resolve: (answer: ReadAnswer) => void }[] = [];
  private closed = false;
  /** How many files are read at once: one per core, leaving one to the node side and the window. */
  readonly size: number;

  constructor(
    private readonly script: ReaderScript,
    options: { size?: number; heapMb?: number; timeLimitMs?: number } = {},
  ) {
    this.size = options.size ?? Math.max(1, availableParallelism() - 1);
    this.heapMb = options.heapMb ?? READER_HEAP_MB;
    this.timeLimitMs = options.timeLimitMs ?? READ_TIME_LIMIT_MS;
  }

  private readonly heapMb: number;
  private readonly timeLimitMs: number;

  /** Reads one file; never rejects: a file that cannot be read, or whose reader died, answers why. */
  read(task: ReadTask): Promise<ReadAnswer> {
    if (this.closed) return Promise.resolve({ id: task.id, bytes: 0, ok: false, message: notRead(task, 'the import had ended.') });
    return new Promise((resolve) => {
      this.waiting.push({ task, resolve });
      this.next();
    });
  }

  /** Lets go of the files not begun yet (Cancel): each answers `notBegun`; the files being read finish. */
  forgetWaiting(): void {
    for (const waiting of this.waiting.splice(0)) waiting.resolve({ id: waiting.task.id, bytes: 0, ok: false, message: notRead(waiting.task, 'the import was cancelled first.'), notBegun: true });
  }

  /** Stops every reader; a file being read answers that it was not read. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.waiting.splice(0)) waiting.resolve({ id: waiting.task.id, bytes: 0, ok: false, message: notRead(waiting.task, 'the import had ended.') });
    // Asked to end, each reader finishes as a thread does (its profile written under --cpu-prof); one that does not is stopped.
    await Promise.all(
      this.readers.splice(0).map(async ({ worker }) => {
        const ended = new Promise((resolve) => worker.once('exit', resolve));
        worker.postMessage(null);
        const stop = setTimeout(() => void worker.terminate(), 1000);
        await ended;
        clearTimeout(stop);
      }),
    );
  }

  private next(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const reader = this.readers.find((candidate) => candidate.task === null) ?? (this.readers.length < this.size ? this.started() : null);
      if (reader === null) return;
      const { task, resolve } = this.waiting.shift()!;
      const timer = setTimeout(() => this.giveUp(reader, notRead(task, `it was not read in ${this.timeLimitMs / 1000} seconds; check that it is the right file.`)), this.timeLimitMs);
      reader.task = { task, resolve, timer };
      // Copied, not handed over: the job keeps the bytes to read the file again against its committee's own kinds of interest.
      reader.worker.postMessage(task);
    }
  }

  private started(): Reader {
    const resourceLimits = { maxOldGenerationSizeMb: this.heapMb };
    const worker = this.script.fromSource === true ? new Worker(FROM_SOURCE, { eval: true, workerData: this.script.file, resourceLimits }) : new Worker(this.script.file, { resourceLimits });
    const reader: Reader = { worker, task: null };
    worker.on('message', (answer: ReadAnswer) => {
      const taken = reader.task;
      if (taken === null || taken.task.id !== answer.id) return;
      clearTimeout(taken.timer);
      reader.task = null;
      taken.resolve(answer);
      this.next();
    });
    worker.on('error', (error) => this.giveUp(reader, null, error));
    worker.on('exit', (code) => this.giveUp(reader, null, new Error(`it stopped with code ${code}`)));
    this.readers.push(reader);
    return reader;
  }

  /** The reader is done for: its file is answered as not read, and the next file gets a fresh reader. */
  private giveUp(reader: Reader, message: string | null, error?: Error): void {
    const at = this.readers.indexOf(reader);
    if (at < 0) return;
    this.readers.splice(at, 1);
    void reader.worker.terminate();
    const taken = reader.task;
    reader.task = null;
    if (taken !== null) {
      clearTimeout(taken.timer);
      const why = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needed more memory than a reader has' : (error?.message ?? 'unknown');
      taken.resolve({ id: taken.task.id, bytes: taken.task.bytes?.byteLength ?? 0, ok: false, message: message ?? notRead(taken.task, `Minute Book's reader stopped while reading it (${why}); the other files went on.`) });
    } else if (error !== undefined && !this.closed) console.error('[minute-book] an import reader stopped:', error);
    this.next();
  }
}
