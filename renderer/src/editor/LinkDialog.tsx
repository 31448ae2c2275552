// Asks for a link's address (and its text, when nothing is selected) and inserts it at the cursor.
import { useState, type FormEvent } from 'react';
import { DialogButtons, Modal } from '../common/Modal.js';

interface LinkDialogProps {
  selectedText: string;
  onInsert: (text: string, href: string) => void;
  onClose: () => void;
  afterClose: () => void;
}

/** Addresses typed without a scheme ("www.…") are web addresses. */
const withScheme = (address: string): string => (/^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `http://${address}`);

export function LinkDialog({ selectedText, onInsert, onClose, afterClose }: LinkDialogProps) {
  const [text, setText] = useState(selectedText);
  const [address, setAddress] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== '' && address.trim() !== '') onInsert(text, withScheme(address.trim()));
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
          <input autoFocus value={address} onChange={(event) => setAddress(event.target.value)} />
        </label>
        <DialogButtons submitLabel="Insert link" onCancel={onClose} />
      </form>
    </Modal>
  );
}
