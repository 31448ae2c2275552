// The checks before circulating or signing (shared/lifecycle/checks.ts), as a list the clerk clicks
// through: each entry opens its item; errors must be put right first, each warning confirmed. The
// step is then taken with the confirmations, which the node side records with it.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../shared/contract.js';
import { checkKey } from '../../../shared/lifecycle/checks.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';

type Check = ChannelOutput<'lifecycle:check'>['checks'][number];

interface ChecksDialogProps {
  meetingId: string;
  step: 'circulate' | 'sign';
  /** What the step asks besides the checks (the chair and date of signing). */
  children?: ReactNode;
  /** Whether what `children` asks is filled in. */
  ready?: boolean;
  /** Opens the item a check names, once the dialog has closed (and given focus back). */
  /** Opens the check's item; `code` says what the check is about, so the place to put it right can take the caret. */
  onShowItem: (itemId: string, code: string) => void;
  /** Takes the step with the warnings the clerk confirmed (their keys); rejects with the node side's refusal. */
  onProceed: (confirmedWarnings: string[]) => Promise<void>;
  onClose: () => void;
}

const titles = { circulate: 'Circulate the minutes', sign: 'Sign the minutes' } as const;
const actions = { circulate: 'Circulate', sign: 'Sign and lock' } as const;

export function ChecksDialog({ meetingId, step, children, ready = true, onShowItem, onProceed, onClose }: ChecksDialogProps) {
  const [checks, setChecks] = useState<Check[] | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The item to open once the dialog has gone: opened before, the dialog's closing would take focus back to its opener.
  const itemToShow = useRef<{ itemId: string; code: string } | null>(null);
  useEffect(() => {
    let current = true;
    api.call('lifecycle:check', { meetingId, step }).then(
      (answer) => current && setChecks(answer.checks),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [meetingId, step]);

  const errors = checks?.filter((check) => check.severity === 'error') ?? [];
  const warnings = checks?.filter((check) => check.severity === 'warning') ?? [];
  const allConfirmed = warnings.every((check) => confirmed.has(checkKey(check)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onProceed([...confirmed]);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const entry = (check: Check) => (
    <>
      {check.itemId !== null ? (
        <button
          type="button"
          className="result-link"
          onClick={() => {
            itemToShow.current = { itemId: check.itemId!, code: check.code };
            onClose();
          }}
        >
          {check.message}
        </button>
      ) : (
        <span>{check.message}</span>
      )}
    </>
  );

  return (
    <Modal
      title={titles[step]}
      onClose={onClose}
      afterClose={() => {
        if (itemToShow.current !== null) onShowItem(itemToShow.current.itemId, itemToShow.current.code);
      }}
    >
      <form className="form-grid checks-dialog" onSubmit={(event) => void submit(event)}>
        {children}
        <ErrorMessage error={error} />
        {checks === null && error === null && <p className="loading">Checking the minutes…</p>}
        {checks !== null && checks.length === 0 && <p>Nothing to put right: the minutes pass every check.</p>}
        {errors.length > 0 && (
          <section aria-label="To put right first" className="check-errors">
            <h3>To put right first</h3>
            <ul>
              {errors.map((check) => (
                <li key={checkKey(check)}>{entry(check)}</li>
              ))}
            </ul>
          </section>
        )}
        {warnings.length > 0 && (
          <section aria-label="To confirm" className="check-warnings">
            <h3>To confirm</h3>
            <ul>
              {warnings.map((check) => {
                const key = checkKey(check);
                return (
                  <li key={key}>
                    <label className="check-confirm">
                      <input
                        type="checkbox"
                        checked={confirmed.has(key)}
                        aria-label={`Confirm: ${check.message}`}
                        onChange={(event) =>
                          setConfirmed((old) => {
                            const next = new Set(old);
                            if (event.target.checked) next.add(key);
                            else next.delete(key);
                            return next;
                          })
                        }
                      />
                    </label>{' '}
                    {entry(check)}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <DialogButtons submitLabel={actions[step]} onCancel={onClose} disabled={checks === null || errors.length > 0 || !allConfirmed || !ready || busy} />
      </form>
    </Modal>
  );
}
