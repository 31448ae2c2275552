// Agreeing the previous minutes, from the approval-of-minutes block of the meeting that approves them:
// "as a true record", or "subject to the following amendment" with the amended minute and its
// corrected text. The amendment is applied to the earlier meeting as a recorded correction (the
// corrected text and a note "Amended by Minute 6/17"; the original stays in its history).
//
// The dialog starts from what the block already says: each amendment the clerk typed there is
// offered here, with the minute it names and the part of it the words most likely correct; a block
// saying "subject to amendments" with none given is asked about, never recorded as a true record
// without the clerk saying so.
import { useEffect, useState, type FormEvent } from 'react';
import { formatProseDate } from '../../../shared/dates.js';
import type { ApprovalOutcome } from '../../../shared/editor/schema.js';
import type { Item, Meeting } from '../../../shared/model/meeting.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import { amendablePartsOf, changesItem, itemNamedBy, likeliestPart, withCorrections, type PartKey, type QuotedAmendment } from './amendmentParts.js';

/** What the approval block says before the agreement is recorded. */
export interface ApprovalBlockSays {
  outcome: ApprovalOutcome;
  amendments: readonly QuotedAmendment[];
}

interface AgreeDialogProps {
  /** The meeting whose minutes are being agreed. */
  earlierMeetingId: string;
  /** The approving meeting's minute for the approval, as it cites it ("6/17"). */
  minute: string;
  approvingMeetingId: string;
  /** What the approval block says now: the dialog starts from it. */
  block: ApprovalBlockSays;
  /**
   * Writes the approval as it is about to be recorded into the approving meeting's block ("subject to
   * the following amendment", each quoted: the earlier minute, its heading and its corrected words).
   * It is written and saved before the agreement is recorded, since the block no longer changes after.
   */
  quote: (amendments: readonly RecordedAmendment[]) => void;
  /** Saves the approving meeting first, so the minute and the block it records are the ones saved. */
  flush: () => Promise<unknown>;
  /** The minutes as agreed. */
  onAgreed: (earlier: Meeting) => void;
  onClose: () => void;
}

/** An amendment as the approving meeting's approval of the minutes quotes it. */
export interface RecordedAmendment {
  /** The earlier meeting's minute number ("3"). */
  minute: string;
  /** The amended minute's heading, as corrected. */
  heading: string;
  /** The corrected words, a paragraph each. */
  paragraphs: readonly string[];
}

interface Amendment {
  /** '' until the clerk chooses (an amendment from the block naming a minute these minutes do not have). */
  itemId: string;
  part: PartKey;
  text: string;
  /** As the approval block quoted it, when it came from there. */
  quoted?: QuotedAmendment;
}

const partsOf = (item: Item | undefined) => (item === undefined ? [] : amendablePartsOf(item));
const partText = (item: Item | undefined, part: PartKey) => partsOf(item).find((candidate) => candidate.key === part)?.text ?? '';

/** The block's amendments, each matched to the earlier minute it names and the part its words most likely correct. */
export function amendmentsFromBlock(items: readonly Item[], quoted: readonly QuotedAmendment[]): Amendment[] {
  return quoted
    .filter((amendment) => `${amendment.minute}${amendment.heading}${amendment.text}`.trim() !== '')
    .map((amendment) => {
      const item = itemNamedBy(items, amendment);
      return { itemId: item?.id ?? '', part: item === null ? 'end' : likeliestPart(item, amendment.text), text: amendment.text, quoted: amendment };
    });
}

const list = (minutes: readonly string[]) => (minutes.length <= 1 ? minutes.join('') : `${minutes.slice(0, -1).join(', ')} and ${minutes.at(-1)!}`);

