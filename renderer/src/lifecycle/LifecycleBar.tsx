// Where the meeting stands in its lifecycle — draft, circulated, agreed, signed, published — who took
// each step and when, and the next step the clerk can take: Circulate… (after the checks), Back to
// draft, Suggested correction…, Sign… (chair and date, after the checks; the meeting is then locked),
// Record as published…; and, for a signed record changed outside Minute Book, the way to see what changed.
import { useEffect, useState, type FormEvent } from 'react';
import { formatProseDate, formatSavedAt, toIsoDate } from '../../../shared/dates.js';
import type { Committee } from '../../../shared/model/committee.js';
import { committeeAsRecorded } from '../../../shared/lifecycle/recorded.js';
import { minuteYearsOf, printedMinuteNumber } from '../../../shared/numbering.js';
import { emptyLifecycle, type LifecycleStep } from '../../../shared/model/lifecycle.js';
import type { Meeting } from '../../../shared/model/meeting.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DateField } from '../common/DateTimeFields.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import { ChecksDialog } from './ChecksDialog.js';

interface LifecycleBarProps {
  meeting: Meeting;
  committee: Committee;
  /** The window's words are saved first, and its revision is the base of the step. */
  flush: () => Promise<number>;
  /** The meeting as the step left it: the window opens it again. */
  onChanged: (meeting: Meeting) => void;
  onShowItem: (itemId: string, code: string) => void;
  /** Why this window may not change the library, or null. */
  libraryReadOnly: string | null;
  /** The library's warning that this signed record was changed outside Minute Book, or null. */
  tampered: string | null;
  /** Opens the kept version at `revision` beside the meeting, showing what has changed since. */
  onCompareWithVersion: (revision: number) => void;
}

type Asking = 'circulate' | 'sign' | 'suggest' | 'back' | 'publish' | 'put-back' | null;

const stepWords: Record<LifecycleStep['step'], string> = {
  circulated: 'Circulated',
  'returned-to-draft': 'Put back to draft',
  agreed: 'Agreement recorded',
  signed: 'Signature recorded',
  published: 'Recorded as published',
};

/** "Circulated 3 December 2026, 2.05 pm by Michelle Rose (why)": one step of the record, as the Steps list shows it (issue 9: each step with date, time and by whom). */
export const stepLine = (step: LifecycleStep): string => `${stepWords[step.step]} ${formatSavedAt(step.at)} by ${step.by}${step.reason === undefined ? '' : `: ${step.reason}`}`;

/** "Circulated 3 December 2026, 2.05 pm by Michelle Rose", from the meeting's lifecycle record. */
export function lifecycleLine(meeting: Meeting): string {
  const lifecycle = meeting.lifecycle ?? emptyLifecycle();
  const last = lifecycle.steps.at(-1);
  if (lifecycle.signed !== null) {
    const signed = lifecycle.signed;
    const publications = lifecycle.published === undefined ? [] : [lifecycle.published, ...(lifecycle.publishedAgain ?? [])];
    const published = publications.map((publication, index) => `; ${index === 0 ? 'published' : 'again'} ${formatSavedAt(publication.at)} (${publication.where}) by ${publication.by}`).join('');
    return `Signed by ${signed.chair} (Chair), ${formatProseDate(signed.signedOn)}: locked${published}`;
  }
  if (lifecycle.agreed !== null) {
    const agreed = lifecycle.agreed;
    return `Agreed at the meeting of ${formatProseDate(agreed.meetingDate)}, Minute ${agreed.minute}${agreed.amended ? ', with amendments' : ''}`;
  }
  if (meeting.status === 'circulated' && last !== undefined) return `Circulated ${formatSavedAt(last.at)} by ${last.by}: the text is frozen`;
  // Imported from the council's published archive: kept as printed, not a draft of the clerk's.
  if (meeting.status === 'published') {
    const from = meeting.importedFrom;
    return from === undefined ? 'Published minutes' : `Published minutes, imported ${formatSavedAt(from.importedAt)} from ${from.file}: kept as published`;
  }
  return last?.step === 'returned-to-draft' ? `Draft (back from circulation ${formatSavedAt(last.at)}, ${last.by}${last.reason === undefined ? '' : `: ${last.reason}`})` : 'Draft: not yet circulated';
}

