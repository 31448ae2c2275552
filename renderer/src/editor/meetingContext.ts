// What the blocks' controls offer that is not in the minutes themselves: the names in the meeting's
// attendance (for movers, seconders and comings and goings), the committee's members (for the fields
// that name a person) and the committee's kinds of interest.
// Held in plugin state, set by the meeting view when the attendance or the committee changes.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import type { Attendance } from '../../../shared/model/attendance.js';
import { defaultDeclarationKinds, type DeclarationKind } from '../../../shared/model/declarationKinds.js';

export interface MeetingContext {
  names: readonly string[];
  /** Everyone a member, "asked of" or declarant field offers: the committee's members, then anyone else the attendance names. */
  people: readonly string[];
  declarationKinds: readonly DeclarationKind[];
}

export const meetingContextKey = new PluginKey<MeetingContext>('meeting-context');

/** Everyone the attendance names who may move, second or come and go: members, co-opted members, substitutes and other members. */
export const attendanceNames = (attendance: Attendance): string[] =>
  [...new Set([...attendance.members, ...attendance.coOpted, ...attendance.substitutes, ...attendance.otherMembers].map((person) => person.name.trim()).filter(Boolean))];

/** The committee's members first, then everyone else the attendance names (employees and guests too: a request may be asked of them). */
export const peopleOf = (committeeMembers: readonly string[], attendance: Attendance): string[] =>
  [...new Set([...committeeMembers, ...attendanceNames(attendance), ...[...attendance.employees, ...attendance.invited].map((person) => person.name)].map((name) => name.trim()).filter(Boolean))];

export function meetingContextPlugin(): Plugin<MeetingContext> {
  return new Plugin<MeetingContext>({
    key: meetingContextKey,
    state: {
      init: () => ({ names: [], people: [], declarationKinds: defaultDeclarationKinds() }),
      apply: (tr, context) => (tr.getMeta(meetingContextKey) as MeetingContext | undefined) ?? context,
    },
  });
}

export const meetingContextOf = (state: EditorState): MeetingContext => meetingContextKey.getState(state) ?? { names: [], people: [], declarationKinds: defaultDeclarationKinds() };
