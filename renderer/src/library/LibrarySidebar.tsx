// The library: each committee, its meetings grouped by municipal year, newest first; the views beside
// the meetings (Registers, Bin), Preferences, and the housekeeping of the open meeting and of committees.
// Below 1000 px it folds to a narrow strip with a toggle, and lies over the workspace when shown.
// In a big library (a council's archive) each committee's older municipal years are folded, their
// meetings drawn only when unfolded: 10,000 meetings drawn at once made the window take seconds to open.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { isFrozen, isLocked } from '../../../shared/lifecycle/transitions.js';
import type { Committee } from '../../../shared/model/committee.js';
import type { MeetingSummary } from '../../../shared/model/meeting.js';
import { formatEntryDate, formatProseDate, heldAtKey } from '../../../shared/dates.js';
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
  /** What the workspace shows, marked in the sidebar. */
  view: 'meeting' | 'search' | 'registers' | 'bin';
  onBin: () => void;
  onPreferences: () => void;
  onDuplicateMeeting: (meeting: MeetingSummary) => void;
  onDeleteMeeting: (meeting: MeetingSummary) => void;
  onArchiveCommittee: (committee: Committee, archived: boolean) => void;
}

/** Below this width the library is a toggle over the workspace (styles.css, the same figure). */
const NARROW_WINDOW = 1000;
const narrowWindow = `(max-width: ${NARROW_WINDOW - 1}px)`;
const narrow = () => window.matchMedia(narrowWindow).matches;

/** The record (signed, agreed, circulated) is never deleted: the sidebar does not offer it (and the node side refuses it). */
const deletable = (meeting: MeetingSummary) => !isLocked(meeting) && !isFrozen(meeting);

/**
 * A library holding more meetings than this folds each committee's municipal years but the latest
 * UNFOLDED_YEARS: at 10,000 meetings the list drawn whole was 34,000 elements, seconds to render and lay
 * out at start-up and again whenever a meeting was opened. Smaller libraries show every meeting.
 */
const FOLD_OVER = 500;
const UNFOLDED_YEARS = 2;

/** Each committee's meetings by municipal year, newest year first and newest meeting first within it; one pass over the meetings. */
function meetingsByYear(committees: readonly Committee[], meetings: readonly MeetingSummary[]): Map<string, [number, MeetingSummary[]][]> {
  const startMonths = new Map(committees.map((committee) => [committee.id, committee.municipalYearStartMonth]));
  const years = new Map<string, Map<number, MeetingSummary[]>>();
  for (const meeting of meetings) {
    const startMonth = startMonths.get(meeting.committeeId);
    if (startMonth === undefined) continue;
    const year = municipalYearOf(meeting.date, startMonth);
    const ofCommittee = years.get(meeting.committeeId) ?? new Map<number, MeetingSummary[]>();
    years.set(meeting.committeeId, ofCommittee);
    const list = ofCommittee.get(year) ?? [];
    ofCommittee.set(year, list);
    list.push(meeting);
  }
  return new Map(
    [...years].map(([committeeId, ofCommittee]) => [
      committeeId,
      [...ofCommittee].sort(([a], [b]) => b - a).map(([year, list]) => [year, list.sort((a, b) => heldAtKey(b).localeCompare(heldAtKey(a)))]),
    ]),
  );
}

/**
 * A municipal year folded behind its heading (a big library's older years): its meetings are drawn
 * only once the clerk unfolds it, and it unfolds itself while it holds the open meeting (opened from
 * search or the registers).
 */
function FoldedYear({ label, count, holdsOpenMeeting, children }: { label: string; count: number; holdsOpenMeeting: boolean; children: () => ReactNode }) {
  const [unfolded, setUnfolded] = useState(holdsOpenMeeting);
  // Unfolded as the open meeting comes into it (React's state adjusted while rendering, not in an effect); the clerk may fold it again.
  const [held, setHeld] = useState(holdsOpenMeeting);
  if (held !== holdsOpenMeeting) {
    setHeld(holdsOpenMeeting);
    if (holdsOpenMeeting) setUnfolded(true);
  }
  return (
    <details className="folded-year" open={unfolded} onToggle={(event) => setUnfolded(event.currentTarget.open)} aria-label={`Municipal year ${label}`}>
      <summary className="municipal-year">
        {label} ({count === 1 ? '1 meeting' : `${count} meetings`})
      </summary>
      {unfolded && children()}
    </details>
  );
}

