// The meeting's title block and details: when and where, the contact, numbering, and attendance,
// shown as the formal minutes print them, with the details editable.
import { useState } from 'react';
import { attendanceGroups } from '../../../shared/attendanceText.js';
import { formatHeldAt } from '../../../shared/dates.js';
import type { Committee } from '../../../shared/model/committee.js';
import { DateField, TimeField } from '../common/DateTimeFields.js';
import { AttendanceEditor } from './AttendanceEditor.js';
import type { MeetingDetails } from './meetingSession.js';

interface MeetingHeaderProps {
  committee: Committee;
  details: MeetingDetails;
  continuingMinuteNumber: number;
  readOnly: boolean;
  onChange: (details: MeetingDetails) => void;
  /** Why the meeting's date can no longer change (minutes agreed at it record it), or undefined. */
  dateFixedBecause?: string;
  /** Beside another meeting the pane is the landmark: the attendance is a group inside it, so the page's landmarks stay unique. */
  withinPane?: boolean;
}

export function MeetingHeader({ committee, details, continuingMinuteNumber, readOnly, onChange, dateFixedBecause, withinPane = false }: MeetingHeaderProps) {
  const [editingAttendance, setEditingAttendance] = useState(false);
  const set = <K extends keyof MeetingDetails>(key: K, value: MeetingDetails[K]) => onChange({ ...details, [key]: value });

  return (
    <header className="meeting-header">
      <p className="council">{committee.council}</p>
      <h1>
        Minutes of the Meeting of {committee.name}
        <span className="held">
          {' '}
          {formatHeldAt(details)}
        </span>
      </h1>
      <fieldset className="details-grid" disabled={readOnly}>
        <legend className="visually-hidden">Meeting details</legend>
        <DateField label="Date" required value={details.date} onChange={(date) => set('date', date)} {...(dateFixedBecause === undefined ? {} : { fixedBecause: dateFixedBecause })} />
        <TimeField label="Start time" required value={details.startTime ?? ''} onChange={(startTime) => set('startTime', startTime)} />
        <TimeField label="Closing time" value={details.closingTime ?? ''} onChange={(closingTime) => set('closingTime', closingTime || null)} />
        <label className="wide">
          Venue
          <input value={details.venue} onChange={(event) => set('venue', event.target.value)} />
        </label>
        <label>
          First minute number
          <input
            type="number"
            min={1}
            placeholder={String(continuingMinuteNumber)}
            value={details.firstMinuteNumber ?? ''}
            onChange={(event) => {
              const value = Number.parseInt(event.target.value, 10);
              set('firstMinuteNumber', Number.isInteger(value) && value > 0 ? value : null);
            }}
          />
        </label>
        <label>
          Contact
          <input value={details.contact.name} onChange={(event) => set('contact', { ...details.contact, name: event.target.value })} />
        </label>
        <label>
          Contact phone
          <input value={details.contact.phone} onChange={(event) => set('contact', { ...details.contact, phone: event.target.value })} />
        </label>
        <label>
          Contact email
          <input type="email" value={details.contact.email} onChange={(event) => set('contact', { ...details.contact, email: event.target.value })} />
        </label>
      </fieldset>
      <section className="attendance" aria-label="Attendance" role={withinPane ? 'group' : undefined}>
        {attendanceGroups(details.attendance).length > 0 && <h2>Present:</h2>}
        <dl>
          {attendanceGroups(details.attendance).map((group) => (
            <div key={group.heading} className="attendance-group">
              <dt>{group.heading}:</dt>
              {group.entries.map((entry, index) => (
                <dd key={index}>{entry}</dd>
              ))}
            </div>
          ))}
        </dl>
        {!readOnly && (
          <button type="button" aria-expanded={editingAttendance} onClick={() => setEditingAttendance(!editingAttendance)}>
            {editingAttendance ? 'Done editing attendance' : 'Edit attendance'}
          </button>
        )}
        {editingAttendance && <AttendanceEditor attendance={details.attendance} members={committee.members.map((member) => member.name)} onChange={(attendance) => set('attendance', attendance)} />}
      </section>
    </header>
  );
}
