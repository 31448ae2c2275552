// Deleting a meeting (to the bin) and duplicating one as a new draft, each asked in a dialog first.
import { useState, type FormEvent } from 'react';
import { formatProseDate, toIsoDate } from '../../../shared/dates.js';
import type { Meeting, MeetingSummary } from '../../../shared/model/meeting.js';
import { api } from '../api.js';
import { DateField } from '../common/DateTimeFields.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';

interface DeleteMeetingDialogProps {
  meeting: MeetingSummary;
  committeeName: string;
  onClose: () => void;
  /** Moves it to the bin; a refusal is thrown and shown in the dialog. */
  onConfirm: () => Promise<void>;
}

/** Asks before moving a meeting to the bin; the node side refuses the record (signed, agreed, circulated) with the reason. */
export function DeleteMeetingDialog({ meeting, committeeName, onClose, onConfirm }: DeleteMeetingDialogProps) {
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Modal title="Move the meeting to the bin?" onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <p>
          The meeting of {committeeName} on {formatProseDate(meeting.date)} leaves the library, search and the registers. It is kept in the bin, with its history, and can be
          restored from there.
        </p>
        <ErrorMessage error={error} />
        <DialogButtons submitLabel="Move to bin" onCancel={onClose} />
      </form>
    </Modal>
  );
}

interface DuplicateMeetingDialogProps {
  meeting: MeetingSummary;
  committeeName: string;
  onClose: () => void;
  onDuplicated: (meeting: Meeting) => void;
}

/** A new draft of the same committee on the date the clerk gives, starting from this meeting's agenda and minutes. */
export function DuplicateMeetingDialog({ meeting, committeeName, onClose, onDuplicated }: DuplicateMeetingDialogProps) {
  const [date, setDate] = useState(() => toIsoDate(new Date()));
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onDuplicated(await api.call('meetings:duplicate', { meetingId: meeting.id, date }));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Modal title="Duplicate the meeting" onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <p>
          A new draft of {committeeName}, starting from the agenda, attendance and minutes of {formatProseDate(meeting.date)}. Its minutes are numbered where its date falls.
        </p>
        <DateField label="Date of the new meeting" required value={date} onChange={setDate} />
        <ErrorMessage error={error} />
        <DialogButtons submitLabel="Duplicate" onCancel={onClose} />
      </form>
    </Modal>
  );
}