export function LibrarySidebar(props: LibrarySidebarProps) {
  const { committees, meetings, openMeetingId, onOpenMeeting, onNewCommittee, onImport, onSearch, onRegisters, onEditCommittee, onNewMeeting, view } = props;
  // Agreed or signed minutes say at which meeting they were agreed (issue 9: each step shown in the library).
  const dateOf = useMemo(() => new Map(meetings.map((meeting) => [meeting.id, meeting.date])), [meetings]);
  // In figures, so that the link's name holds only its own meeting's date in words.
  const agreedOn = (meeting: MeetingSummary): string | null => {
    const date = meeting.agreedAt === null ? undefined : dateOf.get(meeting.agreedAt);
    return date === undefined ? null : formatEntryDate(date);
  };
  const [query, setQuery] = useState('');
  // Folded at the start in a narrow window; the clerk's toggle decides after that.
  const [collapsed, setCollapsed] = useState(narrow);
  // A window made narrow folds the library away; made wide again, it stands beside the page again.
  useEffect(() => {
    const widths = window.matchMedia(narrowWindow);
    const changed = () => setCollapsed(widths.matches);
    widths.addEventListener('change', changed);
    return () => widths.removeEventListener('change', changed);
  }, []);
  // In a narrow window the library lies over the page: choosing something there folds it away again.
  const thenFold = (action: () => void) => () => {
    action();
    if (narrow()) setCollapsed(true);
  };
  const shown = committees.filter((committee) => committee.archived !== true);
  const byYear = useMemo(() => meetingsByYear(committees, meetings), [committees, meetings]);
  const folds = meetings.length > FOLD_OVER;
  const archived = committees.filter((committee) => committee.archived === true);
  return (
    <nav
      className={collapsed ? 'sidebar collapsed' : 'sidebar'}
      aria-label="Library"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !collapsed && narrow()) setCollapsed(true);
      }}
    >
      <button type="button" className="sidebar-toggle quiet" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
        {collapsed ? 'Show library' : 'Hide library'}
      </button>
      <form
        role="search"
        className="sidebar-search"
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim() === '') return;
          onSearch(query.trim());
          if (narrow()) setCollapsed(true);
        }}
      >
        <input type="search" aria-label="Search minutes" placeholder="Search minutes" value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="submit">Search</button>
      </form>
      <div className="sidebar-views">
        <button type="button" aria-current={view === 'registers' ? 'page' : undefined} onClick={thenFold(onRegisters)}>
          Registers
        </button>
        <button type="button" aria-current={view === 'bin' ? 'page' : undefined} onClick={thenFold(props.onBin)}>
          Bin
        </button>
        <button type="button" onClick={props.onPreferences}>
          Preferences…
        </button>
      </div>
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
        {shown.map((committee) => (
          <li key={committee.id}>
            <h2 className="committee-name">{committee.name}</h2>
            <button type="button" className="quiet" onClick={() => onNewMeeting(committee.id)}>
              New meeting of {committee.name}
            </button>
            <div className="committee-tools">
              <button type="button" className="quiet" onClick={() => onEditCommittee(committee)}>
                Edit {committee.name}
              </button>
              <button type="button" className="quiet" onClick={() => props.onArchiveCommittee(committee, true)} aria-label={`Archive ${committee.name}`}>
                Archive
              </button>
            </div>
            {(byYear.get(committee.id) ?? []).map(([year, list], index) => {
              const label = municipalYearLabel(year);
              const meetingList = () => (
                  <ul className="meetings">
                    {list.map((meeting) => (
                      <li key={meeting.id}>
                        <button
                          type="button"
                          className="meeting-link"
                          aria-current={meeting.id === openMeetingId ? 'page' : undefined}
                          onClick={thenFold(() => onOpenMeeting(meeting.id))}
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
                          {!(meeting.imported && meeting.status === 'published') && meeting.status !== 'draft' && !(meeting.status === 'agreed' && !meeting.published && agreedOn(meeting) !== null) && (
                            <span className="status"> {meeting.published ? 'published' : meeting.status}</span>
                          )}
                          {agreedOn(meeting) !== null && <span className="status agreed-on"> agreed {agreedOn(meeting)}</span>}
                          {meeting.tampered !== null && <span className="status tampered-mark"> changed outside Minute Book</span>}
                        </button>
                        {meeting.id === openMeetingId && (
                          <div className="meeting-tools" role="group" aria-label={`The meeting of ${formatProseDate(meeting.date)}`}>
                            <button type="button" onClick={() => props.onDuplicateMeeting(meeting)}>
                              Duplicate…
                            </button>
                            {deletable(meeting) && (
                              <button type="button" onClick={() => props.onDeleteMeeting(meeting)}>
                                Move to bin…
                              </button>
                            )}
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
              );
              return folds && index >= UNFOLDED_YEARS ? (
                <FoldedYear key={year} label={label} count={list.length} holdsOpenMeeting={list.some((meeting) => meeting.id === openMeetingId)}>
                  {meetingList}
                </FoldedYear>
              ) : (
                <section key={year} aria-label={`Municipal year ${label}`}>
                  <h3 className="municipal-year">{label}</h3>
                  {meetingList()}
                </section>
              );
            })}
          </li>
        ))}
      </ul>
      {archived.length > 0 && (
        <details className="archived-committees">
          <summary>Archived committees ({archived.length})</summary>
          <ul>
            {archived.map((committee) => (
              <li key={committee.id}>
                {committee.name}
                <button type="button" onClick={() => props.onArchiveCommittee(committee, false)} aria-label={`Bring back ${committee.name}`}>
                  Bring back
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </nav>
  );
}
