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

/** One person of an attendance list as the minutes print them: "Councillor J Innes (Chair)", "Mrs S Hanson (non-voting)", "Councillor X substituting for Councillor Y". */
export function attendanceEntry<List extends keyof Attendance>(list: List, person: Attendance[List][number]): string {
  const fields = person as Partial<Record<string, string | boolean>> & { name: string };
  switch (list) {
    case 'members':
      return withNote(fields.name, fields['chair'] === true ? 'Chair' : '');
    case 'coOpted':
      return withNote(fields.name, fields['voting'] === false ? 'non-voting' : '');
    case 'substitutes': {
      const substitutingFor = String(fields['substitutingFor'] ?? '').trim();
      return substitutingFor === '' ? fields.name : `${fields.name} substituting for ${substitutingFor}`;
    }
    default: {
      const note = { invited: 'capacity', otherMembers: 'portfolio', employees: 'directorate', apologies: 'note' }[list as string];
      return withNote(fields.name, String(fields[note ?? ''] ?? ''));
    }
  }
}

export function attendanceGroups(attendance: Attendance): AttendanceGroup[] {
  const employeesByDirectorate = new Map<string, string[]>();
  for (const employee of attendance.employees) {
    const names = employeesByDirectorate.get(employee.directorate) ?? [];
    names.push(employee.name);
    employeesByDirectorate.set(employee.directorate, names);
  }
  const group = (heading: string, entries: string[], entriesBelowHeading = false): AttendanceGroup => ({ heading, entries, entriesBelowHeading });
  const groups: AttendanceGroup[] = [
    group('Members', attendance.members.map((member) => attendanceEntry('members', member))),
    group('Co-Opted Members', attendance.coOpted.map((member) => attendanceEntry('coOpted', member))),
    group('Invited', attendance.invited.map((guest) => attendanceEntry('invited', guest))),
    group('Other Members', attendance.otherMembers.map((member) => attendanceEntry('otherMembers', member))),
    group(
      'Employees (by Directorate)',
      // "Children's Services S Bhambra, M Clayton": the directorate, then its people, as seed 003 prints it.
      [...employeesByDirectorate].map(([directorate, names]) => [directorate.trim(), names.join(', ')].filter(Boolean).join(' ')),
      true,
    ),
    group('Apologies', attendance.apologies.map((apology) => attendanceEntry('apologies', apology))),
    group('Substitutes', attendance.substitutes.map((substitute) => attendanceEntry('substitutes', substitute))),
  ];
  return groups.filter((group) => group.entries.length > 0);
}
