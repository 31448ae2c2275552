// At start-up: the unsaved changes a closed tab or a crash left in the recovery journal, offered back
// meeting by meeting. The clerk decides each one (Restore or Discard) before going on, so an offer is
// never overwritten by new typing in the same meeting; discarded changes are kept in set-aside/.
import type { LibraryOverview, RecoveredChanges } from '../../../shared/contract.js';
import { formatProseDate, formatSavedAt } from '../../../shared/dates.js';
import { Modal } from '../common/Modal.js';

interface RecoveryDialogProps {
  recovered: readonly RecoveredChanges[];
  library: LibraryOverview;
  onRestore: (changes: RecoveredChanges) => void;
  onDiscard: (changes: RecoveredChanges) => void;
}

/** "Finance Committee, 13 July 2017": the meeting the changes belong to, as the library names it. */
export function meetingTitle(library: LibraryOverview, meetingId: string): string {
  const summary = library.meetings.find((meeting) => meeting.id === meetingId);
  if (summary === undefined) return 'a meeting';
  const committee = library.committees.find((candidate) => candidate.id === summary.committeeId);
  return `${committee?.name ?? 'a committee'}, ${formatProseDate(summary.date)}`;
}


export function RecoveryDialog({ recovered, library, onRestore, onDiscard }: RecoveryDialogProps) {
  // Escape does not dismiss it: each offer needs an answer.
  return (
    <Modal title="Unsaved changes were recovered" onClose={() => undefined}>
      <p>Minute Book closed before these changes were saved. Restore opens the meeting with them; Discard keeps a copy in the library&apos;s set-aside folder.</p>
      <ul className="recovered">
        {recovered.map((changes) => {
          const title = meetingTitle(library, changes.meetingId);
          return (
            <li key={changes.meetingId} aria-label={`Unsaved changes to ${title}`}>
              <p>
                Unsaved changes to <strong>{title}</strong> were recovered{' '}
                <span className="hint">(last typed {formatSavedAt(changes.writtenAt)})</span>
              </p>
              <div className="dialog-buttons">
                <button type="button" onClick={() => onDiscard(changes)}>
                  Discard
                </button>
                {/* The dialog's own autofocus (the attribute, which Modal honours as showModal did): Enter restores. */}
                <button type="button" className="primary" onClick={() => onRestore(changes)} ref={(button) => button?.setAttribute('autofocus', '')}>
                  Restore
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
