// Live capture: a motion, or an amendment to a motion still before the meeting, moved and seconded.
// It is minuted not yet put; the vote comes after (V).
import { useState, type FormEvent } from 'react';
import { DialogButtons, Modal } from '../common/Modal.js';
import type { MotionMoved } from './liveCommands.js';
import { MemberChoice, type KeyedMember } from './MemberChoice.js';

/** A motion of the item not yet put, which an amendment may amend. */
export interface OpenMotion {
  id: string;
  mover: string;
}

interface MotionDialogProps {
  /** Those in the room: only they move and second. */
  members: readonly KeyedMember[];
  openMotions: readonly OpenMotion[];
  onRecord: (moved: MotionMoved) => void;
  onClose: () => void;
  /** Where the keyboard goes once the form has gone: back to live capture. */
  afterClose: () => void;
}

const amendmentOf = (motion: OpenMotion): string => `Amendment to the motion moved by ${motion.mover === '' ? 'a member' : motion.mover}`;

export function MotionDialog({ members, openMotions, onRecord, onClose, afterClose }: MotionDialogProps) {
  // With a motion before the meeting, what is moved next is nearly always an amendment to it.
  const [amends, setAmends] = useState(openMotions.at(-1)?.id ?? '');
  const [mover, setMover] = useState('');
  const [seconder, setSeconder] = useState('');
  const [words, setWords] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mover !== '' && mover === seconder) {
      setProblem('A member cannot second their own motion: choose another seconder, or none.');
      return;
    }
    onRecord({ kind: amends === '' ? 'motion' : 'amendment', amends, mover, seconder, words: words.trim() });
  };

  return (
    <Modal afterClose={afterClose} title="Motion or amendment moved" onClose={onClose}>
      {/* The dialog focuses its first field: who moved it, the first thing the clerk hears. */}
      <form className="form-grid live-form" onSubmit={submit}>
        <MemberChoice label="Moved by" members={members} value={mover} onChange={setMover} noOne="Not recorded" />
        <MemberChoice label="Seconded by" members={members} value={seconder} onChange={setSeconder} noOne="Not seconded yet" />
        <label>
          Words moved, after “that”
          <input value={words} onChange={(event) => setWords(event.target.value)} placeholder="the Committee …" />
        </label>
        <label>
          Moved as
          <select value={amends} onChange={(event) => setAmends(event.target.value)}>
            <option value="">A motion</option>
            {openMotions.map((motion) => (
              <option key={motion.id} value={motion.id}>
                {amendmentOf(motion)}
              </option>
            ))}
          </select>
        </label>
        {problem !== null && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <DialogButtons submitLabel={amends === '' ? 'Record motion' : 'Record amendment'} onCancel={onClose} />
      </form>
    </Modal>
  );
}
