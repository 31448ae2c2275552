// Who is in the room, item by item: the roll call (present / apologies / absent) from the meeting's
// attendance, then the comings and goings minuted in the items (attendance_event blocks), in the order
// the minutes hold them. Live capture shows it, and asks only those in the room to move and vote.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Attendance } from '../../../shared/model/attendance.js';
import type { CommitteeMember } from '../../../shared/model/committee.js';

export type RollCall = 'present' | 'apologies' | 'absent';

/** One row of live capture's list: a member of the committee, or someone else the attendance names. */
export interface ListedMember {
  name: string;
  role: CommitteeMember['role'];
  voting: boolean;
}

/** The committee's members in its order, then anyone else the attendance has as present (a substitute, a member added by hand). */
export function listedMembers(committeeMembers: readonly CommitteeMember[], attendance: Attendance): ListedMember[] {
  const listed: ListedMember[] = committeeMembers.map(({ name, role, voting }) => ({ name, role, voting }));
  const known = new Set(listed.map((member) => member.name));
  const others: ListedMember[] = [
    ...attendance.members.map((member) => ({ name: member.name, role: member.chair ? ('chair' as const) : ('member' as const), voting: true })),
    ...attendance.coOpted.map((member) => ({ name: member.name, role: 'co-opted' as const, voting: member.voting })),
    ...attendance.substitutes.map((member) => ({ name: member.name, role: 'member' as const, voting: true })),
  ];
  for (const other of others) {
    if (other.name.trim() === '' || known.has(other.name)) continue;
    known.add(other.name);
    listed.push(other);
  }
  return listed;
}

export function rollCallOf(attendance: Attendance, name: string): RollCall {
  const present = [...attendance.members, ...attendance.coOpted, ...attendance.substitutes].some((person) => person.name === name);
  if (present) return 'present';
  return attendance.apologies.some((apology) => apology.name === name) ? 'apologies' : 'absent';
}

/**
 * The attendance with `member` marked present, with apologies, or absent. A member marked present goes
 * into the list the formal minutes print them in (co-opted members under Co-Opted Members), in the
 * committee's order, so the Present list reads as the committee's does.
 */
export function withRollCall(attendance: Attendance, member: ListedMember, status: RollCall, order: readonly string[]): Attendance {
  const other = <Person extends { name: string }>(people: readonly Person[]) => people.filter((person) => person.name !== member.name);
  const placed = <Person extends { name: string }>(people: Person[], person: Person): Person[] => {
    const rank = (name: string) => {
      const at = order.indexOf(name);
      return at < 0 ? order.length : at;
    };
    const at = people.findIndex((existing) => rank(existing.name) > rank(person.name));
    return at < 0 ? [...people, person] : [...people.slice(0, at), person, ...people.slice(at)];
  };
  const next: Attendance = { ...attendance, members: other(attendance.members), coOpted: other(attendance.coOpted), apologies: other(attendance.apologies) };
  // A substitute stays where the clerk recorded them: only the roll call of the member they stand for changes.
  if (status === 'present' && attendance.substitutes.some((substitute) => substitute.name === member.name)) return next;
  if (status === 'present' && member.role === 'co-opted') next.coOpted = placed(next.coOpted, { name: member.name, voting: member.voting });
  else if (status === 'present') next.members = placed(next.members, { name: member.name, chair: member.role === 'chair' });
  else if (status === 'apologies') next.apologies = placed(next.apologies, { name: member.name, note: '' });
  if (status !== 'present') next.substitutes = other(attendance.substitutes);
  return next;
}

export type AttendanceEventKind = 'arrived' | 'left' | 'left-for-item' | 'returned' | 'took-chair' | 'left-chair' | 'adjourned' | 'resumed';

export interface MinutedEvent {
  member: string;
  event: AttendanceEventKind;
  time: string;
  itemIndex: number;
  /** Position of the event block in the document. */
  pos: number;
}

/** Every coming and going minuted in the meeting, in document order. */
export function minutedEvents(doc: ProseMirrorNode): MinutedEvent[] {
  const events: MinutedEvent[] = [];
  doc.forEach((item, itemOffset, itemIndex) => {
    item.forEach((block, blockOffset) => {
      if (block.type.name !== 'attendance_event') return;
      events.push({
        member: String(block.attrs['member']),
        event: block.attrs['event'] as AttendanceEventKind,
        time: String(block.attrs['time']),
        itemIndex,
        pos: itemOffset + 1 + blockOffset,
      });
    });
  });
  return events;
}

export interface Whereabouts {
  rollCall: RollCall;
  /** In the room at the point asked about. */
  inRoom: boolean;
  /** The last coming or going minuted up to that point, if any. */
  last: MinutedEvent | null;
}

/**
 * Where each listed member is at `pos` (a position in the document; the end of an item for "now"):
 * present at the start unless their first minuted event is an arrival; out after leaving, and out for
 * the rest of the item after leaving for it, until they return.
 */
export function whereabouts(doc: ProseMirrorNode, attendance: Attendance, members: readonly ListedMember[], pos: number): Map<string, Whereabouts> {
  const events = minutedEvents(doc);
  let itemIndex = -1;
  doc.forEach((item, offset, index) => {
    if (offset <= pos) itemIndex = index;
  });
  const found = new Map<string, Whereabouts>();
  for (const member of members) {
    const rollCall = rollCallOf(attendance, member.name);
    const own = events.filter((event) => event.member === member.name);
    let inRoom = rollCall === 'present' && own[0]?.event !== 'arrived';
    let last: MinutedEvent | null = null;
    for (const event of own) {
      if (event.pos >= pos) break;
      last = event;
      if (event.event === 'arrived' || event.event === 'returned') inRoom = true;
      if (event.event === 'left' || event.event === 'left-for-item') inRoom = false;
    }
    // Leaving for an item ends with that item: by the next one the member is back.
    if (last?.event === 'left-for-item' && last.itemIndex < itemIndex) inRoom = true;
    found.set(member.name, { rollCall, inRoom, last });
  }
  return found;
}

/** The meeting's adjournments and reconvenings minuted in the items, in order (live capture's J). */
export const adjournmentEvents = (doc: ProseMirrorNode): MinutedEvent[] => minutedEvents(doc).filter((event) => event.event === 'adjourned' || event.event === 'resumed');

/** The adjournment the meeting stands in at `pos` (minuted and not yet reconvened), or null. */
export function standingAdjournment(doc: ProseMirrorNode, pos: number): MinutedEvent | null {
  const last = adjournmentEvents(doc)
    .filter((event) => event.pos < pos)
    .at(-1);
  return last?.event === 'adjourned' ? last : null;
}
