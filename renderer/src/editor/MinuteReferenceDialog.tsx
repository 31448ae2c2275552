// Asks for the minute to cite ("59/16") and inserts a reference to it at the cursor.
import { useState, type FormEvent } from 'react';
import { DialogButtons, Modal } from '../common/Modal.js';

const citation = /^\d{1,4}\/\d{2}$/;

interface MinuteReferenceDialogProps {
  onInsert: (minute: string) => void;
  onClose: () => void;
  afterClose: () => void;
}

export function MinuteReferenceDialog({ onInsert, onClose, afterClose }: MinuteReferenceDialogProps) {
  const [minute, setMinute] = useState('');
  const valid = citation.test(minute.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onInsert(minute.trim());
  };
  return (
    <Modal afterClose={afterClose} title="Insert minute reference" onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <label>
          Minute (number/year, e.g. 59/16)
          <input autoFocus value={minute} onChange={(event) => setMinute(event.target.value)} aria-invalid={minute !== '' && !valid} />
        </label>
        <DialogButtons submitLabel="Insert reference" onCancel={onClose} disabled={!valid} />
      </form>
    </Modal>
  );
}
