// What live capture writes into the minutes, as editor commands on item `index` of the meeting: the
// same document, history and autosave as typing, so one Ctrl+Z takes back one recorded event.
import { NO_OTHER_BUSINESS } from '../../../shared/standardAgenda.js';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { TextSelection, type Command, type Transaction } from 'prosemirror-state';
import * as blocks from '../../../shared/editor/blocks.js';
import { MeetingDetailsStep, detailsBefore, type LiveDetails } from '../../../shared/editor/detailsStep.js';
import { minutesSchema, type AttendanceEventAttrs, type DeclarationAction, type MotionAttrs } from '../../../shared/editor/schema.js';
import type { MinutesNodeJSON } from '../../../shared/model/meeting.js';
import { newId } from '../editor/commands.js';

const nodes = minutesSchema.nodes;

/** Where item `index` starts in the document. */
export function itemPos(doc: ProseMirrorNode, index: number): number {
  let pos = 0;
  for (let at = 0; at < index; at++) pos += doc.child(at).nodeSize;
  return pos;
}

/**
 * A change to the meeting's details to make with a command: `after`, over the details as they stand
 * (`current`). Made as a step of the same transaction, so the details and the minutes undo together.
 */
export interface DetailsChange {
  current: Required<LiveDetails>;
  after: LiveDetails;
}

/**
 * A transaction of live capture: its own undo event (never merged with typing or with the event before,
 * however quickly they follow), carrying the details change that goes with it.
 */
function recorded(tr: Transaction, details?: DetailsChange): Transaction {
  if (details !== undefined) tr.step(new MeetingDetailsStep(detailsBefore(details.current, details.after), details.after));
  return closeHistory(tr).scrollIntoView();
}

/** Changes the meeting's details (the roll call, the times) as one undoable step of the minutes' history. */
export function changeDetails(details: DetailsChange): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(recorded(state.tr, details));
    return true;
  };
}

const isEmptyParagraph = (node: ProseMirrorNode | null): boolean => node !== null && node.type.name === 'paragraph' && node.content.size === 0;

/**
 * Adds a block at the end of item `index`'s minutes, where the business has got to. An empty last
 * paragraph (nothing typed yet) gives way to it, so the minutes hold no blank lines.
 */
export function appendToItem(index: number, json: MinutesNodeJSON, details?: DetailsChange): Command {
  return (state, dispatch) => {
    if (index < 0 || index >= state.doc.childCount) return false;
    const item = state.doc.child(index);
    const end = itemPos(state.doc, index) + item.nodeSize - 1;
    const block = minutesSchema.nodeFromJSON(json);
    // Title and source come first: an item whose only block is an empty paragraph keeps at least the new
    // block; and once business is recorded under Any Other Business, "There were no other items" is untrue.
    const stockOnly = item.childCount === 3 && item.lastChild!.type === nodes['paragraph'] && item.lastChild!.textContent.trim() === NO_OTHER_BUSINESS;
    const replacing = item.childCount > 2 && (isEmptyParagraph(item.lastChild) || stockOnly);
    if (dispatch) dispatch(recorded(replacing ? state.tr.replaceWith(end - item.lastChild!.nodeSize, end, block) : state.tr.insert(end, block), details));
    return true;
  };
}

/** Puts the cursor at the end of item `index`'s minutes, in a new paragraph when the last block is not one, to write there. */
export function writeAtEndOfItem(index: number): Command {
  return (state, dispatch) => {
    if (index < 0 || index >= state.doc.childCount) return false;
    const item = state.doc.child(index);
    const end = itemPos(state.doc, index) + item.nodeSize - 1;
    if (!dispatch) return true;
    if (item.lastChild?.type === nodes['paragraph'] && item.childCount > 2) {
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, end - 1)).scrollIntoView());
    } else {
      const tr = state.tr.insert(end, minutesSchema.nodeFromJSON(blocks.paragraph()));
      dispatch(tr.setSelection(TextSelection.create(tr.doc, end + 1)).scrollIntoView());
    }
    return true;
  };
}

/** Minutes a coming or going (or the meeting adjourning or reconvening) at the end of item `index`, with the roll call's change if any. */
export const recordAttendanceEvent = (index: number, attrs: AttendanceEventAttrs, rollCall?: DetailsChange): Command =>
  appendToItem(index, blocks.attendanceEvent(attrs), rollCall);

export interface DeclarationRecord {
  member: string;
  kind: string;
  item: string;
  action: DeclarationAction;
  /** What was declared, in the member's words. */
  text: string;
}

