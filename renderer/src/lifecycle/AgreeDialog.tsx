// Agreeing the previous minutes, from the approval-of-minutes block of the meeting that approves them:
// "as a true record", or "subject to the following amendment" with the amended minute and its
// corrected text. The amendment is applied to the earlier meeting as a recorded correction (the
// corrected text and a note "Amended by Minute 6/17"; the original stays in its history).
import { useEffect, useState, type FormEvent } from 'react';
import { formatProseDate } from '../../../shared/dates.js';
import { spansOf, textOf } from '../../../shared/export/outline.js';
import type { Item, Meeting, MinutesNodeJSON } from '../../../shared/model/meeting.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';

interface AgreeDialogProps {
  /** The meeting whose minutes are being agreed. */
  earlierMeetingId: string;
  /** The approving meeting's minute for the approval, as it cites it ("6/17"). */
  minute: string;
  approvingMeetingId: string;
  /** Saves the approving meeting first, so the minute it records is the one saved. */
  flush: () => Promise<unknown>;
  /** The minutes as agreed, and each amendment as the approving meeting minutes it: the earlier minute and its corrected words. */
  onAgreed: (earlier: Meeting, amendments: readonly RecordedAmendment[]) => void;
  onClose: () => void;
}

/** An amendment as the approving meeting's approval of the minutes quotes it. */
export interface RecordedAmendment {
  /** The earlier meeting's minute number ("3"). */
  minute: string;
  /** The corrected words. */
  text: string;
}

interface Amendment {
  itemId: string;
  /** Which paragraph of the item's minutes (depth first) the corrected text replaces. */
  paragraph: number;
  text: string;
}

/** The item's paragraphs, depth first: what an amendment can correct. */
function paragraphsOf(item: Item): string[] {
  const found: string[] = [];
  const visit = (node: MinutesNodeJSON) => {
    if (node.type === 'paragraph') found.push(textOf(spansOf(node)));
    else node.content?.forEach(visit);
  };
  item.minutes.forEach(visit);
  return found;
}

/** The item with its `index`-th paragraph's words replaced by `text` (its inline marks and references give way to the corrected words). */
function amended(item: Item, index: number, text: string): Item {
  let at = 0;
  const visit = (node: MinutesNodeJSON): MinutesNodeJSON => {
    if (node.type === 'paragraph') return at++ === index ? { ...node, content: text === '' ? [] : [{ type: 'text', text }] } : node;
    return node.content === undefined ? node : { ...node, content: node.content.map(visit) };
  };
  return { ...item, minutes: item.minutes.map(visit) };
}

export function AgreeDialog({ earlierMeetingId, minute, approvingMeetingId, flush, onAgreed, onClose }: AgreeDialogProps) {
  const [earlier, setEarlier] = useState<Meeting | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [amendments, setAmendments] = useState<Amendment[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    api.call('meetings:load', { meetingId: earlierMeetingId }).then(
      (meeting) => current && setEarlier(meeting),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [earlierMeetingId]);

  const change = (index: number, next: Partial<Amendment>) =>
    setAmendments((old) => old.map((amendment, at) => (at === index ? { ...amendment, ...next } : amendment)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (earlier === null) return;
    setBusy(true);
    try {
      await flush();
      const corrected = amendments.map((amendment) => {
        const item = earlier.items.find((candidate) => candidate.id === amendment.itemId)!;
        return { itemId: item.id, after: amended(item, amendment.paragraph, amendment.text.trim()) };
      });
      const { agreed } = await api.call('lifecycle:agree', { meetingId: earlier.id, approvingMeetingId, minute, amendments: corrected });
      onAgreed(
        agreed,
        amendments.map((amendment) => ({ minute: String(earlier.items.find((candidate) => candidate.id === amendment.itemId)!.minuteNumber), text: amendment.text.trim() })),
      );
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const circulated = earlier?.status === 'circulated';
  return (
    <Modal title="Agree the previous minutes" onClose={onClose}>
      <form className="form-grid agree-dialog" onSubmit={(event) => void submit(event)}>
        <ErrorMessage error={error} />
        {earlier === null && error === null && <p className="loading">Opening the minutes…</p>}
        {earlier !== null && (
          <>
            <p>
              The minutes of the meeting of {formatProseDate(earlier.date)}, agreed under Minute {minute}
              {amendments.length === 0 ? ' as a true record.' : ' subject to the following amendments.'}
            </p>
            {!circulated && (
              <p role="alert" className="error">
                {earlier.status === 'draft'
                  ? 'These minutes have not been circulated yet: circulate them before they are agreed.'
                  : `These minutes are already ${earlier.status}.`}
              </p>
            )}
            {amendments.map((amendment, index) => {
              const item = earlier.items.find((candidate) => candidate.id === amendment.itemId)!;
              const paragraphs = paragraphsOf(item);
              return (
                <fieldset key={index} className="amendment-fields">
                  <legend>Amendment {index + 1}</legend>
                  <label>
                    Minute amended
                    <select
                      value={amendment.itemId}
                      onChange={(event) => {
                        const next = earlier.items.find((candidate) => candidate.id === event.target.value)!;
                        change(index, { itemId: next.id, paragraph: 0, text: paragraphsOf(next)[0] ?? '' });
                      }}
                    >
                      {earlier.items.map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {candidate.minuteNumber}. {candidate.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Paragraph corrected
                    <select value={amendment.paragraph} onChange={(event) => change(index, { paragraph: Number(event.target.value), text: paragraphs[Number(event.target.value)] ?? '' })}>
                      {paragraphs.map((text, at) => (
                        <option key={at} value={at}>
                          {text.slice(0, 80) || '(empty)'}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Corrected text
                    <textarea value={amendment.text} onChange={(event) => change(index, { text: event.target.value })} />
                  </label>
                  <button type="button" className="quiet" onClick={() => setAmendments((old) => old.filter((_, at) => at !== index))}>
                    Remove amendment {index + 1}
                  </button>
                </fieldset>
              );
            })}
            <button
              type="button"
              onClick={() => {
                const first = earlier.items.find((candidate) => paragraphsOf(candidate).length > 0);
                if (first) setAmendments((old) => [...old, { itemId: first.id, paragraph: 0, text: paragraphsOf(first)[0] ?? '' }]);
              }}
            >
              Add an amendment
            </button>
          </>
        )}
        <DialogButtons submitLabel="Record the agreement" onCancel={onClose} disabled={earlier === null || !circulated || busy} />
      </form>
    </Modal>
  );
}
