// Keeps bullets within MAX_BULLET_DEPTH in the editor, so that a meeting the clerk drafts is always
// one the node side stores: Tab does not indent past the deepest level, and a paste or drop of a
// deeper list (a Word outline, a web page) is flattened, every word kept, before it is saved.
import { Fragment, type Node as ProseMirrorNode } from 'prosemirror-model';
import { sinkListItem } from 'prosemirror-schema-list';
import { Plugin, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { minutesSchema } from '../../../shared/editor/schema.js';
import { MAX_BULLET_DEPTH } from '../../../shared/model/meeting.js';

const bulletList = minutesSchema.nodes['bullet_list']!;
const listItem = minutesSchema.nodes['list_item']!;

/** How deeply bullet lists nest inside `node` (0 when there are none); as bulletDepth, on editor nodes. */
export function deepestBullets(node: ProseMirrorNode): number {
  let deepest = 0;
  node.forEach((child) => {
    if (!child.isTextblock) deepest = Math.max(deepest, (child.type === bulletList ? 1 : 0) + deepestBullets(child));
  });
  return deepest;
}

/**
 * A list item at the deepest level, and every item nested under it, as items of that level, in
 * reading order. Walked with a stack, not recursion: a pasted list may be hundreds of levels deep.
 */
function hoisted(item: ProseMirrorNode): ProseMirrorNode[] {
  const items: ProseMirrorNode[] = [];
  const stack = [item];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const sublist = next.lastChild?.type === bulletList ? next.lastChild : null;
    items.push(sublist === null ? next : next.copy(next.content.cut(0, next.content.size - sublist.nodeSize)));
    if (sublist !== null) for (let at = sublist.childCount - 1; at >= 0; at--) stack.push(sublist.child(at));
  }
  return items;
}

/** `node`'s content with bullets below level MAX_BULLET_DEPTH lifted to it; `level` is how many lists hold `node`. */
function flattenedContent(node: ProseMirrorNode, level: number): Fragment {
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => {
    if (child.isTextblock) children.push(child);
    else if (child.type === listItem && level >= MAX_BULLET_DEPTH) children.push(...hoisted(child));
    else children.push(child.copy(flattenedContent(child, level + (child.type === bulletList ? 1 : 0))));
  });
  return Fragment.from(children);
}

/**
 * `node` (an agenda item, or any block) with no bullets nested deeper than MAX_BULLET_DEPTH: items
 * below the deepest level become items of the deepest level, in reading order, so no word is lost.
 * Answers `node` itself when it is within the bound.
 */
export function flattenDeepBullets(node: ProseMirrorNode): ProseMirrorNode {
  return deepestBullets(node) <= MAX_BULLET_DEPTH ? node : node.copy(flattenedContent(node, 0));
}

/**
 * Tab in a list: the item goes one level deeper, unless that would take its bullets (or those under
 * it) past MAX_BULLET_DEPTH. There Tab is taken and does nothing, rather than moving the focus out
 * of the minutes as it does outside a list.
 */
export const sinkWithinDepth: Command = (state, dispatch) => {
  const sunk: { tr?: Transaction } = {};
  if (!sinkListItem(listItem)(state, (tr) => (sunk.tr = tr)) || sunk.tr === undefined) return false;
  const index = state.selection.$from.index(0);
  const deepest = deepestBullets(sunk.tr.doc.child(index));
  // An item already too deep (kept from before this rule) may still be indented where it stays no deeper.
  if (deepest > MAX_BULLET_DEPTH && deepest > deepestBullets(state.doc.child(index))) return true;
  dispatch?.(sunk.tr);
  return true;
};

/**
 * Flattens, in the same change, any agenda item a paste or drop has left with bullets deeper than
 * MAX_BULLET_DEPTH (what the text was pasted into counts: a list pasted at level 6 may go three more).
 */
export function pastedBulletDepthPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && (tr.getMeta('uiEvent') === 'paste' || tr.getMeta('uiEvent') === 'drop'))) return null;
      let tr: Transaction | null = null;
      const { head } = newState.selection;
      newState.doc.forEach((item, offset) => {
        const flat = flattenDeepBullets(item);
        if (flat === item) return;
        tr ??= newState.tr;
        const at = tr.mapping.map(offset);
        tr.replaceWith(at, tr.mapping.map(offset + item.nodeSize), flat);
        // Replacing the item would put the cursor at its end: keep it after the same words.
        if (head > offset && head < offset + item.nodeSize) {
          tr.setSelection(TextSelection.near(tr.doc.resolve(positionAfterText(flat, at, textBefore(item, offset, head)))));
        }
      });
      return tr;
    },
    props: { transformPastedHTML: boundListNesting },
  });
}

/** How many characters of text `node` (at `start`) holds before `pos`. */
function textBefore(node: ProseMirrorNode, start: number, pos: number): number {
  let count = 0;
  node.descendants((child, at) => {
    const from = start + 1 + at;
    if (from >= pos) return false;
    if (child.isText) count += Math.min(child.text!.length, pos - from);
    return true;
  });
  return count;
}

/** The position in `node` (at `start`) after its first `count` characters of text. */
function positionAfterText(node: ProseMirrorNode, start: number, count: number): number {
  let left = count;
  let found = start + 1;
  node.descendants((child, at) => {
    if (left < 0) return false;
    if (child.isText) {
      found = start + 1 + at + Math.min(left, child.text!.length);
      left = left <= child.text!.length ? -1 : left - child.text!.length;
    }
    return true;
  });
  return found;
}

/** An opening or closing <ul> or <ol> tag, attributes and all. */
const listTag = /<(\/?)(?:ul|ol)\b[^>]*>/gi;

/**
 * Pasted HTML with list tags below MAX_BULLET_DEPTH levels removed, before anything parses it: the
 * browser's own parser takes over a second on a list 10,000 levels deep, and ProseMirror's seconds
 * more. Without its list tag, each deeper <li> is closed by the next, as HTML's rules close list
 * items, so every item ends up at the deepest level, in reading order. (Tags are counted, not parsed:
 * a miscount only flattens more.) The editor flattens again after the paste, counting the lists the
 * text went into.
 */
export function boundListNesting(html: string): string {
  let depth = 0;
  return html.replace(listTag, (tag, closing: string) => {
    if (closing === '') return ++depth > MAX_BULLET_DEPTH ? '' : tag;
    const kept = depth <= MAX_BULLET_DEPTH;
    depth = Math.max(0, depth - 1);
    return kept ? tag : '';
  });
}
