// "Undo this import" at the end of an import (reviewed or of many files): the meetings it added go to
// the bin (library:undo-import), from which they can be restored; what it replaced is restored from
// the copies kept, one by one, in the reviewed import's summary.
import { useState } from 'react';
import type { LibraryOverview } from '../../../shared/contract.js';
import { api } from '../api.js';

interface UndoImportProps {
  /** The meetings the import added (ImportSummary.addedMeetings). */
  meetingIds: string[];
  onImported: (library: LibraryOverview) => void;
  onError: (failure: unknown) => void;
}

/** The button, then what undoing did, with a note for each meeting kept (changed since, or the record). */
export function UndoImport({ meetingIds, onImported, onError }: UndoImportProps) {
  const [undone, setUndone] = useState<{ binned: number; notes: string[] } | null>(null);
  const undo = async () => {
    try {
      const answer = await api.call('library:undo-import', { meetingIds });
      setUndone({ binned: answer.binned, notes: answer.notes });
      onImported(answer.library);
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <div className="undo-import">
      {undone === null ? (
        <button type="button" onClick={() => void undo()}>
          Undo this import
        </button>
      ) : (
        <p role="status">
          {undone.binned === 1
            ? 'The meeting it added was moved to the bin, from which it can be restored.'
            : `${undone.binned === 0 ? 'No meeting it added was' : `The ${undone.binned} meetings it added were`} moved to the bin, from which they can be restored.`}
          {undone.notes.length > 0 && ` ${undone.notes.join(' ')}`}
        </p>
      )}
    </div>
  );
}
