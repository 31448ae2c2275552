// Importing the published archive: read each file (with a progress bar when there are many), show
// what was found (meetings, items, resolutions, warnings, each file's report), ask for the date and
// committee of any meeting its file does not state (suggesting a date the file suggests and the
// library's committees), let the clerk choose what to do with meetings the library already holds,
// then add the rest. A draft the clerk is writing is replaced only when it is ticked by name, and
// anything replaced can be restored from the summary. Text files are read here; PDF and Word files
// go to the node side as bytes (library:read-file), where pdf.js and mammoth run. More files than a
// clerk reviews one by one (a folder of the archive) are imported in the background instead
// (ManyFilesImport.tsx).
import { useEffect, useState, type FormEvent } from 'react';
import type { ImportRequest, ImportSummary, LibraryOverview } from '../../../shared/contract.js';
import { counted } from '../../../shared/clerkWords.js';
import { formatFormalDate, formatProseDate } from '../../../shared/dates.js';
import { isFrozen, isLocked } from '../../../shared/lifecycle/transitions.js';
import { sameCommitteeName } from '../../../shared/model/committee.js';
import type { MeetingSummary } from '../../../shared/model/meeting.js';
import { FORMAT_SIGNATURE_BYTES, MAX_BINARY_IMPORT_BYTES, fileFormatOf } from '../../../shared/import/fileFormat.js';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  archiveFormWords,
  importDocument,
  importRequestFile,
  missingDetails,
  readForCommittee,
  type GivenDetails,
  type ImportOptions,
  type ImportOutcome,
  type ImportReport,
  type ImportedMeeting,
} from '../../../shared/import/index.js';
import { api } from '../api.js';
import { toBase64 } from '../export/saveFile.js';
import { clerkMessage } from '../common/clerkMessage.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DateField } from '../common/DateTimeFields.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import { MANY_FILES, ManyFilesImport } from './ManyFilesImport.js';
import { UndoImport } from './UndoImport.js';

