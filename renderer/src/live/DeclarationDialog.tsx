// Live capture: a member's declaration of interest — who, the kind (from the committee's list), the item
// it concerns and what the member did — minuted under the Declarations of Interests.
import { useState, type FormEvent } from 'react';
import { declarationActions, type DeclarationAction } from '../../../shared/editor/schema.js';
import { declarationActionLabels } from '../editor/blockLabels.js';
import type { DeclarationKind } from '../../../shared/model/declarationKinds.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import type { DeclarationRecord } from './liveCommands.js';
import { MemberChoice, type KeyedMember } from './MemberChoice.js';

interface DeclarationDialogProps {
  members: readonly KeyedMember[];
  kinds: readonly DeclarationKind[];
  /** The meeting's items: the minute number as it is cited in a declaration ("7"), and how the choice reads. */
  items: readonly { number: string; label: string }[];
  /** The item chosen to start with (the current one, unless that is the Declarations item itself). */
  item: string;
  onRecord: (declaration: DeclarationRecord) => void;
  onClose: () => void;
  /** Where the keyboard goes once the form has gone: back to live capture. */
  afterClose: () => void;
}

export function DeclarationDialog({ members, kinds, items, item: startingItem, onRecord, onClose, afterClose }: DeclarationDialogProps) {
  const [member, setMember] = useState('');
  const [kind, setKind] = useState(kinds[0]?.id ?? 'disclosable-pecuniary');
  const [item, setItem] = useState(startingItem);
  const [action, setAction] = useState<DeclarationAction>('');
  const [text, setText] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (member !== '') onRecord({ member, kind, item, action, text: text.trim() });
  };

  return (
    <Modal afterClose={afterClose} title="Declaration of interest" onClose={onClose}>
      <form className="form-grid live-form" onSubmit={submit}>
        <MemberChoice label="Member declaring" members={members} value={member} onChange={setMember} />
        <label>
          Kind of interest
          <select value={kind} onChange={(event) => setKind(event.target.value)}>
            {kinds.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Item
          <select value={item} onChange={(event) => setItem(event.target.value)}>
            <option value="">Not stated</option>
            {items.map((option) => (
              <option key={option.number} value={option.number}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          What was declared
          <input value={text} onChange={(event) => setText(event.target.value)} placeholder="as a governor of …" />
        </label>
        <label>
          What the member did
          <select value={action} onChange={(event) => setAction(event.target.value as DeclarationAction)}>
            {declarationActions.map((option) => (
              <option key={option} value={option}>
                {declarationActionLabels[option]}
              </option>
            ))}
          </select>
        </label>
        <DialogButtons submitLabel="Record declaration" onCancel={onClose} disabled={member === ''} />
      </form>
    </Modal>
  );
}
