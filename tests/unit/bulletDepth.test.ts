// Bullets stay within what the node side stores (MAX_BULLET_DEPTH): Tab stops at the deepest level,
// a pasted or dropped deeper list is flattened with every word kept, and a meeting still too deep is
// refused in words naming its item.
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { minutesSchema } from '../../shared/editor/schema.js';
import { MAX_BULLET_DEPTH, Meeting, bulletDepth, bulletDepthProblem } from '../../shared/model/meeting.js';
import { boundListNesting, pastedBulletDepthPlugin, sinkWithinDepth } from '../../renderer/src/editor/bulletDepth.js';
import { uniqueIdsPlugin } from '../../renderer/src/editor/uniqueIdsPlugin.js';
import { aCommittee, aMeeting } from './builders.js';

const { nodes } = minutesSchema;
const meeting = aMeeting(aCommittee());

/** A bullet list `depth` levels deep, one item a level, "level 1" … "level N"; built bottom-up (no recursion). */
function nestedList(depth: number, word = 'level'): ProseMirrorNode {
  let list: ProseMirrorNode | null = null;
  for (let level = depth; level >= 1; level--) {
    const paragraph = nodes['paragraph']!.create(null, minutesSchema.text(`${word} ${level}`));
    list = nodes['bullet_list']!.create(null, nodes['list_item']!.create(null, list === null ? [paragraph] : [paragraph, list]));
  }
  return list!;
}

