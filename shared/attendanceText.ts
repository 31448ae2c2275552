// Attendance as the formal minutes print it (seed 003): one heading per group, each person with the
// note that goes in brackets after their name. Shared by the editor's summary and the exporters.
import type { Attendance } from './model/attendance.js';

export interface AttendanceGroup {
  heading: string;
  entries: string[];
}

const withNote = (name: string, note: string): string => (note.trim() === '' ? name : `${name} (${note.trim()})`);

export function attendanceGroups(attendance: Attendance): AttendanceGroup[] {
  const employeesByDirectorate = new Map<string, string[]>();
  for (const employee of attendance.employees) {
    const names = employeesByDirectorate.get(employee.directorate) ?? [];
    names.push(employee.name);
    employeesByDirectorate.set(employee.directorate, names);
  }
  const groups: AttendanceGroup[] = [
    { heading: 'Members', entries: attendance.members.map((member) => withNote(member.name, member.chair ? 'Chair' : '')) },
    {
      heading: 'Co-Opted Members',
      entries: attendance.coOpted.map((member) => withNote(member.name, member.voting ? '' : 'non-voting')),
    },
    { heading: 'Invited', entries: attendance.invited.map((guest) => withNote(guest.name, guest.capacity)) },
    { heading: 'Other Members', entries: attendance.otherMembers.map((member) => withNote(member.name, member.portfolio)) },
    {
      heading: 'Employees (by Directorate)',
      entries: [...employeesByDirectorate].map(([directorate, names]) =>
        directorate.trim() === '' ? names.join(', ') : `${directorate}: ${names.join(', ')}`,
      ),
    },
    { heading: 'Apologies', entries: attendance.apologies.map((apology) => withNote(apology.name, apology.note)) },
    {
      heading: 'Substitutes',
      entries: attendance.substitutes.map((substitute) =>
        substitute.substitutingFor.trim() === '' ? substitute.name : `${substitute.name} substituting for ${substitute.substitutingFor}`,
      ),
    },
  ];
  return groups.filter((group) => group.entries.length > 0);
}
