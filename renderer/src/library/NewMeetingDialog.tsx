// Creating a meeting: which committee, when and where. Its agenda starts as the committee's standard one.
import { useState, type FormEvent } from 'react';
import type { Meeting } from '../../../shared/model/meeting.js';
import type { Committee } from '../../../shared/model/committee.js';
import { toIsoDate } from '../../../shared/dates.js';
import { api } from '../api.js';
import { CommitteeSelect } from '../common/CommitteeSelect.js';
import { DateField, TimeField } from '../common/DateTimeFields.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';

interface NewMeetingDialogProps {
  committees: readonly Committee[];
  committeeId: string | null;
  onClose: () => void;
  onCreated: (meeting: Meeting) => void;
}

export function NewMeetingDialog({ committees, committeeId, onClose, onCreated }: NewMeetingDialogProps) {
  const initial = committees.find((committee) => committee.id === committeeId) ?? committees[0];
  const [chosenId, setChosenId] = useState(initial?.id ?? '');
  const [date, setDate] = useState(() => toIsoDate(new Date()));
  const [startTime, setStartTime] = useState('14:00');
  const [venue, setVenue] = useState(initial?.defaultVenue ?? '');
  const [error, setError] = useState<unknown>(null);

  const choose = (id: string) => {
    setChosenId(id);
    setVenue(committees.find((committee) => committee.id === id)?.defaultVenue ?? '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onCreated(await api.call('meetings:create', { committeeId: chosenId, date, startTime, venue }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Modal title="New meeting" onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <CommitteeSelect committees={committees} value={chosenId} onChange={choose} />
        {/* Opened for a committee (its own "New meeting" button), the committee is chosen: the clerk starts on the date. */}
        <DateField label="Meeting date" required value={date} onChange={setDate} autoFocus={committees.some((committee) => committee.id === committeeId)} />
        <TimeField label="Start time" required value={startTime} onChange={setStartTime} />
        <label>
          Venue
          <input value={venue} onChange={(event) => setVenue(event.target.value)} />
        </label>
        <ErrorMessage error={error} />
        <DialogButtons submitLabel="Create meeting" onCancel={onClose} />
      </form>
    </Modal>
  );
}
