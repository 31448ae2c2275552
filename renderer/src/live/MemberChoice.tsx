// A choice of member for live capture's forms. Each name is shown with the member's key from the list
// ("3 · Councillor K Caan"), so typing that digit in the closed list picks them, as in the list itself.
import type { ListedMember } from './presence.js';

export interface KeyedMember extends ListedMember {
  /** The member's key in live capture's list ('' beyond the tenth). */
  key: string;
}

export const keyedName = (member: KeyedMember): string => (member.key === '' ? member.name : `${member.key} · ${member.name}`);

interface MemberChoiceProps {
  label: string;
  members: readonly KeyedMember[];
  value: string;
  onChange: (name: string) => void;
  /** What choosing no one means here ("not recorded"); without it a member must be chosen. */
  noOne?: string;
}

export function MemberChoice({ label, members, value, onChange, noOne }: MemberChoiceProps) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} required={noOne === undefined}>
        <option value="">{noOne ?? 'Choose a member'}</option>
        {members.map((member) => (
          <option key={member.name} value={member.name}>
            {keyedName(member)}
          </option>
        ))}
      </select>
    </label>
  );
}
