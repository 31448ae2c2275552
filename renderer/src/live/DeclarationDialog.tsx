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
  // No kind to start with: the kinds carry different legal weight, so the clerk chooses one each time.
  const [kind, setKind] = useState('');
  const [item, setItem] = useState(startingItem);
  const [action, setAction] = useState<DeclarationAction>('');
  const [text, setText] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (member !== '' && kind !== '') onRecord({ member, kind, item, action, text: text.trim() });
  };

  return (
    <Modal afterClose={afterClose} title="Declaration of interest" onClose={onClose}>
      <form className="form-grid live-form" onSubmit={submit}>
        <MemberChoice label="Member declaring" members={members} value={member} onChange={setMember} />
        {/* Every kind on view, chosen with the arrow keys: a list's type-ahead ("pers…") picks the first
            label that fits, which may be a heavier interest than the one declared. */}
        <fieldset className="declaration-kinds">
          <legend>Kind of interest</legend>
          {kinds.map((option) => (
            <label key={option.id} className="check">
              <input type="radio" name="declaration-kind" value={option.id} checked={kind === option.id} onChange={() => setKind(option.id)} required /> {option.label}
            </label>
          ))}
        </fieldset>
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
        {/* Never disabled, so Tab reaches it; a missing member or kind is said when it is pressed. */}
        <DialogButtons submitLabel="Record declaration" onCancel={onClose} />
      </form>
    </Modal>
  );
}