/** The newest kept version that matches the signature, looked up only while the record is reported changed. */
function useSignedVersion(meetingId: string, tampered: string | null): { revision: number; savedAt: string } | null | 'none' {
  const [found, setFound] = useState<{ revision: number; savedAt: string } | null | 'none'>(null);
  useEffect(() => {
    if (tampered === null) return;
    let current = true;
    api.call('lifecycle:signed-version', { meetingId }).then(
      (version) => current && setFound(version ?? 'none'),
      () => current && setFound('none'),
    );
    return () => {
      current = false;
    };
  }, [meetingId, tampered]);
  return tampered === null ? null : found;
}

export function LifecycleBar({ meeting, committee, flush, onChanged, onShowItem, libraryReadOnly, tampered, onCompareWithVersion }: LifecycleBarProps) {
  // Meetings from before the lifecycle have none recorded: an empty one.
  const lifecycle = meeting.lifecycle ?? emptyLifecycle();
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState<unknown>(null);
  // Circulated minutes number their items as the committee was when they were circulated.
  const recorded = committeeAsRecorded(committee, meeting);
  const chairOf = committee.members.find((member) => member.role === 'chair')?.name ?? '';
  const [chair, setChair] = useState(chairOf);
  const [signedOn, setSignedOn] = useState(() => toIsoDate(new Date()));
  const [suggestion, setSuggestion] = useState({ itemId: meeting.items[0]?.id ?? '', by: '', text: '' });
  const [publishedWhere, setPublishedWhere] = useState('the council’s website');
  const [backReason, setBackReason] = useState('');
  const signedVersion = useSignedVersion(meeting.id, tampered);
  const writable = libraryReadOnly === null;
  // Minutes flagged as changed outside Minute Book take no step (the node side refuses them): only compare and put back.
  const canStep = writable && tampered === null;
  const close = () => {
    setAsking(null);
    setError(null);
  };
  // Every step records who took it: the clerk's name is asked for once (Preferences), then kept. The
  // step waits for it: it goes on once the name is kept, and is not taken if the clerk cancels.
  const [waitingForName, setWaitingForName] = useState<{ action: () => Promise<void>; done: (outcome: Promise<void>) => void } | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<unknown>(null);
  const withClerkName = async (action: () => Promise<void>) => {
    const { clerkName } = await api.call('preferences:get', {});
    if (clerkName !== null) return action();
    setNameError(null);
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      setWaitingForName({
        action,
        done: (outcome) => {
          if (settled) return;
          settled = true;
          outcome.then(resolve, reject);
        },
      });
    });
  };
  const nameGiven = (event: FormEvent) => {
    event.preventDefault();
    const waiting = waitingForName;
    if (waiting === null) return;
    // A name refused keeps the dialog open, saying why in its own words; the step waits.
    api.call('preferences:set', { clerkName: name.trim() }).then(
      () => {
        setWaitingForName(null);
        waiting.done(waiting.action());
      },
      setNameError,
    );
  };
  const nameCancelled = () => {
    const waiting = waitingForName;
    setWaitingForName(null);
    waiting?.done(Promise.reject(new Error('Not done: each step of the minutes records the clerk’s name, and none was given.')));
  };

  // The checks read the meeting as saved: the window's last words are saved first.
  const checkThenAsk = (step: 'circulate' | 'sign') =>
    flush().then(
      () => setAsking(step),
      (failure: unknown) => setError(failure),
    );

  const take = (step: (baseRevision: number) => Promise<Meeting>) =>
    withClerkName(async () => {
      const base = await flush();
      const changed = await step(base);
      setAsking(null);
      onChanged(changed);
    });

  const backToDraft = (event: FormEvent) => {
    event.preventDefault();
    take((baseRevision) => api.call('lifecycle:back-to-draft', { meetingId: meeting.id, baseRevision, reason: backReason.trim() })).catch(setError);
  };
  const publish = (event: FormEvent) => {
    event.preventDefault();
    withClerkName(async () => {
      const changed = await api.call('lifecycle:publish', { meetingId: meeting.id, where: publishedWhere.trim() });
      setAsking(null);
      onChanged(changed);
    }).catch(setError);
  };
  const putBack = (event: FormEvent) => {
    event.preventDefault();
    api.call('lifecycle:put-back-signed', { meetingId: meeting.id }).then((restored) => {
      setAsking(null);
      onChanged(restored);
    }, setError);
  };
  const suggest = (event: FormEvent) => {
    event.preventDefault();
    withClerkName(async () => {
      const changed = await api.call('lifecycle:suggest', { meetingId: meeting.id, ...suggestion });
      setAsking(null);
      setSuggestion((old) => ({ ...old, text: '' }));
      onChanged(changed);
    }).catch(setError);
  };

  return (
    <div className={`lifecycle-bar ${meeting.status}`} role="region" aria-label="Lifecycle">
      <span className="lifecycle-line">
        {lifecycleLine(meeting)}
      </span>
      {lifecycle.steps.length > 0 && (
        <details className="lifecycle-steps">
          <summary>Steps</summary>
          <ol>
            {lifecycle.steps.map((step) => (
              <li key={`${step.step}-${step.at}`}>{stepLine(step)}</li>
            ))}
          </ol>
        </details>
      )}
      {canStep && meeting.status === 'draft' && meeting.importedFrom === undefined && (
        <button type="button" onClick={() => void checkThenAsk('circulate')}>
          Circulate…
        </button>
      )}
      {canStep && meeting.status === 'circulated' && (
        <>
          <button type="button" onClick={() => setAsking('suggest')}>
            Suggested correction…
          </button>
          <button type="button" onClick={() => setAsking('back')}>
            Back to draft…
          </button>
        </>
      )}
      {canStep && meeting.status === 'agreed' && lifecycle.signed === null && (
        <button type="button" onClick={() => void checkThenAsk('sign')}>
          Sign…
        </button>
      )}
      {writable && lifecycle.signed !== null && tampered === null && (
        <button type="button" onClick={() => setAsking('publish')}>
          {lifecycle.published === undefined ? 'Record as published…' : 'Published elsewhere…'}
        </button>
      )}
      {tampered !== null && (
        <div role="alert" className="tampered">
          <p>{tampered}</p>
          {signedVersion !== null && signedVersion !== 'none' && (
            <>
              <button type="button" onClick={() => onCompareWithVersion(signedVersion.revision)}>
                Compare with the version as signed ({formatSavedAt(signedVersion.savedAt)})
              </button>
              {writable && (
                <button type="button" onClick={() => setAsking('put-back')}>
                  Put back the version as signed…
                </button>
              )}
            </>
          )}
          {signedVersion === 'none' && <p className="hint">The history keeps no version that matches the signature, so there is nothing to compare it with here; a published archive of these minutes can be checked with the command line (verify).</p>}
        </div>
      )}
      {/* A dialog open says why its step was refused inside it, where the clerk is looking. */}
      {asking === null && <ErrorMessage error={error} />}
      {waitingForName !== null && (
        <Modal title="Your name" onClose={nameCancelled}>
          <form onSubmit={nameGiven} className="form-grid">
            <ErrorMessage error={nameError} />
            <p className="hint">Recorded with each step the minutes take (circulated, agreed, signed). Asked once; kept in the library&apos;s preferences.</p>
            <label>
              Your name, as the clerk
              <input autoFocus value={name} onChange={(event) => setName(event.target.value)} aria-invalid={nameError !== null} />
            </label>
            <DialogButtons submitLabel="Continue" onCancel={nameCancelled} disabled={name.trim() === ''} />
          </form>
        </Modal>
      )}
      {lifecycle.corrections.length > 0 && (
        <ul className="corrections" aria-label="Amendments">
          {lifecycle.corrections.map((correction) => {
            const item = meeting.items.find((candidate) => candidate.id === correction.itemId);
            return (
              <li key={`${correction.itemId}-${correction.at}`}>
                Minute {item?.minuteNumber ?? '?'}: {correction.note} ({formatSavedAt(correction.at)}, {correction.by})
              </li>
            );
          })}
        </ul>
      )}
      {lifecycle.suggestions.length > 0 && (
        <details className="suggestions">
          <summary>
            {lifecycle.suggestions.length} suggested correction{lifecycle.suggestions.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {lifecycle.suggestions.map((suggested) => {
              const item = meeting.items.find((candidate) => candidate.id === suggested.itemId);
              return (
                <li key={suggested.id}>
                  Minute {item?.minuteNumber ?? '?'}: “{suggested.text}” ({suggested.by}, {formatSavedAt(suggested.at)})
                </li>
              );
            })}
          </ul>
        </details>
      )}
      {asking === 'circulate' && (
        <ChecksDialog
          meetingId={meeting.id}
          step="circulate"
          onShowItem={onShowItem}
          onClose={close}
          onProceed={(confirmedWarnings) => take((baseRevision) => api.call('lifecycle:circulate', { meetingId: meeting.id, baseRevision, confirmedWarnings }))}
        />
      )}
      {asking === 'sign' && (
        <ChecksDialog
          meetingId={meeting.id}
          step="sign"
          ready={chair.trim() !== '' && signedOn !== ''}
          onShowItem={onShowItem}
          onClose={close}
          onProceed={(confirmedWarnings) =>
            take((baseRevision) => api.call('lifecycle:sign', { meetingId: meeting.id, baseRevision, chair: chair.trim(), signedOn, confirmedWarnings }))
          }
        >
          <label>
            Signed by (the Chair)
            <input value={chair} onChange={(event) => setChair(event.target.value)} />
          </label>
          <DateField label="Date of signing" value={signedOn} onChange={setSignedOn} />
          <p className="hint">Once signed the minutes are locked: nothing changes them. A later correction is itself minuted, at the meeting that makes it.</p>
        </ChecksDialog>
      )}
      {asking === 'back' && (
        <Modal title="Back to draft" onClose={close}>
          <form onSubmit={backToDraft} className="form-grid">
            <ErrorMessage error={error} />
            <p>The minutes go back to draft so that they can be edited again; the step is recorded, and they must be circulated again.</p>
            <label>
              Why (recorded with the step)
              <textarea autoFocus required value={backReason} maxLength={1000} rows={3} onChange={(event) => setBackReason(event.target.value)} />
            </label>
            <DialogButtons submitLabel="Back to draft" onCancel={close} disabled={backReason.trim() === ''} />
          </form>
        </Modal>
      )}
      {asking === 'put-back' && signedVersion !== null && signedVersion !== 'none' && (
        <Modal title="Put back the version as signed" onClose={close}>
          <form onSubmit={putBack} className="form-grid">
            <ErrorMessage error={error} />
            <p>
              The minutes as signed ({formatSavedAt(signedVersion.savedAt)}) take the place of the file as it is now. That file is not deleted: it is kept in the
              library’s set-aside folder, and the step is recorded in the history.
            </p>
            <DialogButtons submitLabel="Put back the version as signed" onCancel={close} />
          </form>
        </Modal>
      )}
      {asking === 'publish' && (
        <Modal title="Record as published" onClose={close}>
          <form onSubmit={publish} className="form-grid">
            <ErrorMessage error={error} />
            <p className="hint">Recorded beside the signed minutes (where, when and by you); the signed record and its signature do not change.</p>
            <label>
              Published to
              <input autoFocus value={publishedWhere} maxLength={500} onChange={(event) => setPublishedWhere(event.target.value)} />
            </label>
            <DialogButtons submitLabel="Record as published" onCancel={close} disabled={publishedWhere.trim() === ''} />
          </form>
        </Modal>
      )}
      {asking === 'suggest' && (
        <Modal title="Suggested correction" onClose={close}>
          <form onSubmit={suggest} className="form-grid">
            <ErrorMessage error={error} />
            <p className="hint">Recorded against the item as a note; the circulated text does not change.</p>
            <label>
              Item
              <select value={suggestion.itemId} onChange={(event) => setSuggestion((old) => ({ ...old, itemId: event.target.value }))}>
                {meeting.items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {printedMinuteNumber(item, minuteYearsOf(meeting.date, recorded.municipalYearStartMonth), recorded.numberingStyle)} {item.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Suggested by
              <input value={suggestion.by} maxLength={200} onChange={(event) => setSuggestion((old) => ({ ...old, by: event.target.value }))} />
            </label>
            <label>
              Correction
              <textarea value={suggestion.text} maxLength={10_000} onChange={(event) => setSuggestion((old) => ({ ...old, text: event.target.value }))} />
            </label>
            <DialogButtons submitLabel="Record the suggestion" onCancel={close} disabled={suggestion.by.trim() === '' || suggestion.text.trim() === ''} />
          </form>
        </Modal>
      )}
    </div>
  );
}
