// "Compare with…": choose the meeting to open beside the one open, from any committee, and whether to
// read the two side by side or see the differences marked.
import { useMemo, useState, type FormEvent } from 'react';
import { formatProseDate } from '../../../shared/dates.js';
import type { Committee } from '../../../shared/model/committee.js';
import type { MeetingSummary } from '../../../shared/model/meeting.js';
import { DialogButtons, Modal } from '../common/Modal.js';

interface CompareDialogProps {
  /** The meeting open now, left out of the choices. */
  meetingId: string;
  committees: readonly Committee[];
  meetings: readonly MeetingSummary[];
  onChoose: (meetingId: string, differences: boolean) => void;
  onClose: () => void;
}

const describe = (meeting: MeetingSummary, committee: Committee | undefined): string =>
  `${committee?.name ?? 'Unknown committee'}, ${formatProseDate(meeting.date)}${meeting.status === 'draft' ? ' (draft)' : ''}${meeting.imported ? ' (imported)' : ''}`;

export function CompareDialog({ meetingId, committees, meetings, onChoose, onClose }: CompareDialogProps) {
  const open = meetings.find((meeting) => meeting.id === meetingId);
  // The same committee first, nearest date first: last meeting's minutes are the usual choice.
  const choices = useMemo(() => {
    const distance = (meeting: MeetingSummary) => Math.abs(Date.parse(meeting.date) - Date.parse(open?.date ?? meeting.date));
    return meetings
      .filter((meeting) => meeting.id !== meetingId)
      .sort((a, b) => Number(b.committeeId === open?.committeeId) - Number(a.committeeId === open?.committeeId) || distance(a) - distance(b));
  }, [meetings, meetingId, open]);
  const committeeOf = (meeting: MeetingSummary) => committees.find((committee) => committee.id === meeting.committeeId);
  const [filter, setFilter] = useState('');
  const shown = choices.filter((meeting) => describe(meeting, committeeOf(meeting)).toLowerCase().includes(filter.trim().toLowerCase()));
  const [chosen, setChosen] = useState<string | null>(choices[0]?.id ?? null);
  const [differences, setDifferences] = useState(false);
  const selected = shown.some((meeting) => meeting.id === chosen) ? chosen : (shown[0]?.id ?? null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected !== null) onChoose(selected, differences);
  };

  return (
    <Modal title="Compare with another meeting" onClose={onClose}>
      <form onSubmit={submit} className="form-grid compare-dialog">
        <label>
          Find a meeting
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="Committee or date, e.g. March 2017" />
        </label>
        <fieldset>
          <legend>Meeting</legend>
          {shown.length === 0 && <p className="hint">No meeting matches.</p>}
          <div className="compare-choices">
            {shown.slice(0, 200).map((meeting) => (
              <label key={meeting.id} className="compare-choice">
                <input type="radio" name="compare-with" checked={meeting.id === selected} onChange={() => setChosen(meeting.id)} />
                {describe(meeting, committeeOf(meeting))}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Show</legend>
          <label className="compare-choice">
            <input type="radio" name="compare-show" checked={!differences} onChange={() => setDifferences(false)} /> The two side by side
          </label>
          <label className="compare-choice">
            <input type="radio" name="compare-show" checked={differences} onChange={() => setDifferences(true)} /> The differences marked
          </label>
        </fieldset>
        <DialogButtons submitLabel="Open beside" onCancel={onClose} disabled={selected === null} />
      </form>
    </Modal>
  );
}
