// The editor's document model and commands, on documents built from a standard-agenda meeting.
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { minutesSchema } from '../../shared/editor/schema.js';
import {
  addDeclaration,
  addItem,
  declareNone,
  deleteItem,
  enterInRequests,
  enterInResolution,
  insertBlock,
  insertMinuteReference,
  moveItem,
  recordApproval,
  startBulletInPart,
  startPartAt,
} from '../../renderer/src/editor/commands.js';
import { pressed, shownKey } from '../../renderer/src/editor/shortcuts.js';
import { insertActions } from '../../renderer/src/editor/insertActions.js';
import { uniqueIdsPlugin } from '../../renderer/src/editor/uniqueIdsPlugin.js';
import { aCommittee, aMeeting } from './builders.js';

const meeting = aMeeting(aCommittee());

/** An editor state with the cursor at the start of the first text block of item `index`'s minutes. */
function stateInItem(index: number, block = 2): EditorState {
  const doc = itemsToDoc(meeting.items);
  let pos = 0;
  for (let at = 0; at < index; at++) pos += doc.child(at).nodeSize;
  const item = doc.child(index);
  for (let at = 0; at < block; at++) pos += item.child(at).nodeSize;
  const state = EditorState.create({ doc, plugins: [uniqueIdsPlugin()] });
  return state.apply(state.tr.setSelection(TextSelection.near(doc.resolve(pos + 2))));
}

/** A part's label typed at the caret as the input rule sees it (the text before the space), and the rule run. */
function typedPartLabel(state: EditorState, label: string): EditorState {
  const at = state.selection.from;
  const typed = state.apply(state.tr.insertText(label));
  return typed.apply(startPartAt(typed, at, at + label.length, `${label} `)!);
}

function apply(state: EditorState, command: Command): EditorState {
  let next = state;
  const ran = command(state, (tr) => {
    next = state.apply(tr);
  });
  expect(ran).toBe(true);
  return next;
}

const titles = (state: EditorState) => docToItems(state.doc, 1).map((item) => item.title);

describe('meeting ⇄ editor document', () => {
  it('round-trips every item unchanged', () => {
    expect(docToItems(itemsToDoc(meeting.items), 1)).toEqual(meeting.items);
  });

  it('re-serialises only the items that changed', () => {
    const cache = new WeakMap();
    const state = stateInItem(2);
    const before = docToItems(state.doc, 1, cache);
    const typed = state.apply(state.tr.insertText('The Board noted the report.'));
    const after = docToItems(typed.doc, 1, cache);
    expect(after[2]!.minutes[0]).toEqual(blocks.paragraph('The Board noted the report.'));
    // Unchanged items come back as the very same minutes objects, not fresh serialisations.
    expect(after[0]!.minutes).toBe(before[0]!.minutes);
    expect(after[2]!.minutes).not.toBe(before[2]!.minutes);
  });
});

