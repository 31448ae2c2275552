// The reader of an import, run in a worker thread (importReaders.ts starts it): it reads one file at a
// time into its meetings and report (importFile.ts — pdf.js, mammoth and the pure reader in
// shared/import), so a folder of thousands of files is read without holding up the node side, which
// goes on answering saves and searches and alone writes to the library. It stores nothing.
import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { ImportError } from '../../shared/import/index.js';
import { megabytes, readImportFile } from './importFile.js';
import { MOST_FILE_BYTES, type ReadAnswer, type ReadTask } from './importReaders.js';

/** The file's bytes: those sent, or read from its path after its size is checked (nothing larger than any minutes is read whole). */
async function bytesOf(task: ReadTask): Promise<Uint8Array> {
  if (task.bytes !== undefined) return task.bytes;
  const handle = await open(task.path!, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MOST_FILE_BYTES) throw new ImportError(task.fileName, `the file is larger than ${megabytes(MOST_FILE_BYTES)}, far more than any set of minutes; check that it is the right file.`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function answer(task: ReadTask): Promise<ReadAnswer> {
  let bytes = task.bytes?.byteLength ?? 0;
  try {
    const content = await bytesOf(task);
    bytes = content.byteLength;
    const outcome = await readImportFile(task.fileName, content, randomUUID, task.declarationKinds === undefined ? {} : { declarationKinds: task.declarationKinds });
    return { id: task.id, bytes, ok: true, outcome };
  } catch (error) {
    if (error instanceof ImportError) return { id: task.id, bytes, ok: false, message: error.message };
    // A file the disk will not give (gone, no permission) is that file's problem; anything else is Minute Book's.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) return { id: task.id, bytes, ok: false, message: new ImportError(task.fileName, `it could not be read from the disk (${code}).`).message };
    return { id: task.id, bytes, ok: false, message: new ImportError(task.fileName, `something went wrong inside Minute Book's reader (${error instanceof Error ? error.message : String(error)}).`).message };
  }
}

// One file at a time: the pool sends the next when this one is answered, so a crash is that file's.
// Null asks it to end once the file in hand is answered.
parentPort!.on('message', (task: ReadTask | null) => {
  if (task === null) parentPort!.close();
  else void answer(task).then((reply) => parentPort!.postMessage(reply));
});
