// Asks for the minute to cite and inserts a reference to it at the cursor: typed as its number
// ("59/16"), or found among the committee's minutes by words of its title or by its meeting's date
// ("13/7/2017", "13 July 2017"), so the clerk need not know the number.
import { useEffect, useState, type FormEvent } from 'react';
import { formatProseDate } from '../../../shared/dates.js';
import { readDate } from '../../../shared/enteredDates.js';
import type { Committee } from '../../../shared/model/committee.js';
import type { MeetingSummary } from '../../../shared/model/meeting.js';
import { minutePlace } from '../../../shared/search/citation.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';

const citation = /^\d{1,4}\/\d{2}$/;

/** One minute the dialog offers: its citation, title and meeting date (ISO). */
interface FoundMinute {
  citation: string;
  title: string;
  date: string;
}

/**
 * The committee's minutes that `text` finds: by its meeting's date when it reads as one (those
 * meetings' items, in order), else by the words of the titles and minutes (the library's search).
 */
async function findMinutes(text: string, committee: Committee, library: readonly MeetingSummary[]): Promise<FoundMinute[]> {
  const date = readDate(text);
  if (date.kind === 'read') {
    const found: FoundMinute[] = [];
    for (const summary of library.filter((meeting) => meeting.committeeId === committee.id && meeting.date === date.value)) {
      const meeting = await api.call('meetings:load', { meetingId: summary.id });
      found.push(...meeting.items.map((item) => minutePlace(meeting, item, committee)));
    }
    return found;
  }
  const { hits } = await api.call('search:query', { query: text, filters: { committeeId: committee.id }, limit: 20 });
  return hits.flatMap((hit) => (hit.citation === null ? [] : [{ citation: hit.citation, title: hit.title, date: hit.date }]));
}

interface MinuteReferenceDialogProps {
  committee: Committee;
  /** The library's meetings, whose dates the dialog finds minutes by. */
  library: readonly MeetingSummary[];
  onInsert: (minute: string) => void;
  onClose: () => void;
  afterClose: () => void;
}

export function MinuteReferenceDialog({ committee, library, onInsert, onClose, afterClose }: MinuteReferenceDialogProps) {
  const [minute, setMinute] = useState('');
  const [found, setFound] = useState<{ for: string; minutes: FoundMinute[]; error: unknown }>({ for: '', minutes: [], error: null });
  const typed = minute.trim();
  const valid = citation.test(typed);

  // Looked up a moment after the typing stops; an answer for words since changed is dropped.
  useEffect(() => {
    if (valid || typed.length < 3) return;
    let current = true;
    const timer = setTimeout(() => {
      findMinutes(typed, committee, library).then(
        (minutes) => current && setFound({ for: typed, minutes, error: null }),
        (error: unknown) => current && setFound({ for: typed, minutes: [], error }),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed, valid, committee, library]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onInsert(typed);
  };
  const searching = !valid && typed.length >= 3;
  const shown = searching && found.for === typed ? found : null;
  return (
    <Modal afterClose={afterClose} title="Insert minute reference" onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <label>
          Minute number (e.g. 59/16), or words of its title, or its meeting’s date
          <input autoFocus value={minute} onChange={(event) => setMinute(event.target.value)} aria-invalid={minute !== '' && !valid && !searching} />
        </label>
        {shown !== null && (
          <section aria-label="Minutes found" className="minutes-found">
            <ErrorMessage error={shown.error} />
            {shown.error === null && shown.minutes.length === 0 && <p role="status">No minute of {committee.name} is found by “{shown.for}”.</p>}
            {shown.minutes.length > 0 && (
              <ul>
                {shown.minutes.map((place) => (
                  <li key={place.citation}>
                    <button type="button" className="result-link" onClick={() => onInsert(place.citation)}>
                      Minute {place.citation}, {place.title} ({formatProseDate(place.date)})
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <DialogButtons submitLabel="Insert reference" onCancel={onClose} disabled={!valid} />
      </form>
    </Modal>
  );
}