/** Item 3's minutes: a list `depth` deep followed by a second item at the deepest level, cursor in that item. */
function stateWithList(depth: number): EditorState {
  const list = nestedList(depth);
  const doc = itemsToDoc(meeting.items.map((item, index) => (index === 2 ? { ...item, minutes: [list.toJSON() as never] } : item)));
  const state = EditorState.create({ doc, plugins: [pastedBulletDepthPlugin(), uniqueIdsPlugin()] });
  let end = 0;
  state.doc.descendants((node, pos) => {
    if (node.isText && node.text === `level ${depth}`) end = pos + node.nodeSize;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
}

const depthOfItem = (state: EditorState, index = 2) => bulletDepth(docToItems(state.doc, 1)[index]!.minutes);
const wordsOf = (node: ProseMirrorNode) => node.textBetween(0, node.content.size, ' ').split(/\s+/).filter(Boolean);

/** Adds an item after the cursor's, at its level, and presses Tab in it. */
function newItemThenTab(state: EditorState): { state: EditorState; handled: boolean } {
  const $cursor = state.selection.$from;
  const after = $cursor.after($cursor.depth - 1);
  const withItem = state.apply(
    state.tr.insert(after, nodes['list_item']!.create(null, nodes['paragraph']!.create(null, minutesSchema.text('new')))),
  );
  const inNew = withItem.apply(withItem.tr.setSelection(TextSelection.create(withItem.doc, after + 2)));
  let next = inNew;
  const handled = sinkWithinDepth(inNew, (tr) => (next = inNew.apply(tr)));
  return { state: next, handled };
}

describe('Tab in a bullet list', () => {
  it('indents an item down to the deepest level Minute Book keeps', () => {
    const { state, handled } = newItemThenTab(stateWithList(MAX_BULLET_DEPTH - 1));
    expect(handled).toBe(true);
    expect(depthOfItem(state)).toBe(MAX_BULLET_DEPTH);
  });

  it('does nothing at the deepest level, and keeps the key from moving the focus out of the minutes', () => {
    const { state, handled } = newItemThenTab(stateWithList(MAX_BULLET_DEPTH));
    expect(handled).toBe(true);
    expect(depthOfItem(state)).toBe(MAX_BULLET_DEPTH);
    expect(bulletDepthProblem(docToItems(state.doc, 1))).toBeNull();
  });
});

describe('a pasted or dropped list deeper than Minute Book keeps', () => {
  /** Pastes `list` at the cursor as the view does (an open slice, in a transaction marked uiEvent "paste" or "drop"). */
  const paste = (state: EditorState, list: ProseMirrorNode, uiEvent = 'paste'): EditorState =>
    state.apply(state.tr.replaceSelection(Slice.maxOpen(Fragment.from(list))).setMeta('uiEvent', uiEvent));

  it.each([
    ['pasted into a paragraph', 0, 12, 'paste'],
    ['pasted into a list six deep', 6, 6, 'paste'],
    ['dropped into a list at the deepest level', MAX_BULLET_DEPTH, 3, 'drop'],
    ['hundreds of levels deep (as deep as the browser nests a paste)', 0, 300, 'paste'],
  ])('is flattened when %s, every word kept in order', (_, at, depth, uiEvent) => {
    const start = at === 0 ? stateInFirstParagraph() : stateWithList(at);
    const pasted = nestedList(depth, 'pasted');
    // The same paste in an editor without the bound: what the clerk pasted, nested as it came.
    const asPasted = paste(EditorState.create({ doc: start.doc, selection: start.selection }), pasted, uiEvent);
    expect(depthOfItem(asPasted)).toBeGreaterThan(MAX_BULLET_DEPTH);

    const after = paste(start, pasted, uiEvent);
    expect(depthOfItem(after)).toBe(MAX_BULLET_DEPTH);
    expect(wordsOf(after.doc.child(2))).toEqual(wordsOf(asPasted.doc.child(2)));
    expect(() => Meeting.parse({ ...meeting, items: docToItems(after.doc, 1) })).not.toThrow();
    // The cursor stays after the last pasted words, not at the end of the item.
    expect(asPasted.selection.$from.parent.textContent).toBe(`pasted ${depth}`);
    expect(after.selection.$from.parent.textContent).toBe(`pasted ${depth}`);
    expect(after.selection.$from.parentOffset).toBe(`pasted ${depth}`.length);
  });

  it('is left as it came when it fits', () => {
    const start = stateInFirstParagraph();
    const after = paste(start, nestedList(4, 'pasted'));
    expect(depthOfItem(after)).toBe(4);
  });
});

describe('pasted HTML, before it is parsed', () => {
  /** The deepest nesting of list tags in `html`, and the words it holds. */
  function shape(html: string): { depth: number; words: string[] } {
    let depth = 0;
    let deepest = 0;
    for (const [tag] of html.matchAll(/<\/?(ul|ol)[^>]*>/gi)) {
      depth += tag.startsWith('</') ? -1 : 1;
      deepest = Math.max(deepest, depth);
    }
    return { depth: deepest, words: html.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean) };
  }

  it('loses its list tags below the deepest level, every word kept in order, at once even 10,000 levels deep', () => {
    const levels = 10_000;
    const html = Array.from({ length: levels }, (_, level) => `<ul class="outline"><li>point${level + 1}`).join('') + '</li></ul>'.repeat(levels);
    const started = performance.now();
    const bounded = boundListNesting(html);
    expect(performance.now() - started).toBeLessThan(500);
    expect(shape(html).depth).toBe(levels);
    expect(shape(bounded)).toEqual({ depth: MAX_BULLET_DEPTH, words: shape(html).words });
  });

  it('is left as it came when its lists fit, or it has none', () => {
    const fits = '<ol><li>one<ul><li>two</li></ul></li></ol><p>after</p>';
    expect(boundListNesting(fits)).toBe(fits);
    expect(boundListNesting('<p>The Board noted the report.</p>')).toBe('<p>The Board noted the report.</p>');
  });
});

describe('the save of a meeting still too deep', () => {
  it('is refused in words naming the item and saying what to do', () => {
    const items = docToItems(stateWithList(12).doc, 1);
    expect(bulletDepthProblem(items)).toBe(
      `Item 3: bullets are nested 12 levels deep; Minute Book keeps at most ${MAX_BULLET_DEPTH} — press Shift+Tab to lift them`,
    );
    expect(bulletDepthProblem(docToItems(stateWithList(MAX_BULLET_DEPTH).doc, 1))).toBeNull();
  });
});

/** The cursor in item 3's empty first paragraph. */
function stateInFirstParagraph(): EditorState {
  const doc = itemsToDoc(meeting.items.map((item, index) => (index === 2 ? { ...item, minutes: [blocks.paragraph()] } : item)));
  const state = EditorState.create({ doc, plugins: [pastedBulletDepthPlugin(), uniqueIdsPlugin()] });
  let pos = 0;
  for (let at = 0; at < 2; at++) pos += doc.child(at).nodeSize;
  const item = doc.child(2);
  pos += item.child(0).nodeSize + item.child(1).nodeSize;
  return state.apply(state.tr.setSelection(TextSelection.near(doc.resolve(pos + 1))));
}
