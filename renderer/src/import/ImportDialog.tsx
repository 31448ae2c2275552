// Importing the published archive: read each file (with a progress bar when there are many), show
// what was found (meetings, items, resolutions, warnings, each file's report), let the clerk choose
// what to do with meetings the library already holds, then add the rest.
import { useEffect, useState, type FormEvent } from 'react';
import type { ImportRequest, ImportSummary, LibraryOverview } from '../../../shared/contract.js';
import { sameCommitteeName } from '../../../shared/model/committee.js';
import { ImportError, importDocument, type ImportReport, type ImportedMeeting } from '../../../shared/import/index.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';

interface FileResult {
  fileName: string;
  meetings: ImportedMeeting[];
  report: ImportReport | null;
  error: string | null;
}

interface ImportDialogProps {
  files: File[];
  library: LibraryOverview;
  onClose: () => void;
  onImported: (library: LibraryOverview) => void;
}

const newId = () => crypto.randomUUID();

export function ImportDialog({ files, library, onClose, onImported }: ImportDialogProps) {
  const [results, setResults] = useState<FileResult[]>([]);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'replace'>('skip');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reading = results.length < files.length;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (const file of files) {
        let result: FileResult;
        try {
          const outcome = importDocument(file.name, await file.text(), newId);
          result = { fileName: file.name, meetings: outcome.meetings, report: outcome.report, error: null };
        } catch (failure) {
          result = { fileName: file.name, meetings: [], report: null, error: failure instanceof ImportError ? failure.message : String(failure) };
        }
        if (cancelled) return;
        setResults((done) => [...done, result]);
        // Let the progress bar paint between files.
        await new Promise((resolve) => setTimeout(resolve));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [files]);

  const meetings = results.flatMap((result) => result.meetings);
  const duplicates = meetings.filter((meeting) =>
    library.meetings.some(
      (summary) =>
        summary.date === meeting.date &&
        library.committees.some((committee) => committee.id === summary.committeeId && sameCommitteeName(committee.name, meeting.committee.name)),
    ),
  );
  const resolutions = meetings.reduce((total, meeting) => total + meeting.items.reduce((n, item) => n + item.minutes.filter((b) => b.type === 'resolution').length, 0), 0);
  const warnings = results.reduce((total, result) => total + (result.report?.warnings.length ?? 0) + (result.report?.unplaced.length ?? 0) + (result.error ? 1 : 0), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (summary !== null) return onClose();
    const request: ImportRequest = {
      onDuplicate,
      files: results
        .filter((result) => result.report !== null)
        .map((result) => ({ fileName: result.fileName, form: result.report!.form, meetings: result.meetings, warnings: result.report!.warnings })),
    };
    try {
      const answer = await api.call('library:import', request);
      setSummary(answer.summary);
      onImported(answer.library);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Modal title="Import minutes" onClose={onClose}>
      <form onSubmit={submit} className="form-grid import-dialog">
        <label>
          Reading {files.length} file{files.length === 1 ? '' : 's'}
          <progress max={files.length} value={results.length} />
        </label>
        {!reading && summary === null && (
          <p role="status">
            Found {meetings.length} meeting{meetings.length === 1 ? '' : 's'}, {meetings.reduce((n, m) => n + m.items.length, 0)} items, {resolutions} resolutions,{' '}
            {warnings} warning{warnings === 1 ? '' : 's'}.
          </p>
        )}
        {!reading && duplicates.length > 0 && summary === null && (
          <fieldset>
            <legend>
              {duplicates.length} meeting{duplicates.length === 1 ? ' is' : 's are'} already in the library ({duplicates.map((m) => m.date).join(', ')})
            </legend>
            <label className="check">
              <input type="radio" name="duplicates" checked={onDuplicate === 'skip'} onChange={() => setOnDuplicate('skip')} /> Skip them
            </label>
            <label className="check">
              <input type="radio" name="duplicates" checked={onDuplicate === 'replace'} onChange={() => setOnDuplicate('replace')} /> Replace them
            </label>
          </fieldset>
        )}
        {summary !== null && (
          <p role="status">
            Imported {summary.meetings} meeting{summary.meetings === 1 ? '' : 's'} ({summary.items} items, {summary.resolutions} resolutions); skipped {summary.skipped}, replaced{' '}
            {summary.replaced}.
          </p>
        )}
        <ul className="import-reports" aria-label="Reports">
          {results.map((result) => (
            <li key={result.fileName}>
              <details>
                <summary>
                  {result.fileName}:{' '}
                  {result.error ??
                    `${result.meetings.length} meeting(s) as ${result.report!.form}, ${result.report!.unplaced.length} line(s) not placed, ${result.report!.warnings.length} warning(s)`}
                </summary>
                {result.report && (
                  <ul>
                    {result.report.warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                    {result.report.unplaced.map((line) => (
                      <li key={line.line}>
                        Line {line.line}: {line.text}
                      </li>
                    ))}
                    {summary?.files
                      .find((file) => file.fileName === result.fileName)
                      ?.notes.map((note) => <li key={note}>{note}</li>)}
                  </ul>
                )}
              </details>
            </li>
          ))}
        </ul>
        <ErrorMessage error={error} />
        <DialogButtons submitLabel={summary === null ? 'Import' : 'Done'} onCancel={onClose} disabled={reading || (summary === null && meetings.length === 0)} />
      </form>
    </Modal>
  );
}