describe('editing commands', () => {
  it('inserts a resolution in place of the empty paragraph the cursor is in', () => {
    const state = apply(stateInItem(2), insertBlock(blocks.resolution()));
    const minutes = docToItems(state.doc, 1)[2]!.minutes;
    expect(minutes.map((block) => block.type)).toEqual(['resolution']);
    expect(state.selection.$from.parent.type.name).toBe('resolution_preamble');
  });

  it('inserts after the current block when it has text', () => {
    let state = stateInItem(2);
    state = state.apply(state.tr.insertText('The Board noted the report.'));
    state = apply(state, insertBlock(blocks.informationRequests('r1')));
    expect(docToItems(state.doc, 1)[2]!.minutes.map((block) => block.type)).toEqual(['paragraph', 'information_requests']);
  });

  it('replaces "no declarations" with a declaration, and back', () => {
    const state = stateInItem(0);
    const declarationsPos = state.selection.$from.before(2);
    const declared = apply(state, addDeclaration(declarationsPos));
    expect(docToItems(declared.doc, 1)[0]!.minutes).toEqual([blocks.declarations()]);
    const twice = apply(declared, addDeclaration(declarationsPos));
    expect(docToItems(twice.doc, 1)[0]!.minutes[0]!.content).toHaveLength(2);
    const none = apply(twice, declareNone(declarationsPos));
    expect(docToItems(none.doc, 1)[0]!.minutes).toEqual([blocks.noDeclarations()]);
  });

  it('adds, moves and removes items', () => {
    let state = apply(stateInItem(2), addItem);
    expect(titles(state)).toEqual(['Declarations of Interests', 'Minutes', 'Outstanding Issues', '', 'Work Programme', 'Any Other Business']);
    expect(state.selection.$from.parent.type.name).toBe('item_title');
    state = state.apply(state.tr.insertText('Support to Young Carers'));
    state = apply(state, moveItem(-1));
    expect(titles(state)[2]).toBe('Support to Young Carers');
    expect(state.selection.$from.parent.textContent).toBe('Support to Young Carers');
    state = apply(state, deleteItem);
    expect(titles(state)).toEqual(['Declarations of Interests', 'Minutes', 'Outstanding Issues', 'Work Programme', 'Any Other Business']);
  });

  it('gives a new item, and a request split off another, a fresh unique id', () => {
    let state = apply(stateInItem(2), addItem);
    const ids = docToItems(state.doc, 1).map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id !== '')).toBe(true);

    state = apply(stateInItem(2), insertBlock(blocks.informationRequests('request-1')));
    // Copy the request, id and all, as a paste would.
    const requests = state.selection.$from.node(2);
    expect(requests.type.name).toBe('information_requests');
    const firstRequest = requests.child(1);
    const at = state.selection.$from.after(2) - 1;
    state = state.apply(state.tr.insert(at, firstRequest));
    const requestIds: string[] = [];
    state.doc.descendants((node) => {
      if (node.type.name === 'request') requestIds.push(String(node.attrs['id']));
    });
    expect(requestIds).toHaveLength(2);
    expect(new Set(requestIds).size).toBe(2);
  });

  it('offers only the inserts that apply where the cursor is', () => {
    const enabled = (state: EditorState) => insertActions.filter((action) => action.command(state)).map((action) => action.label);
    expect(enabled(stateInItem(2))).not.toContain('Resolution part');
    const inResolution = apply(stateInItem(2), insertBlock(blocks.resolution()));
    expect(enabled(inResolution)).toContain('Resolution part');
  });

  it('inserts a minute reference in running text but not in a title', () => {
    let state = stateInItem(2);
    state = apply(state, insertMinuteReference('59/16'));
    expect(docToItems(state.doc, 1)[2]!.minutes[0]!.content).toEqual([{ type: 'minute_reference', attrs: { minute: '59/16' } }]);
    const inTitle = stateInItem(2, 0);
    expect(insertMinuteReference('59/16')(inTitle)).toBe(false);
  });

  it('Enter in requests starts the next request, and leaves the block from an empty last one', () => {
    let state = apply(stateInItem(2), insertBlock(blocks.informationRequests('r1')));
    // The caret starts in the first request, not before the intro's standing words.
    expect(state.selection.$from.parent.type.name).toBe('request');
    state = state.apply(state.tr.insertText('the costs'));
    state = apply(state, enterInRequests);
    state = state.apply(state.tr.insertText('the timetable'));
    state = apply(state, enterInRequests);
    state = apply(state, enterInRequests);
    state = state.apply(state.tr.insertText('The meeting moved on.'));
    const [requests, after] = docToItems(state.doc, 1)[2]!.minutes;
    expect(requests!.content!.map((child) => child.type)).toEqual(['requests_intro', 'request', 'request']);
    expect(requests!.content!.slice(1).map((request) => request.content?.[0]?.text)).toEqual(['the costs', 'the timetable']);
    expect(new Set(requests!.content!.slice(1).map((request) => request.attrs?.['id'])).size).toBe(2);
    expect(after).toEqual(blocks.paragraph('The meeting moved on.'));
  });

  it('"1) " after a resolution makes its next part and "- " in a part makes bullets in it', () => {
    let state = apply(stateInItem(2), insertBlock(blocks.resolution()));
    state = state.apply(state.tr.insertText('the Board:'));
    state = apply(state, enterInResolution);
    state = state.apply(state.tr.insertText('notes the report'));
    state = apply(state, enterInResolution);
    state = apply(state, enterInResolution);
    // A paragraph after the resolution: "1)" typed there.
    state = typedPartLabel(state, '1)');
    state = state.apply(state.tr.insertText('asks for a further report'));
    state = apply(state, enterInResolution);
    const bulletAt = state.selection.from;
    state = state.apply(state.tr.insertText('-'));
    state = state.apply(startBulletInPart(state, bulletAt, bulletAt + 1)!);
    state = state.apply(state.tr.insertText('the cost'));
    const [resolution] = docToItems(state.doc, 1)[2]!.minutes;
    expect(resolution!.content!.map((child) => child.type)).toEqual(['resolution_preamble', 'resolution_part', 'resolution_part', 'bullet_list']);
    expect(resolution!.content![2]).toEqual({ type: 'resolution_part', content: [blocks.paragraph('asks for a further report')] });
    expect(resolution!.content![3]).toEqual(blocks.bulletList('the cost'));
    // Outside a resolution "1)" is only words.
    expect(startPartAt(stateInItem(3), stateInItem(3).selection.from, stateInItem(3).selection.from)).toBeNull();
  });

  it('"1) " typed in the part Enter has just made stays that part, not "1) 1) …"', () => {
    let state = apply(stateInItem(2), insertBlock(blocks.resolution()));
    state = state.apply(state.tr.insertText('the Board notes the report.'));
    state = apply(state, enterInResolution);
    state = typedPartLabel(state, '1)');
    state = state.apply(state.tr.insertText('x'));
    const [resolution] = docToItems(state.doc, 1)[2]!.minutes;
    expect(resolution!.content!.map((child) => child.type)).toEqual(['resolution_preamble', 'resolution_part']);
    expect(resolution!.content![1]).toEqual({ type: 'resolution_part', content: [blocks.paragraph('x')] });
  });

  it('names keys as the shortcuts sheet prints them and matches them as pressed', () => {
    expect(shownKey('Mod-Shift-Enter')).toBe('Ctrl+Shift+Enter');
    expect(shownKey('Alt-ArrowLeft')).toBe('Alt+←');
    const key = { ctrlKey: true, altKey: false, shiftKey: true, metaKey: false };
    expect(pressed({ ...key, key: 'L' }, 'Mod-Shift-l')).toBe(true);
    expect(pressed({ ...key, key: 'L', shiftKey: false }, 'Mod-Shift-l')).toBe(false);
    expect(pressed({ ...key, shiftKey: false, key: '/' }, 'Mod-/')).toBe(true);
  });

  it('Enter in a resolution starts the next part, and leaves it from an empty last part', () => {
    let state = apply(stateInItem(2), insertBlock(blocks.resolution()));
    state = state.apply(state.tr.insertText('the Scrutiny Board:'));
    state = apply(state, enterInResolution);
    state = state.apply(state.tr.insertText('notes the report'));
    state = apply(state, enterInResolution);
    state = state.apply(state.tr.insertText('requests a further report'));
    state = apply(state, enterInResolution);
    state = apply(state, enterInResolution);
    state = state.apply(state.tr.insertText('The Chair thanked officers.'));
    const [resolution, after] = docToItems(state.doc, 1)[2]!.minutes;
    expect(resolution!.content!.map((child) => child.type)).toEqual(['resolution_preamble', 'resolution_part', 'resolution_part']);
    expect(resolution!.content![2]).toEqual({ type: 'resolution_part', content: [blocks.paragraph('requests a further report')] });
    expect(after).toEqual(blocks.paragraph('The Chair thanked officers.'));
  });

  it('reads back the schema it writes', () => {
    const doc = itemsToDoc(meeting.items);
    expect(minutesSchema.nodeFromJSON(doc.toJSON()).eq(doc)).toBe(true);
  });
});

