// Importing a folder of the archive (more files than a clerk reviews one by one): the files go to the
// node side in parts, where worker threads read them and the library stores them a batch at a time
// (electron/services/importJob.ts), while this window shows how far it has got and stays free. Cancel
// stops after the file being read; what was imported is kept and listed, and can be undone.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MOST_FILES_PER_PART, type ImportProgress, type LibraryOverview } from '../../../shared/contract.js';
import { api } from '../api.js';
import { toBase64 } from '../export/saveFile.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import { UndoImport } from './UndoImport.js';

/** More files than this are imported in the background, with progress and Cancel, rather than each reviewed before importing. */
export const MANY_FILES = 50;
/** Bytes of files sent in one part at most (before base64), well inside what the browser bridge takes in one call. */
const PART_BYTES = 8 * 1024 * 1024;
/** How often the window asks how the import is getting on. */
const ASK_EVERY_MS = 250;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** The files in parts of at most MOST_FILES_PER_PART files and PART_BYTES bytes (a larger file goes alone). */
function partsOf(files: readonly File[]): File[][] {
  const parts: File[][] = [];
  let part: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (part.length > 0 && (part.length === MOST_FILES_PER_PART || bytes + file.size > PART_BYTES)) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(file);
    bytes += file.size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

interface ManyFilesImportProps {
  files: File[];
  library: LibraryOverview;
  onClose: () => void;
  onImported: (library: LibraryOverview) => void;
}

export function ManyFilesImport({ files, onClose, onImported }: ManyFilesImportProps) {
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'replace'>('skip');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const stopped = useRef(false);
  const totalBytes = files.reduce((total, file) => total + file.size, 0);
  const importing = progress?.state === 'importing';
  const ended = progress !== null && !importing;

  // Asks how the import is getting on until it has ended, then shows the library as it now is.
  useEffect(() => {
    if (progress?.state !== 'importing') return;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const now = await api.call('imports:progress', { jobId: progress.jobId });
          setProgress(now);
          if (now.state !== 'importing') onImported(await api.call('library:open', {}));
        } catch (failure) {
          setError(failure);
        }
      })();
    }, ASK_EVERY_MS);
    return () => clearTimeout(timer);
  }, [progress, onImported]);

  // Closing the dialog does not leave an import running unseen.
  useEffect(
    () => () => {
      stopped.current = true;
    },
    [],
  );

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (ended) return onClose();
    try {
      const begun = await api.call('imports:start', { total: files.length, totalBytes, onDuplicate });
      setProgress(begun);
      const parts = partsOf(files);
      for (const [at, part] of parts.entries()) {
        if (stopped.current) return;
        const sent = await Promise.all(part.map(async (file) => ({ fileName: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) })));
        const now = await api.call('imports:add-files', { jobId: begun.jobId, files: sent, last: at === parts.length - 1 });
        if (now.state !== 'importing') return;
      }
    } catch (failure) {
      setError(failure);
    }
  };

  const cancel = async () => {
    if (progress === null || !importing) return onClose();
    stopped.current = true;
    // Answered once the files already read are stored, which may take a few seconds.
    setCancelling(true);
    try {
      const final = await api.call('imports:cancel', { jobId: progress.jobId });
      setProgress(final);
      onImported(await api.call('library:open', {}));
    } catch (failure) {
      setError(failure);
    }
  };

  const summary = progress?.summary;
  return (
    <Modal title="Import minutes" onClose={() => void cancel()}>
      <form onSubmit={start} className="form-grid import-dialog many-files">
        <p>
          {plural(files.length, 'file')} ({megabytes(totalBytes)}). They are read and stored in the background; Minute Book goes on answering while they are
          imported.
        </p>
        {progress === null && (
          <fieldset>
            <legend>Meetings already in the library</legend>
            <label className="check">
              <input type="radio" name="duplicates" checked={onDuplicate === 'skip'} onChange={() => setOnDuplicate('skip')} /> Skip them
            </label>
            <label className="check">
              <input type="radio" name="duplicates" checked={onDuplicate === 'replace'} onChange={() => setOnDuplicate('replace')} /> Replace the published
              copies (each replaced copy is kept and can be restored)
            </label>
            <small>Drafts you are writing, and circulated, agreed or signed minutes, are never replaced by an import of many files.</small>
          </fieldset>
        )}
        {progress !== null && (
          <>
            <div
              className="import-progress"
              role="progressbar"
              aria-label="Files imported"
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.done}
              aria-valuetext={`${progress.done} of ${progress.total} files`}
            >
              <div className="import-progress-done" style={{ width: `${(100 * progress.done) / Math.max(1, progress.total)}%` }} />
            </div>
            <p role="status" className="import-progress-said">
              {importing
                ? `Read ${progress.done} of ${progress.total} files (${megabytes(progress.bytes)} of ${megabytes(progress.totalBytes)}), ${plural(progress.summary.meetings, 'meeting')} imported${progress.current === null ? '' : `: reading ${progress.current}`}`
                : `${progress.state === 'cancelled' ? 'Cancelled. ' : progress.state === 'failed' ? 'Stopped. ' : ''}Imported ${plural(summary!.meetings, 'meeting')} (${summary!.items} items, ${summary!.resolutions} resolutions) from ${progress.done} of ${progress.total} files; skipped ${summary!.skipped}, replaced ${summary!.replaced}${progress.unread.length > 0 ? `; ${plural(progress.unread.length, 'file')} could not be read` : ''}${progress.notReached > 0 ? `; ${plural(progress.notReached, 'file')} not reached, not imported` : ''}.`}
            </p>
            {progress.failure !== null && <p role="alert">{progress.failure}</p>}
          </>
        )}
        {ended && summary!.addedMeetings.length > 0 && <UndoImport meetingIds={summary!.addedMeetings} onImported={onImported} onError={setError} />}
        {ended && (
          <ul className="import-reports" aria-label="Reports">
            {progress.unread.map((file) => (
              <li key={`unread-${file.fileName}`}>{file.reason}</li>
            ))}
            {summary!.files.map((file) => (
              <li key={file.fileName}>
                <details>
                  <summary>
                    {file.fileName}: {file.imported === 0 ? 'nothing imported' : `${plural(file.imported, 'meeting')} imported`}
                    {file.notImported > 0 ? `, ${file.notImported} not` : ''}
                  </summary>
                  {file.notes.length > 0 && (
                    <ul>
                      {file.notes.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                  )}
                </details>
              </li>
            ))}
          </ul>
        )}
        <ErrorMessage error={error} />
        {importing ? (
          <div className="dialog-buttons">
            <button type="button" onClick={() => void cancel()} disabled={cancelling}>
              {cancelling ? 'Cancelling: storing what was read…' : 'Cancel import'}
            </button>
          </div>
        ) : (
          <DialogButtons submitLabel={ended ? 'Done' : 'Import'} onCancel={onClose} />
        )}
      </form>
    </Modal>
  );
}