/** The declarations block a declaration made at item `index` goes in: that item's own, else the meeting's first. */
function declarationsBlockFor(doc: ProseMirrorNode, index: number): { node: ProseMirrorNode; pos: number } | null {
  let found: { node: ProseMirrorNode; pos: number } | null = null;
  const search = (itemIndex: number) => {
    const start = itemPos(doc, itemIndex);
    doc.child(itemIndex).forEach((block, offset) => {
      if (found === null && block.type === nodes['declarations']) found = { node: block, pos: start + 1 + offset };
    });
  };
  search(index);
  for (let at = 0; found === null && at < doc.childCount; at++) search(at);
  return found;
}

/**
 * Minutes a declaration under the Declarations of Interests (the item's own declarations block, or the
 * meeting's first): it replaces the statement that there were none, and an empty declaration waiting
 * to be filled in; with no such block anywhere, a new one goes at the end of item `index`.
 */
export function recordDeclaration(index: number, record: DeclarationRecord): Command {
  return (state, dispatch) => {
    const { text, ...attrs } = record;
    const declaration = minutesSchema.nodeFromJSON({ ...blocks.declaration(attrs.kind), attrs: { ...attrs }, content: text === '' ? [] : [{ type: 'text', text }] });
    const target = declarationsBlockFor(state.doc, index);
    if (target === null) {
      return appendToItem(index, { type: 'declarations', content: [declaration.toJSON() as MinutesNodeJSON] })(state, dispatch);
    }
    if (!dispatch) return true;
    const { node, pos } = target;
    const first = node.firstChild;
    const blank = first !== null && node.childCount === 1 && (first.type === nodes['declarations_none'] || (first.attrs['member'] === '' && first.content.size === 0));
    const tr = blank ? state.tr.replaceWith(pos + 1, pos + node.nodeSize - 1, declaration) : state.tr.insert(pos + node.nodeSize - 1, declaration);
    dispatch(recorded(tr));
    return true;
  };
}

export interface MotionMoved {
  kind: MotionAttrs['kind'];
  amends: string;
  mover: string;
  seconder: string;
  words: string;
}

/** Every motion block of item `index`, in document order, with its position. */
export function motionsIn(doc: ProseMirrorNode, index: number): { attrs: MotionAttrs; words: string; pos: number }[] {
  const start = itemPos(doc, index) + 1;
  const motions: { attrs: MotionAttrs; words: string; pos: number }[] = [];
  doc.child(index).forEach((block, offset) => {
    if (block.type === nodes['motion']) motions.push({ attrs: block.attrs as MotionAttrs, words: block.textBetween(0, block.content.size, ' '), pos: start + offset });
  });
  return motions;
}

/**
 * Minutes a motion moved (and seconded) at item `index`, not yet put; a motion of the item moved
 * before it with no seconder is minuted as not seconded. An amendment goes just before
 * the motion it amends, after any amendments to it already minuted: it is put first, and the minutes
 * read in the order things were decided (the amendment LOST, then the motion CARRIED).
 */
export function moveMotion(index: number, moved: MotionMoved): Command {
  return (state, dispatch) => {
    const base = blocks.motion(newId(), moved.kind, moved.amends);
    const json: MinutesNodeJSON = { ...base, attrs: { ...base.attrs, mover: moved.mover, seconder: moved.seconder }, content: [blocks.paragraph(moved.words)] };
    const amended = moved.kind === 'amendment' ? motionsIn(state.doc, index).find((motion) => motion.attrs.id === moved.amends) : undefined;
    if (amended === undefined) {
      // A new motion while one moved earlier still has no seconder: that one fell, not seconded, and is minuted so.
      const fallen = moved.kind === 'motion' ? motionsIn(state.doc, index).filter((motion) => motion.attrs.kind === 'motion' && motion.attrs.result === '' && motion.attrs.seconder === '') : [];
      return appendToItem(index, json)(
        state,
        dispatch &&
          ((tr) => {
            for (const motion of fallen) tr.setNodeAttribute(motion.pos, 'result', 'not-seconded');
            dispatch(tr);
          }),
      );
    }
    if (dispatch) dispatch(recorded(state.tr.insert(amended.pos, minutesSchema.nodeFromJSON(json))));
    return true;
  };
}

export type VoteRecord = Pick<MotionAttrs, 'result' | 'counts' | 'named' | 'castingVote' | 'unanimous'>;

/** Records what became of the motion with this id (put to the vote, withdrawn, not seconded…). */
export function recordVote(motionId: string, vote: VoteRecord): Command {
  return (state, dispatch) => {
    let at: number | null = null;
    state.doc.descendants((node, pos) => {
      if (at !== null) return false;
      if (node.type === nodes['motion'] && node.attrs['id'] === motionId) at = pos;
      return node.type === nodes['doc'] || node.type === nodes['item'];
    });
    if (at === null) return false;
    const motion = state.doc.nodeAt(at)!;
    if (dispatch) dispatch(recorded(state.tr.setNodeMarkup(at, undefined, { ...motion.attrs, ...vote })));
    return true;
  };
}
