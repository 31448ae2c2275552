// The bin: meetings the clerk deleted, or whose import was undone, each restorable as it was.
import { useEffect, useState } from 'react';
import type { BinnedMeeting, LibraryOverview } from '../../../shared/contract.js';
import { formatProseDate, formatSavedAt } from '../../../shared/dates.js';
import type { Meeting } from '../../../shared/model/meeting.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';

const why: Record<BinnedMeeting['reason'], string> = { deleted: 'Deleted', 'import-undone': 'Its import was undone' };

interface BinViewProps {
  /** The library as last read: the bin is listed again whenever it changes (a meeting deleted, an import undone). */
  library: LibraryOverview;
  onRestored: (meeting: Meeting) => void;
}

export function BinView({ library, onRestored }: BinViewProps) {
  const [entries, setEntries] = useState<BinnedMeeting[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.call('bin:list', {}).then(setEntries, setError);
  }, [library]);

  const restore = async (entry: BinnedMeeting) => {
    try {
      setError(null);
      const meeting = await api.call('bin:restore', { meetingId: entry.meetingId });
      setEntries((old) => old?.filter((other) => other.meetingId !== entry.meetingId) ?? null);
      onRestored(meeting);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="bin-view" aria-labelledby="bin-heading">
      <h1 id="bin-heading">Bin</h1>
      <p className="hint">Meetings deleted from the library are kept here, with their history, until you restore them. Signed, agreed and circulated minutes are never deleted.</p>
      <ErrorMessage error={error} />
      {entries === null ? (
        <p className="loading">Reading the bin…</p>
      ) : entries.length === 0 ? (
        <p>The bin is empty.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">Committee</th>
              <th scope="col">Status</th>
              <th scope="col">Moved to the bin</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.meetingId}>
                <td>{formatProseDate(entry.date)}</td>
                <td>{entry.committeeName}</td>
                <td>{entry.status}</td>
                <td>
                  {why[entry.reason]}, {formatSavedAt(entry.deletedAt)}
                </td>
                <td>
                  <button type="button" onClick={() => void restore(entry)} aria-label={`Restore the meeting of ${formatProseDate(entry.date)}`}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
