// Attendance as the formal minutes print it (seed 003): one heading per group, each person with the
// note that goes in brackets after their name. Shared by the editor's summary and the exporters.
import type { Attendance } from './model/attendance.js';

export interface AttendanceGroup {
  heading: string;
  entries: string[];
  /** Employees are listed under their heading, a line per directorate; other groups start on the heading's line. */
  entriesBelowHeading: boolean;
}

const withNote = (name: string, note: string): string => (note.trim() === '' ? name : `${name} (${note.trim()})`);

export function attendanceGroups(attendance: Attendance): AttendanceGroup[] {
  const employeesByDirectorate = new Map<string, string[]>();
  for (const employee of attendance.employees) {
    const names = employeesByDirectorate.get(employee.directorate) ?? [];
    names.push(employee.name);
    employeesByDirectorate.set(employee.directorate, names);
  }
  const group = (heading: string, entries: string[], entriesBelowHeading = false): AttendanceGroup => ({ heading, entries, entriesBelowHeading });
  const groups: AttendanceGroup[] = [
    group('Members', attendance.members.map((member) => withNote(member.name, member.chair ? 'Chair' : ''))),
    group('Co-Opted Members', attendance.coOpted.map((member) => withNote(member.name, member.voting ? '' : 'non-voting'))),
    group('Invited', attendance.invited.map((guest) => withNote(guest.name, guest.capacity))),
    group('Other Members', attendance.otherMembers.map((member) => withNote(member.name, member.portfolio))),
    group(
      'Employees (by Directorate)',
      // "Children's Services S Bhambra, M Clayton": the directorate, then its people, as seed 003 prints it.
      [...employeesByDirectorate].map(([directorate, names]) => [directorate.trim(), names.join(', ')].filter(Boolean).join(' ')),
      true,
    ),
    group('Apologies', attendance.apologies.map((apology) => withNote(apology.name, apology.note))),
    group(
      'Substitutes',
      attendance.substitutes.map((substitute) =>
        substitute.substitutingFor.trim() === '' ? substitute.name : `${substitute.name} substituting for ${substitute.substitutingFor}`,
      ),
    ),
  ];
  return groups.filter((group) => group.entries.length > 0);
}