interface FileResult {
  fileName: string;
  meetings: ImportedMeeting[];
  report: ImportReport | null;
  error: string | null;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * One file read: text here (after a size check that needs no reading), PDF and Word on the node side;
 * `options` the kinds of interest to read declarations against (`readForCommittee`).
 * @throws ImportError, or the node side's refusal (a MinuteBookError naming the file and the reason)
 */
async function readFile(file: File, options: ImportOptions = {}): Promise<ImportOutcome> {
  const format = fileFormatOf(new Uint8Array(await file.slice(0, FORMAT_SIGNATURE_BYTES).arrayBuffer()));
  if (format === 'text') {
    if (file.size > MAX_IMPORT_BYTES) throw new ImportError(file.name, `the file is larger than ${megabytes(MAX_IMPORT_BYTES)}, far more than any set of minutes; check that it is the right file.`);
    return importDocument(file.name, await file.text(), newId, options);
  }
  if (file.size > MAX_BINARY_IMPORT_BYTES) {
    throw new ImportError(file.name, `the file is larger than ${megabytes(MAX_BINARY_IMPORT_BYTES)}, more than any minutes; if it is a pack with the reports, import the minutes alone.`);
  }
  const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
  return api.call('library:read-file', options.declarationKinds === undefined ? { fileName: file.name, base64 } : { fileName: file.name, base64, declarationKinds: [...options.declarationKinds] });
}

/** What the clerk has typed for a file's missing details; '' while not given. */
interface Typed {
  date: string;
  committee: string;
}

const givenFrom = (typed: Typed | undefined): GivenDetails => ({
  date: typed?.date ? typed.date : undefined,
  committee: typed?.committee.trim() ? typed.committee.trim() : undefined,
});

interface ImportDialogProps {
  files: File[];
  library: LibraryOverview;
  onClose: () => void;
  onImported: (library: LibraryOverview) => void;
}

const newId = () => crypto.randomUUID();

/** Why a meeting in the library is not replaced by an import, in the clerk's words. */
const keptBecause = (meeting: MeetingSummary): string => (isLocked(meeting) ? 'signed and locked' : meeting.status);

/** The import of the files chosen or dropped: reviewed file by file, or for a folder of many, in the background with progress. */
export function ImportDialog(props: ImportDialogProps) {
  return props.files.length > MANY_FILES ? <ManyFilesImport {...props} /> : <ReviewedImport {...props} />;
}

function ReviewedImport({ files, library, onClose, onImported }: ImportDialogProps) {
  const [results, setResults] = useState<FileResult[]>([]);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'replace'>('skip');
  const [replaceDrafts, setReplaceDrafts] = useState<ReadonlySet<string>>(new Set());
  const [restored, setRestored] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [keptAtImport, setKeptAtImport] = useState('');

  const [error, setError] = useState<unknown>(null);
  const [typed, setTyped] = useState<Readonly<Record<string, Typed>>>({});
  const reading = results.length < files.length;
  // Files are read against the committees the library held when the dialog opened: an import changing them does not read the files again.
  const [openedWith] = useState(() => library.committees);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (const file of files) {
        let result: FileResult;
        try {
          // Read against the kinds of interest of the committee the file states, when the library holds it.
          const outcome = await readForCommittee(await readFile(file), {}, openedWith, (options) => readFile(file, options));
          result = { fileName: file.name, meetings: outcome.meetings, report: outcome.report, error: null };
        } catch (failure) {
          result = { fileName: file.name, meetings: [], report: null, error: clerkMessage(failure) };
        }
        if (cancelled) return;
        setResults((done) => [...done, result]);
        // The date the file suggests is offered already typed in, for the clerk to confirm or change.
        const suggested = result.report?.suggestedDate?.date;
        if (suggested !== undefined) setTyped((now) => ({ ...now, [file.name]: { date: suggested, committee: now[file.name]?.committee ?? '' } }));
        // Let the progress bar paint between files.
        await new Promise((resolve) => setTimeout(resolve));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [files, openedWith]);

  // Each file's entry in the request, with what the clerk gave; a file still lacking a detail is not sent.
  const lacking = (result: FileResult): string[] => {
    const given = givenFrom(typed[result.fileName]);
    return [...new Set(result.meetings.flatMap(missingDetails))].filter((detail) => given[detail] === undefined);
  };
  const asked = results.filter((result) => result.meetings.some((meeting) => missingDetails(meeting).length > 0));
  const ready = results.filter((result) => result.report !== null && lacking(result).length === 0);
  const requestFiles = ready.map((result) => importRequestFile({ meetings: result.meetings, report: result.report! }, givenFrom(typed[result.fileName])));
  const meetings = requestFiles.flatMap((file) => file.meetings);
  const waiting = results.filter((result) => result.report !== null && lacking(result).length > 0);
  const inLibrary = (meeting: ImportRequest['files'][number]['meetings'][number]) =>
    library.meetings.find(
      (summary) =>
        summary.date === meeting.date &&
        library.committees.some((committee) => committee.id === summary.committeeId && sameCommitteeName(committee.name, meeting.committee.name)),
    );
  // Each meeting of the library once, however many files hold it.
  const duplicates = [...new Map(meetings.flatMap((meeting) => inLibrary(meeting) ?? []).map((summary) => [summary.id, summary])).values()];
  // Circulated, agreed and signed minutes are never replaced (the node side refuses); only drafts and imported published copies can be.
  const kept = duplicates.filter((held) => isFrozen(held) || isLocked(held));
  const replaceable = duplicates.filter((held) => !kept.includes(held));
  // Drafts being written here, as against minutes already kept as published.
  const drafts = replaceable.filter((held) => held.status === 'draft');
  const committeeName = (committeeId: string) => library.committees.find((committee) => committee.id === committeeId)?.name ?? '';
  const found = results.flatMap((result) => result.meetings);
  const resolutions = found.reduce((total, meeting) => total + meeting.items.reduce((n, item) => n + item.minutes.filter((b) => b.type === 'resolution').length, 0), 0);
  const warnings = results.reduce((total, result) => total + (result.report?.warnings.length ?? 0) + (result.report?.unplaced.length ?? 0) + (result.error ? 1 : 0), 0);

  /** The file's entry; a file whose committee the clerk named is read again against that committee's own kinds of interest, known only now. */
  const withClerksCommittee = async (result: FileResult, at: number): Promise<ImportRequest['files'][number]> => {
    const given = givenFrom(typed[result.fileName]);
    const file = files.find((candidate) => candidate.name === result.fileName);
    if (file === undefined || given.committee === undefined || !result.meetings.some((meeting) => missingDetails(meeting).includes('committee'))) return requestFiles[at]!;
    const outcome = await readForCommittee({ meetings: result.meetings, report: result.report! }, given, library.committees, (options) => readFile(file, options));
    return importRequestFile(outcome, given);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (summary !== null) return onClose();
    try {
      const request: ImportRequest = {
        onDuplicate,
        replaceDrafts: onDuplicate === 'replace' ? [...replaceDrafts] : [],
        files: await Promise.all(ready.map(withClerksCommittee)),
      };
      // Said after the import of the meetings that were in the library before it, not of those it brought.
      setKeptAtImport(kept.map((held) => `${formatProseDate(held.date)} (${keptBecause(held)})`).join('; '));
      const answer = await api.call('library:import', request);
      setSummary(answer.summary);
      onImported(answer.library);
    } catch (failure) {
      setError(failure);
    }
  };

  const restore = async (meetingId: string, copy: string) => {
    try {
      await api.call('meetings:restore-replaced', { meetingId, copy });
      setRestored((done) => new Set([...done, copy]));
      onImported(await api.call('library:open', {}));
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
            Found {found.length} meeting{found.length === 1 ? '' : 's'}, {found.reduce((n, m) => n + m.items.length, 0)} items, {resolutions} resolutions,{' '}
            {warnings} warning{warnings === 1 ? '' : 's'}.
          </p>
        )}
        {!reading && summary === null && asked.length > 0 && (
          <fieldset className="missing-details">
            <legend>
              {asked.length === 1 ? 'A file does' : `${asked.length} files do`} not state when the meeting was or which committee met: give
              {asked.length === 1 ? ' it' : ' them'} to import {asked.length === 1 ? 'it' : 'them'}.
            </legend>
            {asked.map((result) => {
              const needs = [...new Set(result.meetings.flatMap(missingDetails))];
              const now = typed[result.fileName] ?? { date: '', committee: '' };
              const change = (field: keyof Typed, value: string) => setTyped((all) => ({ ...all, [result.fileName]: { ...now, ...all[result.fileName], [field]: value } }));
              const suggested = result.report?.suggestedDate ?? null;
              return (
                <div key={result.fileName} className="missing-detail">
                  <strong>{result.fileName}</strong>
                  {needs.includes('date') && (
                    <div className="suggested-date">
                      <DateField label={`Date of the meeting (${result.fileName})`} value={now.date} onChange={(date) => change('date', date)} />
                      <small>{suggested === null ? 'Nothing in the file suggests a date.' : `Suggested by ${suggested.from}.`}</small>
                    </div>
                  )}
                  {needs.includes('committee') && (
                    <label>
                      Committee ({result.fileName})
                      <input list="import-committees" value={now.committee} onChange={(event) => change('committee', event.target.value)} />
                    </label>
                  )}
                </div>
              );
            })}
            <datalist id="import-committees">
              {library.committees.map((committee) => (
                <option key={committee.id} value={committee.name} />
              ))}
            </datalist>
            {waiting.length > 0 && (
              <p role="note">
                Not imported until given: {waiting.map((result) => `${result.fileName} (its ${lacking(result).join(' and ')})`).join(', ')}.
              </p>
            )}
          </fieldset>
        )}
        {!reading && kept.length > 0 && summary === null && (
          <p role="note" className="kept-meetings">
            Already in the library and kept as they are, whatever you choose below:{' '}
            {kept.map((held) => `${formatProseDate(held.date)} (${keptBecause(held)})`).join('; ')}. An import never replaces minutes once they are
            circulated; a correction to signed minutes is minuted at a later meeting.
          </p>
        )}
        {!reading && replaceable.length > 0 && summary === null && (
          <fieldset>
            <legend>
              {replaceable.length === 1 ? 'This meeting is' : `${replaceable.length} meetings are`} already in the library (
              {replaceable.map((held) => formatProseDate(held.date)).join(', ')})
            </legend>
            <label className="check">
              <input type="radio" name="duplicates" checked={onDuplicate === 'skip'} onChange={() => setOnDuplicate('skip')} /> Skip them
            </label>
            <label className="check">
              <input type="radio" name="duplicates" checked={onDuplicate === 'replace'} onChange={() => setOnDuplicate('replace')} /> Replace them
            </label>
          </fieldset>
        )}
        {!reading && onDuplicate === 'replace' && drafts.length > 0 && summary === null && (
          <fieldset className="drafts-to-replace">
            <legend>
              {drafts.length === 1 ? 'This is a draft' : `${drafts.length} of them are drafts`} you are writing in Minute Book. Replace only those you tick
              (each replaced draft is kept and can be restored):
            </legend>
            {drafts.map((draft) => (
              <label className="check" key={draft.id}>
                <input
                  type="checkbox"
                  checked={replaceDrafts.has(draft.id)}
                  onChange={(event) => {
                    const next = new Set(replaceDrafts);
                    if (event.target.checked) next.add(draft.id);
                    else next.delete(draft.id);
                    setReplaceDrafts(next);
                  }}
                />{' '}
                Replace my draft of {committeeName(draft.committeeId)}, {formatFormalDate(draft.date)}
              </label>
            ))}
          </fieldset>
        )}
        {summary !== null && (
          <p role="status">
            Imported {summary.meetings} meeting{summary.meetings === 1 ? '' : 's'} ({summary.items} items, {summary.resolutions} resolutions); skipped {summary.skipped}, replaced{' '}
            {summary.replaced}.{keptAtImport !== '' && ` Kept as they are: ${keptAtImport}.`}
          </p>
        )}
        {/* Undoing the import sends the meetings it added to the bin; those it replaced are restored one by one below. */}
        {summary !== null && summary.addedMeetings.length > 0 && <UndoImport meetingIds={summary.addedMeetings} onImported={onImported} onError={setError} />}
        {summary !== null && waiting.length > 0 && (
          // A file held for its date or committee is named again, so the clerk knows to import it once they are known.
          <p role="note">
            Not imported, as no {waiting.length === 1 ? 'date or committee was' : 'dates or committees were'} given:{' '}
            {waiting.map((result) => result.fileName).join(', ')}. Import {waiting.length === 1 ? 'it' : 'them'} again when known.
          </p>
        )}
        {summary !== null && summary.replacedMeetings.length > 0 && (
          <ul className="replaced-meetings" aria-label="Replaced meetings">
            {summary.replacedMeetings.map((replaced) => (
              <li key={replaced.copy}>
                {replaced.wasDraft ? 'Your draft' : 'The meeting'} of {formatFormalDate(replaced.date)} was replaced and is kept.{' '}
                {restored.has(replaced.copy) ? (
                  <strong>Restored.</strong>
                ) : (
                  <button type="button" onClick={() => void restore(replaced.meetingId, replaced.copy)}>
                    Restore {replaced.wasDraft ? 'the draft' : 'it'}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <ul className="import-reports" aria-label="Reports">
          {results.map((result) => (
            <li key={result.fileName}>
              <details>
                <summary>
                  {result.fileName}:{' '}
                  {result.error ??
                    [
                      `${counted(result.meetings.length, 'meeting', 'meetings')}, read as ${archiveFormWords[result.report!.form]}`,
                      ...(result.report!.unplaced.length === 0 ? [] : [`${counted(result.report!.unplaced.length, 'line', 'lines')} not placed`]),
                      ...(result.report!.warnings.length === 0 ? [] : [counted(result.report!.warnings.length, 'warning', 'warnings')]),
                    ].join('; ')}
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
