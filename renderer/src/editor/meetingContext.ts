// What the blocks' controls offer that is not in the minutes themselves: the names in the meeting's
// attendance (for movers, seconders and comings and goings), the committee's members (for the fields
// that name a person), the committee's kinds of interest, and the earlier minutes agreed at this
// meeting (their approval blocks then show as recorded).
// Held in plugin state, set by the meeting view when the attendance or the committee changes.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Attendance } from '../../../shared/model/attendance.js';
import { approvalAsAgreed } from '../../../shared/lifecycle/recorded.js';
import { defaultDeclarationKinds, type DeclarationKind } from '../../../shared/model/declarationKinds.js';
import type { MinutesNodeJSON } from '../../../shared/model/meeting.js';

export interface MeetingContext {
  names: readonly string[];
  /** Everyone a member, "asked of" or declarant field offers: the committee's members, then anyone else the attendance names. */
  people: readonly string[];
  declarationKinds: readonly DeclarationKind[];
  /** ISO dates of the earlier minutes agreed at this meeting: their approval blocks are as recorded with them, and no longer change. */
  agreedHere: readonly string[];
}

const noContext = (): MeetingContext => ({ names: [], people: [], declarationKinds: defaultDeclarationKinds(), agreedHere: [] });

interface ContextState {
  context: MeetingContext;
  /** Each approval block of minutes agreed here, marked (spec `agreedHere`) so its view shows it as recorded. */
  agreedBlocks: DecorationSet;
}

/** The approval blocks (each a block of an item's minutes) approving minutes agreed at this meeting. */
function agreedBlocks(doc: ProseMirrorNode, agreedHere: readonly string[]): DecorationSet {
  if (agreedHere.length === 0) return DecorationSet.empty;
  const marks: Decoration[] = [];
  doc.forEach((item, itemPos) => {
    item.forEach((block, offset) => {
      const pos = itemPos + 1 + offset;
      if (block.type.name === 'minutes_approval' && agreedHere.includes(String(block.attrs['meetingDate']))) {
        marks.push(Decoration.node(pos, pos + block.nodeSize, { class: 'agreed-here' }, { agreedHere: true }));
      }
    });
  });
  return DecorationSet.create(doc, marks);
}

/** The agreed approval blocks as they must stay (approvalAsAgreed), in document order, to compare before and after an edit. */
function agreedApprovals(doc: ProseMirrorNode, agreedHere: readonly string[]): string {
  const found: string[] = [];
  doc.forEach((item) => {
    item.forEach((block) => {
      if (block.type.name === 'minutes_approval' && agreedHere.includes(String(block.attrs['meetingDate']))) found.push(approvalAsAgreed(block.toJSON() as MinutesNodeJSON));
    });
  });
  return found.join('\n');
}

export const meetingContextKey = new PluginKey<ContextState>('meeting-context');

/** Everyone the attendance names who may move, second or come and go: members, co-opted members, substitutes and other members. */
export const attendanceNames = (attendance: Attendance): string[] =>
  [...new Set([...attendance.members, ...attendance.coOpted, ...attendance.substitutes, ...attendance.otherMembers].map((person) => person.name.trim()).filter(Boolean))];

/** The committee's members first, then everyone else the attendance names (employees and guests too: a request may be asked of them). */
export const peopleOf = (committeeMembers: readonly string[], attendance: Attendance): string[] =>
  [...new Set([...committeeMembers, ...attendanceNames(attendance), ...[...attendance.employees, ...attendance.invited].map((person) => person.name)].map((name) => name.trim()).filter(Boolean))];

export function meetingContextPlugin(): Plugin<ContextState> {
  return new Plugin<ContextState>({
    key: meetingContextKey,
    state: {
      init: () => ({ context: noContext(), agreedBlocks: DecorationSet.empty }),
      apply: (tr, old) => {
        const given = tr.getMeta(meetingContextKey) as MeetingContext | undefined;
        const context = given ?? old.context;
        // Looked for again only when the blocks could have changed; otherwise the marks follow the text.
        if (given === undefined && !tr.docChanged) return old;
        if (given === undefined && context.agreedHere.length === 0) return old;
        return { context, agreedBlocks: agreedBlocks(tr.doc, context.agreedHere) };
      },
    },
    // The node side refuses a save that changes an agreed approval (issue 9: the one place the agreement
    // is recorded); refusing the edit here keeps the clerk from typing words that could not be saved.
    filterTransaction: (tr, state) => {
      const agreedHere = meetingContextKey.getState(state)?.context.agreedHere ?? [];
      return !tr.docChanged || agreedHere.length === 0 || agreedApprovals(state.doc, agreedHere) === agreedApprovals(tr.doc, agreedHere);
    },
    props: { decorations: (state) => meetingContextKey.getState(state)?.agreedBlocks ?? DecorationSet.empty },
  });
}

export const meetingContextOf = (state: EditorState): MeetingContext => meetingContextKey.getState(state)?.context ?? noContext();
