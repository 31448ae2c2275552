// Asks for a link's address (and its text, when nothing is selected) and inserts it at the cursor.
import { useState, type FormEvent } from 'react';
import { typedLinkAddress } from '../../../shared/model/linkAddress.js';
import { DialogButtons, Modal } from '../common/Modal.js';

interface LinkDialogProps {
  selectedText: string;
  onInsert: (text: string, href: string) => void;
  onClose: () => void;
  afterClose: () => void;
}

export function LinkDialog({ selectedText, onInsert, onClose, afterClose }: LinkDialogProps) {
  const [text, setText] = useState(selectedText);
  const [address, setAddress] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '' || address.trim() === '') return;
    // The one allow-list every export and import also applies (shared/model/linkAddress.ts).
    const typed = typedLinkAddress(address);
    if ('refused' in typed) setRefusal(typed.refused);
    else onInsert(text, typed.href);
  };
  return (
    <Modal afterClose={afterClose} title="Insert link" onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <label>
          Link text
          <input value={text} readOnly={selectedText !== ''} onChange={(event) => setText(event.target.value)} />
        </label>
        <label>
          Address
          <input
            autoFocus
            value={address}
            aria-invalid={refusal !== null}
            aria-describedby={refusal === null ? undefined : 'link-refusal'}
            onChange={(event) => {
              setAddress(event.target.value);
              setRefusal(null);
            }}
          />
        </label>
        {refusal !== null && (
          <p id="link-refusal" role="alert" className="error">
            {refusal}
          </p>
        )}
        <DialogButtons submitLabel="Insert link" onCancel={onClose} />
      </form>
    </Modal>
  );
}
