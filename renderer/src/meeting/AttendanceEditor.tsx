// Editing who attended, group by group, in the order the formal minutes list them.
import type { Attendance } from '../../../shared/model/attendance.js';
import { RowsEditor, type Column } from '../common/RowsEditor.js';

type Group = keyof Attendance;

interface GroupForm {
  group: Group;
  legend: string;
  noun: string;
  columns: Column[];
  blank: () => Record<string, unknown>;
}

const name: Column = { key: 'name', label: 'name', kind: 'text' };
/** The groups whose names are the committee's members, so their fields offer them. */
const ofMembers = new Set<Group>(['members', 'coOpted', 'apologies', 'substitutes']);

const groups: GroupForm[] = [
  { group: 'members', legend: 'Members', noun: 'member', columns: [name, { key: 'chair', label: 'chair', kind: 'check' }], blank: () => ({ name: '', chair: false }) },
  { group: 'coOpted', legend: 'Co-opted members', noun: 'co-opted member', columns: [name, { key: 'voting', label: 'voting', kind: 'check' }], blank: () => ({ name: '', voting: true }) },
  { group: 'invited', legend: 'Invited', noun: 'invited guest', columns: [name, { key: 'capacity', label: 'capacity', kind: 'text' }], blank: () => ({ name: '', capacity: '' }) },
  { group: 'otherMembers', legend: 'Other members', noun: 'other member', columns: [name, { key: 'portfolio', label: 'portfolio', kind: 'text' }], blank: () => ({ name: '', portfolio: '' }) },
  { group: 'employees', legend: 'Employees', noun: 'employee', columns: [name, { key: 'directorate', label: 'directorate', kind: 'text' }], blank: () => ({ name: '', directorate: '' }) },
  { group: 'apologies', legend: 'Apologies', noun: 'apology', columns: [name, { key: 'note', label: 'note', kind: 'text' }], blank: () => ({ name: '', note: '' }) },
  { group: 'substitutes', legend: 'Substitutes', noun: 'substitute', columns: [name, { key: 'substitutingFor', label: 'substituting for', kind: 'text' }], blank: () => ({ name: '', substitutingFor: '' }) },
];

/** `members`: the committee's members' names, which the member, apology and substitute fields offer (any other name is still taken). */
export function AttendanceEditor({ attendance, members, onChange }: { attendance: Attendance; members: readonly string[]; onChange: (attendance: Attendance) => void }) {
  const offered = (group: Group, columns: Column[]): Column[] =>
    columns.map((column) => (ofMembers.has(group) && (column.key === 'name' || column.key === 'substitutingFor') ? { ...column, suggestions: members } : column));
  return (
    <div className="attendance-editor">
      {groups.map(({ group, legend, noun, columns, blank }) => (
        <RowsEditor
          key={group}
          legend={legend}
          noun={noun}
          rows={attendance[group] as Record<string, unknown>[]}
          columns={offered(group, columns)}
          blank={blank}
          onChange={(rows) => onChange({ ...attendance, [group]: rows })}
        />
      ))}
    </div>
  );
}