describe('the approval of the previous minutes, once agreed', () => {
  it('says "subject to the following amendment" and quotes each amendment, keeping the matters arising', () => {
    const withArising = { ...blocks.minutesApproval('2017-07-13'), content: [...blocks.minutesApproval('2017-07-13').content!, blocks.mattersArising()] };
    const items = meeting.items.map((item, index) => (index === 1 ? { ...item, minutes: [withArising] } : item));
    let state = EditorState.create({ doc: itemsToDoc(items) });
    expect(recordApproval('2017-07-13', [{ minute: '3', heading: 'Outstanding Issues', paragraphs: ['The Board deferred the report.'] }])(state, (tr) => (state = state.apply(tr)))).toBe(true);
    const [approval] = docToItems(state.doc, 1)[1]!.minutes;
    expect(approval!.attrs).toEqual({ meetingDate: '2017-07-13', outcome: 'agreed-with-amendments' });
    expect(approval!.content!.map((block) => block.type)).toEqual(['approval_statement', 'amendment', 'matters_arising']);
    expect(approval!.content![0]!.content![0]!.text).toBe('The minutes of the meeting held on 13 July 2017 were agreed and signed as a true record subject to the following amendment:');
    expect(approval!.content![1]).toMatchObject({ attrs: { minute: '3', heading: 'Outstanding Issues' }, content: [blocks.paragraph('The Board deferred the report.')] });
    // Another meeting's date: nothing to record here.
    expect(recordApproval('2016-01-01', [])(state)).toBe(false);
  });
});
