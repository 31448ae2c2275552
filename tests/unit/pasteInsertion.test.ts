// Where pasted blocks go and where the caret is left: the clerk keeps typing after a paste, as in Word.
import { splitBlock } from 'prosemirror-commands';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { pastedMinutes } from '../../shared/editor/pastedMinutes.js';
import { minutesSchema } from '../../shared/editor/schema.js';
import { knownDeclarationKinds } from '../../shared/model/declarationKinds.js';
import { insertPastedBlocks } from '../../renderer/src/editor/pastePlugin.js';
import { items } from './builders.js';

const clipboardText = 'Members said the timetable was tight.\nRESOLVED that:\n1) the report be noted;\n2) officers report back.\nAfter it.';
const pasted = () =>
  (pastedMinutes({ html: '', text: clipboardText }, { curlyQuotes: false, kinds: knownDeclarationKinds, newId: () => 'pasted' }) ?? []).map((block) =>
    minutesSchema.nodeFromJSON(block),
  );

/** Item 2 of three, with the caret `offset` characters into its one paragraph ("Minutes of item 2."), or on a new line after it. */
function caretInItemTwo(offset: number | 'new line'): EditorState {
  const doc = itemsToDoc(items(3));
  const item = doc.child(1);
  const paragraphStart = doc.child(0).nodeSize + 1 + item.child(0).nodeSize + item.child(1).nodeSize + 1;
  const state = EditorState.create({ doc });
  const at = offset === 'new line' ? paragraphStart + item.child(2).content.size : paragraphStart + offset;
  const placed = state.apply(state.tr.setSelection(TextSelection.create(doc, at)));
  if (offset !== 'new line') return placed;
  let split = placed;
  splitBlock(placed, (tr) => {
    split = placed.apply(tr);
  });
  return split;
}

/** Pastes, then types `typed` where the caret is left; the meeting's items as the clerk would save them. */
function pasteThenType(state: EditorState, typed: string) {
  const tr = insertPastedBlocks(state, pasted());
  if (tr === null) throw new Error('the paste was refused');
  const after = state.apply(tr);
  return docToItems(after.apply(after.tr.insertText(typed)).doc, 1);
}

const texts = (node: { content?: readonly { text?: string; content?: unknown[] }[] }): string[] =>
  (node.content ?? []).flatMap((child) => (child.text !== undefined ? [child.text] : texts(child as never)));

describe('pasting several lines', () => {
  it('on an empty line: the line is replaced by the pasted blocks and the caret ends after the pasted text, not in the next item’s title', () => {
    const [, second, third] = pasteThenType(caretInItemTwo('new line'), ' Typed.');
    expect(third?.title).toBe('Item 3');
    expect(second?.minutes.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'resolution', 'paragraph']);
    expect(texts(second!.minutes.at(-1)!)).toEqual(['After it. Typed.']);
    // No empty paragraph is left where the paste was made.
    expect(second?.minutes[1] && texts(second.minutes[1])).toEqual(['Members said the timetable was tight.']);
  });

  it('at the end of a line of text: the caret ends after the pasted text', () => {
    const [, second, third] = pasteThenType(caretInItemTwo('Minutes of item 2.'.length), ' Typed.');
    expect(third?.title).toBe('Item 3');
    expect(second?.minutes.flatMap(texts)).toContain('After it. Typed.');
    expect(second?.minutes.flatMap(texts)[0]).toBe('Minutes of item 2.');
  });

  it('in the middle of a line: the pasted blocks go between its two halves and the caret ends after the pasted text', () => {
    const [, second] = pasteThenType(caretInItemTwo('Minutes of'.length), ' Typed.');
    const lines = second?.minutes.flatMap(texts) ?? [];
    expect(lines[0]).toBe('Minutes of');
    expect(lines.at(-1)).toBe(' item 2.');
    expect(lines.at(-2)).toBe('After it. Typed.');
  });
});