export function AgreeDialog({ earlierMeetingId, minute, approvingMeetingId, block, quote, flush, onAgreed, onClose }: AgreeDialogProps) {
  const [earlier, setEarlier] = useState<Meeting | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [amendments, setAmendments] = useState<Amendment[]>([]);
  const [busy, setBusy] = useState(false);
  // The block says "subject to amendments" and none is given: asked before it is recorded as a true record.
  const [askingTrueRecord, setAskingTrueRecord] = useState(false);
  // The block as it was when the dialog opened: the dialog starts from it once.
  const [opened] = useState(block);
  useEffect(() => {
    let current = true;
    api.call('meetings:load', { meetingId: earlierMeetingId }).then(
      (meeting) => {
        if (!current) return;
        setEarlier(meeting);
        if (meeting.status === 'circulated') setAmendments(amendmentsFromBlock(meeting.items, opened.amendments));
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [earlierMeetingId, opened]);

  const itemOf = (itemId: string) => earlier?.items.find((candidate) => candidate.id === itemId);
  const change = (index: number, next: Partial<Amendment>) =>
    setAmendments((old) => old.map((amendment, at) => (at === index ? { ...amendment, ...next } : amendment)));
  /** A new minute or part: the words shown become the new part's, unless the clerk has written their own (typed, or from the block), which stay. */
  const move = (index: number, itemId: string, part: PartKey) => {
    const amendment = amendments[index]!;
    const own = amendment.text !== partText(itemOf(amendment.itemId), amendment.part);
    change(index, { itemId, part, text: own ? amendment.text : partText(itemOf(itemId), part) });
  };

  // One amendment of each minute: several corrections of the same minute are applied together.
  const byItem = new Map<string, Amendment[]>();
  for (const amendment of amendments) if (amendment.itemId !== '') byItem.set(amendment.itemId, [...(byItem.get(amendment.itemId) ?? []), amendment]);
  const corrected = [...byItem].map(([itemId, corrections]) => {
    const before = itemOf(itemId)!;
    return { before, after: withCorrections(before, corrections.map(({ part, text }) => ({ part, text: text.trim() }))), corrections };
  });
  const problems = [
    ...amendments.flatMap((amendment, index) =>
      amendment.itemId === ''
        ? [
            `Amendment ${index + 1}: the approval block names Minute ${amendment.quoted?.minute.trim() || '(none)'}${amendment.quoted?.heading.trim() ? ` headed “${amendment.quoted.heading.trim()}”` : ''}, which these minutes do not have: choose the minute it amends.`,
          ]
        : amendment.text.trim() === '' && amendment.part !== 'end'
          ? [`Amendment ${index + 1}: give the corrected text (to take words out, give the text without them).`]
          : [],
    ),
    ...corrected.filter(({ before, after }) => !changesItem(before, after)).map(({ before }) => `Minute ${before.minuteNumber}: the corrected text is the same as the minutes as circulated. Change it, or remove the amendment.`),
  ];

  // The block says "subject to amendments", or quotes amendments: a true record is recorded only once the clerk says so.
  const quotedInBlock = opened.amendments.filter((amendment) => `${amendment.minute}${amendment.heading}${amendment.text}`.trim() !== '').length;
  const blockWantsAmendments = opened.outcome === 'agreed-with-amendments' || quotedInBlock > 0;
  const submit = async (event: FormEvent | null, asTrueRecord = false) => {
    event?.preventDefault();
    if (earlier === null || problems.length > 0) return;
    if (amendments.length === 0 && blockWantsAmendments && !asTrueRecord) {
      setAskingTrueRecord(true);
      return;
    }
    setBusy(true);
    try {
      quote(
        corrected.map(({ before, after, corrections }) => ({
          minute: String(before.minuteNumber),
          heading: after.title,
          paragraphs: corrections.map(({ part, text }) => (part === 'title' ? `Heading: ${text.trim()}` : text.trim())).filter((text) => text !== ''),
        })),
      );
      await flush();
      const { agreed } = await api.call('lifecycle:agree', {
        meetingId: earlier.id,
        approvingMeetingId,
        minute,
        amendments: corrected.map(({ before, after }) => ({ itemId: before.id, after })),
      });
      onAgreed(agreed);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const circulated = earlier?.status === 'circulated';
  const agreement = earlier?.lifecycle?.agreed ?? null;
  const amendedMinutes = (earlier?.lifecycle?.corrections ?? [])
    .filter((correction) => agreement !== null && correction.meetingId === agreement.meetingId)
    .map((correction) => earlier?.items.find((item) => item.id === correction.itemId)?.minuteNumber)
    .filter((number) => number !== undefined)
    .sort((a, b) => a - b)
    .map((number) => `Minute ${number}`);
  return (
    <Modal title="Agree the previous minutes" onClose={onClose}>
      <form className="form-grid agree-dialog" onSubmit={(event) => void submit(event)}>
        <ErrorMessage error={error} />
        {earlier === null && error === null && <p className="loading">Opening the minutes…</p>}
        {earlier !== null && !circulated && agreement !== null && (
          <p>
            The minutes of the meeting of {formatProseDate(earlier.date)} were agreed at the meeting of {formatProseDate(agreement.meetingDate)}, Minute {agreement.minute}
            {agreement.amended
              ? ` subject to the amendment${amendedMinutes.length === 1 ? '' : 's'}${amendedMinutes.length > 0 ? ` of ${list(amendedMinutes)}` : ''}.`
              : ' as a true record.'}
          </p>
        )}
        {earlier !== null && circulated && (
          <p>
            The minutes of the meeting of {formatProseDate(earlier.date)}, agreed under Minute {minute}
            {amendments.length === 0 ? ' as a true record.' : amendments.length === 1 ? ' subject to the following amendment.' : ' subject to the following amendments.'}
          </p>
        )}
        {earlier !== null && !circulated && (
          <p role="alert" className="error">
            {earlier.status === 'draft'
              ? 'These minutes have not been circulated yet: circulate them before they are agreed.'
              : `These minutes are already ${earlier.status}.`}
          </p>
        )}
        {earlier !== null && circulated && (
          <>
            {amendments.some((amendment) => amendment.quoted !== undefined) && (
              <p className="hint">The amendments typed in the approval block are filled in below: check the part of the minute each one corrects.</p>
            )}
            {amendments.map((amendment, index) => {
              const item = itemOf(amendment.itemId);
              const parts = partsOf(item);
              return (
                <fieldset key={index} className="amendment-fields">
                  <legend>Amendment {index + 1}</legend>
                  <label>
                    Minute amended
                    <select
                      value={amendment.itemId}
                      onChange={(event) => {
                        const next = itemOf(event.target.value);
                        if (next !== undefined) move(index, next.id, amendment.quoted === undefined ? (amendablePartsOf(next)[1]?.key ?? 'end') : likeliestPart(next, amendment.text));
                      }}
                    >
                      {amendment.itemId === '' && <option value="">Choose the minute amended…</option>}
                      {earlier.items.map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {candidate.minuteNumber}. {candidate.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  {item !== undefined && (
                    <label>
                      Part corrected
                      <select value={amendment.part} onChange={(event) => move(index, amendment.itemId, event.target.value)}>
                        {parts.map((part) => (
                          <option key={part.key} value={part.key}>
                            {part.key === 'end' || part.key === 'all' ? part.label : `${part.label}: ${part.text.slice(0, 70) || '(empty)'}`}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
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
            {problems.length > 0 && (
              <ul className="amendment-problems" aria-label="Before recording the agreement">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
            {askingTrueRecord && amendments.length === 0 && (
              <div role="alert" className="ask-true-record">
                <p>
                  {quotedInBlock > 0
                    ? `The approval block quotes ${quotedInBlock === 1 ? 'an amendment' : `${quotedInBlock} amendments`}, but no amendment is given here. Add the amendment, or record the minutes as agreed as a true record (the block will then say so, without the amendment${quotedInBlock === 1 ? '' : 's'}).`
                    : 'The approval block says these minutes were agreed subject to amendments, but no amendment is given here. Add the amendment, or record them as agreed as a true record (the block will then say so).'}
                </p>
                <button type="button" onClick={() => void submit(null, true)} disabled={busy}>
                  Record as a true record
                </button>
              </div>
            )}
            <p className="hint">
              An amendment corrects the words of a minute: its heading, a paragraph, a resolution&apos;s opening words or parts, a declaration, or a paragraph added at its end. Attendance
              and a vote&apos;s counts are not amended here.
            </p>
            <button
              type="button"
              onClick={() => {
                const first = earlier.items[0];
                if (first) setAmendments((old) => [...old, { itemId: first.id, part: amendablePartsOf(first)[1]?.key ?? 'end', text: amendablePartsOf(first)[1]?.text ?? '' }]);
              }}
            >
              Add an amendment
            </button>
          </>
        )}
        <DialogButtons submitLabel="Record the agreement" onCancel={onClose} disabled={earlier === null || !circulated || busy || problems.length > 0} />
      </form>
    </Modal>
  );
}
