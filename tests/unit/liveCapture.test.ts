// Live capture's model of the room and the commands it writes into the minutes, on a standard-agenda
// meeting: the roll call, who is in the room item by item, and where events, declarations, motions and
// votes land in the document.
import { history, redo, undo, undoDepth } from 'prosemirror-history';
import { Step } from 'prosemirror-transform';
import { EditorState, type Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { liveActionOf, memberIndexOf, memberKey } from '../../renderer/src/live/liveKeys.js';
import { detailsChanges, MeetingDetailsStep } from '../../shared/editor/detailsStep.js';
import { minutesSchema } from '../../shared/editor/schema.js';
import {
  appendToItem,
  changeDetails,
  itemPos,
  motionsIn,
  moveMotion,
  recordAttendanceEvent,
  recordDeclaration,
  recordVote,
  writeAtEndOfItem,
} from '../../renderer/src/live/liveCommands.js';
import { listedMembers, rollCallOf, standingAdjournment, whereabouts, withRollCall } from '../../renderer/src/live/presence.js';
import * as blocks from '../../shared/editor/blocks.js';
import { aCommittee, aMeeting } from './builders.js';

const committee = aCommittee({
  members: [
    { name: 'Councillor J Innes', role: 'chair', voting: true },
    { name: 'Councillor R Bigham', role: 'member', voting: true },
    { name: 'Councillor L Kelly', role: 'member', voting: true },
    { name: 'Mrs S Hanson', role: 'co-opted', voting: false },
  ],
});
const meeting = aMeeting(committee);
const members = listedMembers(committee.members, meeting.attendance);
const order = members.map((member) => member.name);

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

const start = () => EditorState.create({ doc: itemsToDoc(meeting.items) });
const minutesOf = (state: EditorState, index: number) => docToItems(state.doc, 1)[index]!.minutes;
const endOf = (state: EditorState, index: number) => itemPos(state.doc, index) + state.doc.child(index).nodeSize - 1;

describe('the roll call', () => {
  it('starts from the meeting’s attendance: the committee’s members present', () => {
    expect(members.map((member) => [member.name, rollCallOf(meeting.attendance, member.name)])).toEqual(order.map((name) => [name, 'present']));
  });

  it('moves a member between present, apologies and absent, keeping the committee’s order', () => {
    const bigham = members[1]!;
    const apologies = withRollCall(meeting.attendance, bigham, 'apologies', order);
    expect(apologies.members.map((member) => member.name)).toEqual(['Councillor J Innes', 'Councillor L Kelly']);
    expect(apologies.apologies).toEqual([{ name: 'Councillor R Bigham', note: '' }]);
    const back = withRollCall(apologies, bigham, 'present', order);
    expect(back.members).toEqual(meeting.attendance.members);
    expect(back.apologies).toEqual([]);
    // A co-opted member goes back under Co-Opted Members, as non-voting as before.
    const hanson = members[3]!;
    expect(withRollCall(withRollCall(meeting.attendance, hanson, 'absent', order), hanson, 'present', order).coOpted).toEqual([{ name: 'Mrs S Hanson', voting: false }]);
  });
});

describe('who is in the room', () => {
  it('follows a late arrival, a member leaving for one item, and a member leaving for good', () => {
    let state = start();
    state = run(state, recordAttendanceEvent(1, { member: 'Councillor R Bigham', event: 'arrived', time: '10:10', reason: '' }));
    state = run(state, recordAttendanceEvent(2, { member: 'Councillor L Kelly', event: 'left-for-item', time: '', reason: 'declared a prejudicial interest' }));
    state = run(state, recordAttendanceEvent(3, { member: 'Councillor J Innes', event: 'left', time: '11:00', reason: '' }));
    const inRoom = (index: number) =>
      [...whereabouts(state.doc, meeting.attendance, members, endOf(state, index))].filter(([, where]) => where.inRoom).map(([name]) => name);
    expect(inRoom(0)).toEqual(['Councillor J Innes', 'Councillor L Kelly', 'Mrs S Hanson']);
    expect(inRoom(1)).toEqual(['Councillor J Innes', 'Councillor R Bigham', 'Councillor L Kelly', 'Mrs S Hanson']);
    expect(inRoom(2)).toEqual(['Councillor J Innes', 'Councillor R Bigham', 'Mrs S Hanson']);
    // Back for the next item without a word; the Chair has gone.
    expect(inRoom(3)).toEqual(['Councillor R Bigham', 'Councillor L Kelly', 'Mrs S Hanson']);
  });

  it('keeps those with apologies out, whatever the items say', () => {
    const withApologies = withRollCall(meeting.attendance, members[2]!, 'apologies', order);
    const where = whereabouts(start().doc, withApologies, members, endOf(start(), 0));
    expect(where.get('Councillor L Kelly')).toEqual({ rollCall: 'apologies', inRoom: false, last: null });
  });
});

describe('what live capture writes', () => {
  it('adds events at the end of the item, in place of an empty last paragraph, with the council’s sentence', () => {
    // Item 3 (Outstanding Issues) starts as one empty paragraph.
    const state = run(start(), recordAttendanceEvent(2, { member: 'Councillor R Bigham', event: 'left', time: '10:45', reason: '' }));
    expect(minutesOf(state, 2)).toEqual([blocks.attendanceEvent({ member: 'Councillor R Bigham', event: 'left', time: '10:45', reason: '' })]);
    // Writing there afterwards starts a paragraph after it.
    const writing = run(state, writeAtEndOfItem(2));
    expect(minutesOf(writing, 2).map((block) => block.type)).toEqual(['attendance_event', 'paragraph']);
    expect(writing.selection.$from.parent.type.name).toBe('paragraph');
    // A block after the item's own words leaves them be.
    const worded = run(start(), appendToItem(2, blocks.paragraph('The Board noted the report.')));
    const after = run(worded, appendToItem(2, blocks.paragraph('Noted.')));
    expect(minutesOf(after, 2)).toEqual([blocks.paragraph('The Board noted the report.'), blocks.paragraph('Noted.')]);
  });

  it('minutes a declaration under the Declarations of Interests, in place of "there were none"', () => {
    const record = { member: 'Councillor L Kelly', kind: 'prejudicial', item: '3', action: 'left-room', text: 'as a school governor' } as const;
    // Declared while at item 3: it still goes under item 1, the Declarations of Interests.
    const state = run(start(), recordDeclaration(2, record));
    const [declarations] = minutesOf(state, 0);
    expect(declarations!.content).toEqual([
      { type: 'declaration', attrs: { member: 'Councillor L Kelly', item: '3', kind: 'prejudicial', action: 'left-room' }, content: [{ type: 'text', text: 'as a school governor' }] },
    ]);
    const second = run(state, recordDeclaration(0, { ...record, member: 'Councillor R Bigham', text: '' }));
    expect(minutesOf(second, 0)[0]!.content?.map((declaration) => declaration.attrs?.['member'])).toEqual(['Councillor L Kelly', 'Councillor R Bigham']);
  });

  it('minutes a motion with no seconder as not seconded when the next motion is moved', () => {
    let state = run(start(), moveMotion(2, { kind: 'motion', amends: '', mover: 'Councillor L Kelly', seconder: '', words: 'the application be refused' }));
    state = run(state, moveMotion(2, { kind: 'motion', amends: '', mover: 'Councillor J Innes', seconder: 'Councillor R Bigham', words: 'the application be approved' }));
    expect(motionsIn(state.doc, 2).map((motion) => [motion.attrs.kind, motion.words, motion.attrs.result])).toEqual([
      ['motion', 'the application be refused', 'not-seconded'],
      ['motion', 'the application be approved', ''],
    ]);
    // A motion seconded stays before the meeting when another is moved (it may be an alternative put later).
    state = run(state, moveMotion(2, { kind: 'motion', amends: '', mover: 'Councillor L Kelly', seconder: '', words: 'the application be deferred' }));
    expect(motionsIn(state.doc, 2).map((motion) => motion.attrs.result)).toEqual(['not-seconded', '', '']);
  });

  it('replaces "There were no other items of business." once business is recorded under Any Other Business', () => {
    const last = meeting.items.length - 1;
    expect(minutesOf(start(), last)).toEqual([blocks.paragraph('There were no other items of business.')]);
    const state = run(start(), moveMotion(last, { kind: 'motion', amends: '', mover: 'Councillor J Innes', seconder: 'Councillor R Bigham', words: 'a letter of thanks be sent' }));
    expect(minutesOf(state, last).map((block) => block.type)).toEqual(['motion']);
  });

  it('puts an amendment before the motion it amends, and records each vote on its own block', () => {
    let state = run(start(), moveMotion(2, { kind: 'motion', amends: '', mover: 'Councillor J Innes', seconder: 'Councillor R Bigham', words: 'the report be noted' }));
    const [motion] = motionsIn(state.doc, 2);
    state = run(state, moveMotion(2, { kind: 'amendment', amends: motion!.attrs.id, mover: 'Councillor L Kelly', seconder: '', words: 'the report be deferred' }));
    const [amendment, substantive] = motionsIn(state.doc, 2);
    expect([amendment!.attrs.kind, amendment!.words, substantive!.attrs.id]).toEqual(['amendment', 'the report be deferred', motion!.attrs.id]);
    expect(amendment!.attrs.amends).toBe(motion!.attrs.id);
    state = run(state, recordVote(amendment!.attrs.id, { result: 'lost', counts: { for: 1, against: 2, abstain: 0 }, named: null, castingVote: '', unanimous: false }));
    state = run(state, recordVote(motion!.attrs.id, { result: 'carried', counts: null, named: { for: ['Councillor J Innes', 'Councillor R Bigham'], against: [], abstain: [] }, castingVote: '', unanimous: false }));
    expect(motionsIn(state.doc, 2).map((entry) => [entry.attrs.result, entry.attrs.counts, entry.attrs.named?.for ?? null])).toEqual([
      ['lost', { for: 1, against: 2, abstain: 0 }, null],
      ['carried', null, ['Councillor J Innes', 'Councillor R Bigham']],
    ]);
    // The meeting still saves and reads back as it was minuted.
    expect(itemsToDoc(docToItems(state.doc, 1)).eq(state.doc)).toBe(true);
  });
});

describe('undoing what was recorded', () => {
  // As the window holds it: the editor's history, and the details each dispatch's details steps leave.
  const withHistory = () => EditorState.create({ doc: itemsToDoc(meeting.items), plugins: [history()] });
  const live = { attendance: meeting.attendance, startTime: meeting.startTime, closingTime: meeting.closingTime };

  it('takes back one recorded event per Ctrl+Z, however quickly they came, and Ctrl+Y brings each back', () => {
    let state = withHistory();
    // Within one millisecond: the history would merge adjacent insertions made this close together.
    for (const member of ['Councillor R Bigham', 'Councillor L Kelly', 'Councillor J Innes']) {
      state = run(state, recordAttendanceEvent(2, { member, event: 'left', time: '10:45', reason: '' }));
    }
    expect(undoDepth(state)).toBe(3);
    state = run(state, undo);
    expect(minutesOf(state, 2).map((block) => block.attrs?.['member'])).toEqual(['Councillor R Bigham', 'Councillor L Kelly']);
    state = run(state, redo);
    expect(minutesOf(state, 2).map((block) => block.attrs?.['member'])).toEqual(['Councillor R Bigham', 'Councillor L Kelly', 'Councillor J Innes']);
  });

  it('undoes a time stamped or a roll call changed as a step of the same history, with the event it came with', () => {
    const seen: unknown[] = [];
    let state = withHistory();
    const apply = (command: Command) => {
      expect(
        command(state, (tr) => {
          seen.push(...detailsChanges(tr.steps));
          state = state.apply(tr);
        }),
      ).toBe(true);
    };
    apply(changeDetails({ current: live, after: { startTime: '10:02' } }));
    const kellyIn = withRollCall(meeting.attendance, members[2]!, 'absent', order);
    apply(changeDetails({ current: { ...live, startTime: '10:02' }, after: { attendance: kellyIn } }));
    expect(seen).toEqual([{ startTime: '10:02' }, { attendance: kellyIn }]);
    // Each undo answers the details as they were before that step.
    const undone: unknown[] = [];
    for (let at = 0; at < 2; at++) undo(state, (tr) => ((undone.push(...detailsChanges(tr.steps))), (state = state.apply(tr))));
    expect(undone).toEqual([{ attendance: meeting.attendance }, { startTime: meeting.startTime }]);
    // The document never changed.
    expect(state.doc.eq(withHistory().doc)).toBe(true);
  });

  it('keeps a details step in the recovery journal as JSON, and refuses a damaged one naming the field', () => {
    const step = new MeetingDetailsStep({ closingTime: null }, { closingTime: '16:30' });
    const again = Step.fromJSON(minutesSchema, JSON.parse(JSON.stringify(step.toJSON())));
    expect(again).toBeInstanceOf(MeetingDetailsStep);
    expect((again as MeetingDetailsStep).after).toEqual({ closingTime: '16:30' });
    expect(() => Step.fromJSON(minutesSchema, { stepType: 'meetingDetails', before: {}, after: { closingTime: '4.30pm' } })).toThrow(/after\.closingTime: expected a 24-hour time/);
  });

  it('minutes an adjournment in the item where it happened, and knows the meeting stands adjourned until it reconvenes', () => {
    let state = run(start(), recordAttendanceEvent(2, { member: '', event: 'adjourned', time: '11:10', reason: '' }));
    expect(standingAdjournment(state.doc, endOf(state, 2))?.time).toBe('11:10');
    expect(standingAdjournment(state.doc, endOf(state, 1))).toBeNull();
    state = run(state, recordAttendanceEvent(3, { member: '', event: 'resumed', time: '11:25', reason: '' }));
    expect(standingAdjournment(state.doc, endOf(state, 3))).toBeNull();
    expect(minutesOf(state, 2).at(-1)).toEqual(blocks.attendanceEvent({ member: '', event: 'adjourned', time: '11:10', reason: '' }));
  });
});

describe('the keys', () => {
  it('are one table: letters without modifiers, digits for the first ten members', () => {
    expect(liveActionOf({ key: 'A', ctrlKey: false, altKey: false, metaKey: false })).toBe('arrived');
    expect(liveActionOf({ key: 'i', ctrlKey: false, altKey: false, metaKey: false })).toBe('left-for-item');
    expect(liveActionOf({ key: 'Enter', ctrlKey: false, altKey: false, metaKey: false })).toBe('write');
    expect(liveActionOf({ key: 'a', ctrlKey: true, altKey: false, metaKey: false })).toBeNull();
    expect([0, 8, 9, 10].map(memberKey)).toEqual(['1', '9', '0', '']);
    expect(['1', '0', 'x'].map(memberIndexOf)).toEqual([0, 9, null]);
  });
});
