// The library: each committee, its meetings grouped by municipal year, newest first.
import { useState } from 'react';
import type { Committee } from '../../../shared/model/committee.js';
import type { MeetingSummary } from '../../../shared/model/meeting.js';
import { formatProseDate } from '../../../shared/dates.js';
import { municipalYearLabel, municipalYearOf } from '../../../shared/numbering.js';

/** The drag data a meeting carries when dragged from the library (its id), e.g. onto the right half to open it beside. */
export const MEETING_DRAG_TYPE = 'application/x-minute-book-meeting';

interface LibrarySidebarProps {
  committees: readonly Committee[];
  meetings: readonly MeetingSummary[];
  openMeetingId: string | null;
  onOpenMeeting: (meetingId: string) => void;
  onNewCommittee: () => void;
  onImport: () => void;
  onSearch: (query: string) => void;
  onRegisters: () => void;
  onEditCommittee: (committee: Committee) => void;
  onNewMeeting: (committeeId: string) => void;
}

function meetingsByYear(committee: Committee, meetings: readonly MeetingSummary[]): [number, MeetingSummary[]][] {
  const years = new Map<number, MeetingSummary[]>();
  for (const meeting of meetings) {
    if (meeting.committeeId !== committee.id) continue;
    const year = municipalYearOf(meeting.date, committee.municipalYearStartMonth);
    years.set(year, [...(years.get(year) ?? []), meeting]);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => [year, list.sort((a, b) => `${b.date}${b.startTime}`.localeCompare(`${a.date}${a.startTime}`))]);
}

export function LibrarySidebar(props: LibrarySidebarProps) {
  const { committees, meetings, openMeetingId, onOpenMeeting, onNewCommittee, onImport, onSearch, onRegisters, onEditCommittee, onNewMeeting } = props;
  const [query, setQuery] = useState('');
  return (
    <nav className="sidebar" aria-label="Library">
      <form
        role="search"
        className="sidebar-search"
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim() !== '') onSearch(query.trim());
        }}
      >
        <input type="search" aria-label="Search minutes" placeholder="Search minutes" value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="submit">Search</button>
      </form>
      <button type="button" className="quiet" onClick={onRegisters}>
        Registers
      </button>
      <div className="sidebar-actions">
        <button type="button" onClick={onNewCommittee}>
          New committee
        </button>
        <button type="button" onClick={onImport} title="Or drop files and folders on the window">
          Import…
        </button>
      </div>
      {committees.length === 0 && <p className="hint">Start by creating the committee whose minutes you keep.</p>}
      <ul className="committees">
        {committees.map((committee) => (
          <li key={committee.id}>
            <h2 className="committee-name">{committee.name}</h2>
            <button type="button" className="quiet" onClick={() => onNewMeeting(committee.id)}>
              New meeting of {committee.name}
            </button>
            <button type="button" className="quiet" onClick={() => onEditCommittee(committee)}>
              Edit {committee.name}
            </button>
            {meetingsByYear(committee, meetings).map(([year, list]) => (
              <section key={year} aria-label={`Municipal year ${municipalYearLabel(year)}`}>
                <h3 className="municipal-year">{municipalYearLabel(year)}</h3>
                <ul className="meetings">
                  {list.map((meeting) => (
                    <li key={meeting.id}>
                      <button
                        type="button"
                        className="meeting-link"
                        aria-current={meeting.id === openMeetingId ? 'page' : undefined}
                        onClick={() => onOpenMeeting(meeting.id)}
                        draggable
                        onDragStart={(event) => {
                          event.dataTransfer.setData(MEETING_DRAG_TYPE, meeting.id);
                          event.dataTransfer.effectAllowed = 'copy';
                        }}
                      >
                        {formatProseDate(meeting.date)}
                        {meeting.status === 'draft' && <span className="status"> draft</span>}
                        {meeting.imported && meeting.status === 'published' && <span className="status"> imported</span>}
                        {/* Minutes brought in from an archive keep their step, which says more than "imported". */}
                        {!(meeting.imported && meeting.status === 'published') && meeting.status !== 'draft' && <span className="status"> {meeting.published ? 'published' : meeting.status}</span>}
                        {meeting.tampered !== null && <span className="status tampered-mark"> changed outside Minute Book</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </li>
        ))}
      </ul>
    </nav>
  );
}
