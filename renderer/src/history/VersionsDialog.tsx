// The versions of the open meeting, newest first, as its history keeps them (electron/services/
// meetingHistory.ts): who saved each and what changed, with ways to read one beside the meeting, see
// what has changed since, or restore it (as a new revision, which can itself be undone).
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract.js';
import { formatSavedAt } from '../../../shared/dates.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { Modal } from '../common/Modal.js';
import type { MeetingSession } from '../meeting/meetingSession.js';

interface VersionsDialogProps {
  session: MeetingSession;
  libraryReadOnly: string | null;
  onClose: () => void;
  /** Opens the version beside the meeting; with `differences`, showing what has changed since. */
  onOpenBeside: (revision: number, differences: boolean) => void;
  onRestore: (revision: number) => void;
  /** Brings back a copy kept under replaced/ (an import replaced the meeting, or a window could not save it). */
  onRestoreCopy: (copy: string) => void;
}

/** How many versions the list shows at first, and adds with each "Show older versions". */
const VERSIONS_AT_A_TIME = 50;

const kindNames = { created: 'Created', saved: 'Saved', imported: 'Imported', restored: 'Restored', replaced: 'Replaced by an import', status: 'Status changed' } as const;

/** "Saved: Item 5 resolution edited", or the summary alone when it already says what kind of version it is ("Imported from …"). */
function whatChanged(version: { kind: keyof typeof kindNames; summary: string }): string {
  const kind = kindNames[version.kind];
  if (version.summary === '') return kind;
  return version.summary.toLowerCase().startsWith(kind.split(' ')[0]!.toLowerCase()) ? version.summary : `${kind}: ${version.summary}`;
}

export function VersionsDialog({ session, libraryReadOnly, onClose, onOpenBeside, onRestore, onRestoreCopy }: VersionsDialogProps) {
  const [history, setHistory] = useState<ChannelOutput<'history:list'> | null>(null);
  const [copies, setCopies] = useState<ChannelOutput<'meetings:replaced-copies'>>([]);
  // A day of steady typing keeps hundreds of versions: the newest come first, the rest on request.
  const [shown, setShown] = useState(VERSIONS_AT_A_TIME);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    // The latest words go into the history first, so the newest version is what the window shows.
    session.autosaver
      .flush()
      .then(() => api.call('history:list', { meetingId: session.meeting.id }))
      .then((answer) => current && setHistory(answer), (failure: unknown) => current && setError(failure));
    api.call('meetings:replaced-copies', { meetingId: session.meeting.id }).then((answer) => current && setCopies(answer), () => undefined);
    return () => {
      current = false;
    };
  }, [session]);
  const canRestore = !session.isReadOnly && libraryReadOnly === null;
  // The meeting as it stands is the revision the window has, which the history may lack (its last line
  // torn by a crash): then no version is "as it stands", and every kept one can be compared and restored.
  // A version open on the left stands for no revision of its own: the newest kept is the meeting now.
  const latest = session.version ? (history?.versions[0]?.revision ?? null) : session.currentDetails.revision;

  return (
    <Modal title="Versions of this meeting" onClose={onClose}>
      <ErrorMessage error={error} />
      {history === null && error === null && <p className="loading">Reading the history…</p>}
      {history !== null && (
        <>
          {history.notes.length > 0 && (
            <ul className="history-notes" role="alert">
              {history.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {history.versions.length === 0 ? (
            <p className="hint">No versions are kept yet: one is kept at every save from now on.</p>
          ) : (
            <div className="versions-scroll">
              <table className="versions">
                <caption className="visually-hidden">Versions, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Saved</th>
                    <th scope="col">By</th>
                    <th scope="col">What changed</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.versions.slice(0, shown).map((version) => {
                    const when = formatSavedAt(version.savedAt);
                    return (
                      <tr key={version.revision}>
                        <td>
                          {when}
                          <span className="hint"> (revision {version.revision})</span>
                          {version.keptForever && <span className="hint"> · kept for ever</span>}
                        </td>
                        <td>{version.by}</td>
                        <td>{whatChanged(version)}</td>
                        <td>
                          <div className="version-actions">
                          {version.revision === latest ? (
                            <span className="hint">The meeting as it stands</span>
                          ) : (
                            <>
                              <button type="button" aria-label={`Open the version of ${when} (revision ${version.revision}) beside`} onClick={() => onOpenBeside(version.revision, false)}>
                                Open beside
                              </button>
                              <button type="button" aria-label={`Compare the version of ${when} (revision ${version.revision}) with now`} onClick={() => onOpenBeside(version.revision, true)}>
                                Compare with now
                              </button>
                              {canRestore && (
                                <button type="button" aria-label={`Restore the version of ${when} (revision ${version.revision})`} onClick={() => onRestore(version.revision)}>
                                  Restore
                                </button>
                              )}
                            </>
                          )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {history.versions.length > shown && (
                <button type="button" className="quiet" onClick={() => setShown((count) => count + VERSIONS_AT_A_TIME)}>
                  Show older versions ({history.versions.length - shown} more)
                </button>
              )}
            </div>
          )}
        </>
      )}
      {copies.length > 0 && (
        <section aria-label="Copies kept" className="kept-copies">
          <h3>Copies kept</h3>
          <ul>
            {copies.map((kept) => {
              const when = formatSavedAt(kept.replacedAt);
              return (
                <li key={kept.copy}>
                  {when}:{' '}
                  {kept.unsaved ? 'what a window had when its save was refused (the meeting had been saved elsewhere)' : `the meeting as it was when an import replaced it`}
                  <span className="hint"> (from revision {kept.revision})</span>{' '}
                  {canRestore && (
                    <button type="button" aria-label={`Bring back the copy kept ${when} (from revision ${kept.revision})`} onClick={() => onRestoreCopy(kept.copy)}>
                      Bring back
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
