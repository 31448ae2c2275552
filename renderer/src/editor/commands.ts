// Editor commands, all of ProseMirror's shape `(state, dispatch?) => boolean`, so the toolbar can ask
// whether one applies before running it.
import { Fragment, type Node as ProseMirrorNode } from 'prosemirror-model';
import { Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import * as blocks from '../../../shared/editor/blocks.js';
import { nilDeclarationsStatement } from '../../../shared/model/declarationKinds.js';
import type { MinutesNodeJSON } from '../../../shared/model/meeting.js';
import { minutesSchema } from '../../../shared/editor/schema.js';
import { partLabelOf } from '../../../shared/import/minutesGrammar.js';
import { meetingContextOf } from './meetingContext.js';

const nodes = minutesSchema.nodes;

export const newId = (): string => crypto.randomUUID();

/** The nearest ancestor of the selection of the given type, with its position. */
export function ancestorOfType(state: EditorState, typeName: string): { node: ProseMirrorNode; pos: number } | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === typeName) return { node, pos: $from.before(depth) };
  }
  return null;
}

/** Puts the cursor in the first text block at or after `pos`. */
function selectInside(doc: ProseMirrorNode, pos: number): Selection {
  return Selection.findFrom(doc.resolve(pos), 1, true) ?? Selection.atEnd(doc);
}

/** Inserts a block into the current item after the block holding the cursor (after the source line when in the title). */
export function insertBlock(json: MinutesNodeJSON): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    // Depth 2 is the item-level block (a child of the item) holding the cursor.
    const depth = 2;
    if ($from.depth < depth) return false;
    const item = $from.node(1);
    const index = $from.index(1);
    const block = minutesSchema.nodeFromJSON(json);
    // An empty paragraph is where the clerk meant the block to go: it is replaced rather than left behind.
    const replacing = index >= 2 && $from.parent.type === nodes['paragraph'] && $from.parent.content.size === 0 && $from.depth === 2;
    // Title and source come first in every item; new minutes go after them.
    const insertAt = replacing
      ? $from.before(depth)
      : index < 2
        ? $from.start(1) + item.child(0).nodeSize + item.child(1).nodeSize
        : $from.after(depth);
    const at = replacing ? index : Math.max(index + 1, 2);
    if (!item.canReplaceWith(at, replacing ? at + 1 : at, block.type)) return false;
    if (dispatch) {
      const tr = replacing ? state.tr.replaceWith(insertAt, $from.after(depth), block) : state.tr.insert(insertAt, block);
      tr.setSelection(selectInside(tr.doc, insertAt + firstToFill(block))).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}

/**
 * Where in a new block the clerk starts typing, as an offset into it: its first empty text block (a
 * request's first entry, not the intro's standing words before it), or its start when none is empty.
 */
function firstToFill(block: ProseMirrorNode): number {
  let found = 0;
  block.descendants((node, pos) => {
    if (found > 0) return false;
    if (node.isTextblock && node.content.size === 0) found = pos + 1;
    return !node.isTextblock;
  });
  return found;
}

/** Appends a child to the nearest ancestor of `containerType`, e.g. a part to a resolution. */
export function appendToContainer(containerType: string, json: () => MinutesNodeJSON): Command {
  return (state, dispatch) => {
    const container = ancestorOfType(state, containerType);
    if (container === null) return false;
    return appendChild(container.pos, json())(state, dispatch);
  };
}

/** Appends a child node at the end of the node at `pos`; used by the block controls. */
export function appendChild(pos: number, json: MinutesNodeJSON): Command {
  return (state, dispatch) => {
    const parent = state.doc.nodeAt(pos);
    if (parent === null) return false;
    const child = minutesSchema.nodeFromJSON(json);
    if (!parent.canReplaceWith(parent.childCount, parent.childCount, child.type)) return false;
    if (dispatch) {
      const at = pos + parent.nodeSize - 1;
      const tr = state.tr.insert(at, child);
      dispatch(tr.setSelection(selectInside(tr.doc, at)).scrollIntoView());
    }
    return true;
  };
}

/** Adds a declaration to a declarations block, replacing its "no declarations" statement if it has one. */
export function addDeclaration(pos: number): Command {
  return (state, dispatch) => {
    const block = state.doc.nodeAt(pos);
    if (block === null || block.type !== nodes['declarations']) return false;
    if (block.firstChild?.type !== nodes['declarations_none']) return appendChild(pos, blocks.declaration())(state, dispatch);
    if (dispatch) {
      const tr = state.tr.replaceWith(pos + 1, pos + block.nodeSize - 1, minutesSchema.nodeFromJSON(blocks.declaration()));
      dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 2)).scrollIntoView());
    }
    return true;
  };
}

/** Replaces every declaration in a declarations block with the statement that there were none, in the committee's scheme's words. */
export function declareNone(pos: number): Command {
  return (state, dispatch) => {
    const block = state.doc.nodeAt(pos);
    if (block === null || block.type !== nodes['declarations'] || block.firstChild?.type === nodes['declarations_none']) return false;
    const statement = nilDeclarationsStatement(meetingContextOf(state).declarationKinds);
    if (dispatch) dispatch(state.tr.replaceWith(pos, pos + block.nodeSize, minutesSchema.nodeFromJSON(blocks.noDeclarations(statement))));
    return true;
  };
}

function newItem(): ProseMirrorNode {
  return minutesSchema.nodeFromJSON({
    type: 'item',
    attrs: { id: newId() },
    content: [{ type: 'item_title' }, { type: 'item_source' }, blocks.paragraph()],
  });
}

/** Adds an empty item after the one holding the cursor and puts the cursor in its title. */
export const addItem: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const at = $from.depth >= 1 ? $from.after(1) : state.doc.content.size;
  if (dispatch) {
    const tr = state.tr.insert(at, newItem());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView());
  }
  return true;
};

/** Removes the item holding the cursor; the last item of a meeting cannot be removed. */
export const deleteItem: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.depth < 1 || state.doc.childCount < 2) return false;
  if (dispatch) {
    const tr = state.tr.delete($from.before(1), $from.after(1));
    dispatch(tr.setSelection(selectInside(tr.doc, Math.min($from.before(1), tr.doc.content.size - 1))).scrollIntoView());
  }
  return true;
};

/** Moves the item holding the cursor one place up (-1) or down (+1) the agenda, keeping the cursor in it. */
export function moveItem(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.depth < 1) return false;
    const index = $from.index(0);
    const target = index + direction;
    if (target < 0 || target >= state.doc.childCount) return false;
    if (dispatch) {
      const item = state.doc.child(index);
      const start = $from.before(1);
      const offsetInItem = state.selection.from - start;
      let tr = state.tr.delete(start, start + item.nodeSize);
      let insertAt = 0;
      for (let i = 0; i < target; i++) insertAt += tr.doc.child(i).nodeSize;
      tr = tr.insert(insertAt, item);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, insertAt + offsetInItem)).scrollIntoView());
    }
    return true;
  };
}

/** Sets attributes of the node at `pos`, keeping the others. */
export function setAttrs(pos: number, attrs: Record<string, unknown>): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (node === null) return false;
    if (dispatch) dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
    return true;
  };
}

/** Replaces the text of the text block at `pos` (e.g. the approval statement after its outcome changed). */
export function replaceText(pos: number, text: string): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (node === null || !node.isTextblock) return false;
    if (dispatch) {
      const content = text === '' ? Fragment.empty : Fragment.from(minutesSchema.text(text));
      dispatch(state.tr.replaceWith(pos + 1, pos + node.nodeSize - 1, content));
    }
    return true;
  };
}

/** Enter in an item's title moves to its source line, and from there to its minutes. */
export const enterFromItemHeading: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const name = $from.parent.type.name;
  if (!empty || (name !== 'item_title' && name !== 'item_source')) return false;
  if (dispatch) dispatch(state.tr.setSelection(selectInside(state.doc, $from.after())).scrollIntoView());
  return true;
};

/** Inserts an inline minute reference ("Minute 59/16") at the cursor. */
export function insertMinuteReference(minute: string): Command {
  return (state, dispatch) => {
    const reference = nodes['minute_reference']!.create({ minute });
    const { $from } = state.selection;
    if (!$from.parent.canReplaceWith($from.index(), $from.index(), reference.type)) return false;
    if (dispatch) dispatch(state.tr.replaceSelectionWith(reference).scrollIntoView());
    return true;
  };
}

/** Links the selected text to `href`, or inserts `text` linked to it where there is no selection. */
export function insertLink(text: string, href: string): Command {
  return (state, dispatch) => {
    const link = minutesSchema.marks['link']!.create({ href });
    const { from, to, empty, $from } = state.selection;
    if (!$from.parent.type.allowsMarkType(link.type)) return false;
    if (dispatch) {
      const tr = empty
        ? state.tr.insert(from, minutesSchema.text(text, [link]))
        : state.tr.addMark(from, to, link);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Enter in a resolution works like a numbered list: at the end of the preamble or of a part it starts
 * a new part; in an empty last part it leaves the resolution for a new paragraph.
 */
export const enterInResolution: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset !== $from.parent.content.size) return false;
  const inPreamble = $from.parent.type === nodes['resolution_preamble'];
  const inPart = $from.depth >= 2 && $from.node(-1).type === nodes['resolution_part'] && $from.index(-1) === 0;
  if (!inPreamble && !inPart) return false;
  const resolutionDepth = inPreamble ? $from.depth - 1 : $from.depth - 2;
  const resolution = $from.node(resolutionDepth);
  const partIndex = $from.index(resolutionDepth);
  const isLastPart = partIndex === resolution.childCount - 1;
  if (dispatch) {
    if (inPart && $from.parent.content.size === 0 && isLastPart) {
      // Leave the resolution: the empty part becomes a paragraph after it.
      const partStart = $from.before(-1);
      const after = $from.after(resolutionDepth);
      const tr = state.tr.insert(after, minutesSchema.nodeFromJSON(blocks.paragraph())).delete(partStart, $from.after(-1));
      const paragraphAt = tr.mapping.map(after, -1);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, paragraphAt + 1)).scrollIntoView());
    } else {
      const at = inPreamble ? $from.after() : $from.after(-1);
      const tr = state.tr.insert(at, minutesSchema.nodeFromJSON(blocks.resolutionPart()));
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView());
    }
  }
  return true;
};

/**
 * Minutes the agreement of the earlier meeting of `meetingDate` in this meeting's approval of the
 * minutes block for that date: "agreed … as a true record", or "subject to the following amendment:"
 * with each amendment quoted (the earlier minute and its corrected words, seed 000's form). Matters
 * arising already minuted stay. False when the meeting has no such block.
 */
/** The approval-of-minutes block for the minutes of `meetingDate`, and its position. */
function approvalBlockFor(doc: ProseMirrorNode, meetingDate: string): { node: ProseMirrorNode; pos: number } | null {
  let found: { node: ProseMirrorNode; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type === nodes['minutes_approval'] && node.attrs['meetingDate'] === meetingDate) found = { node, pos };
    return node.isBlock && !node.isTextblock;
  });
  return found;
}

/**
 * Records in the approval block what was agreed: the outcome, the statement (restated only when the
 * outcome changes, so the clerk's own wording stays), each amendment quoted with its minute, heading
 * and corrected words, and the matters arising as they were.
 */
export function recordApproval(meetingDate: string, amendments: readonly { minute: string; heading?: string; paragraphs: readonly string[] }[]): Command {
  return (state, dispatch) => {
    const found = approvalBlockFor(state.doc, meetingDate);
    if (found === null) return false;
    const { node, pos } = found;
    const outcome = amendments.length === 0 ? 'agreed' : 'agreed-with-amendments';
    const mattersArising: MinutesNodeJSON[] = [];
    node.forEach((child) => {
      if (child.type === nodes['matters_arising']) mattersArising.push(child.toJSON() as MinutesNodeJSON);
    });
    const statement = node.firstChild;
    const keepStatement = node.attrs['outcome'] === outcome && statement !== null && statement.textContent.trim() !== '';
    const approval = minutesSchema.nodeFromJSON({
      type: 'minutes_approval',
      attrs: { meetingDate, outcome },
      content: [
        keepStatement ? (statement.toJSON() as MinutesNodeJSON) : { type: 'approval_statement', content: [{ type: 'text', text: blocks.approvalStatement(meetingDate, outcome) }] },
        ...amendments.map((amendment) => ({
          type: 'amendment',
          attrs: { minute: amendment.minute, heading: amendment.heading ?? '' },
          content: amendment.paragraphs.length === 0 ? [blocks.paragraph()] : amendment.paragraphs.map((text) => blocks.paragraph(text)),
        })),
        ...mattersArising,
      ],
    });
    if (dispatch) dispatch(state.tr.replaceWith(pos, pos + node.nodeSize, approval));
    return true;
  };
}

/**
 * Enter in a request for information: at the end of one it starts the next request; in an empty last
 * request (with others before it) it leaves the block for a new paragraph, as Enter does in bullets.
 */
export const enterInRequests: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== nodes['request'] || $from.parentOffset !== $from.parent.content.size) return false;
  const block = $from.node(-1);
  const isLast = $from.index(-1) === block.childCount - 1;
  if (dispatch) {
    if ($from.parent.content.size === 0 && isLast && block.childCount > 2) {
      const after = $from.after(-1);
      const tr = state.tr.insert(after, minutesSchema.nodeFromJSON(blocks.paragraph())).delete($from.before(), $from.after());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(after, -1) + 1)).scrollIntoView());
    } else {
      const at = $from.after();
      const tr = state.tr.insert(at, minutesSchema.nodeFromJSON(blocks.request(newId())));
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView());
    }
  }
  return true;
};

/**
 * Moves the keyboard focus from the cursor to the controls of the block holding it (a resolution's
 * Unanimous and part numbering, a request's status, a declaration's kind…); Escape there comes back.
 * False when the cursor is in no block with controls.
 */
export const focusBlockControls: Command = (state, _dispatch, view) => {
  if (view === undefined) return false;
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const dom = view.nodeDOM($from.before(depth));
    const controls = dom instanceof HTMLElement ? dom.querySelector(':scope > .block-controls') : null;
    const first = controls?.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled), button:not(:disabled):not([hidden])');
    if (first) {
      first.focus();
      return true;
    }
  }
  return false;
};

/**
 * "1) " (or "1. ", "a) ", "(i) ") typed at the start of a paragraph just after a resolution, or of a
 * bullet inside one, makes it the resolution's next numbered part, the words typed so far kept.
 */
export function startPartAt(state: EditorState, start: number, end: number, typed = ''): Transaction | null {
  const $start = state.doc.resolve(start);
  if ($start.parent.type !== nodes['paragraph'] || $start.parentOffset !== 0) return null;
  // Already at the start of a part (Enter has just made it): the typed number is the part's own, so
  // it is taken away rather than left as words ("1) 1) text") — a Word user types it out of habit —
  // and a number in another style ("(a) ") numbers the resolution's parts in that style.
  if ($start.depth >= 3 && $start.node(-1).type === nodes['resolution_part'] && $start.index(-1) === 0) {
    const tr = state.tr.delete(start, end);
    // Roman numbers ("(i) ", "(iv) ") are a style no part prints: the parts keep theirs.
    const label = /^\(?[ivx]+[.)]/i.test(typed) ? null : partLabelOf(typed);
    const resolution = $start.node(-2);
    if (label !== null && resolution.type === nodes['resolution'] && resolution.attrs['partStyle'] !== label.style) {
      tr.setNodeMarkup($start.before(-2), undefined, { ...resolution.attrs, partStyle: label.style });
    }
    return tr;
  }
  const words = $start.parent.content.cut(end - $start.start());
  const part = (): ProseMirrorNode => nodes['resolution_part']!.create(null, nodes['paragraph']!.create(null, words));
  // A paragraph straight after a resolution, at the item's level.
  if ($start.depth === 2 && $start.index(1) > 0) {
    const before = $start.node(1).child($start.index(1) - 1);
    if (before.type === nodes['resolution']) {
      const resolutionEnd = $start.before(2) - 1;
      const tr = state.tr.delete($start.before(2), $start.after(2)).insert(resolutionEnd, part());
      return tr.setSelection(TextSelection.create(tr.doc, resolutionEnd + 2));
    }
  }
  // A bullet (the only one in its list) directly in a resolution becomes a part in its place.
  if ($start.depth >= 4 && $start.node(-1).type === nodes['list_item'] && $start.node(-2).type === nodes['bullet_list'] && $start.node(-3).type === nodes['resolution'] && $start.node(-2).childCount === 1 && $start.node(-1).childCount === 1) {
    const listStart = $start.before(-2);
    const tr = state.tr.replaceWith(listStart, $start.after(-2), part());
    return tr.setSelection(TextSelection.create(tr.doc, listStart + 2));
  }
  return null;
}

/** "- " (or "• ", "* ") typed at the start of a resolution's part makes the part a bullet in the resolution. */
export function startBulletInPart(state: EditorState, start: number, end: number): Transaction | null {
  const $start = state.doc.resolve(start);
  if ($start.parent.type !== nodes['paragraph'] || $start.parentOffset !== 0 || $start.depth < 3) return null;
  const part = $start.node(-1);
  if (part.type !== nodes['resolution_part'] || part.childCount !== 1) return null;
  const words = $start.parent.content.cut(end - $start.start());
  const partStart = $start.before(-1);
  const list = nodes['bullet_list']!.create(null, nodes['list_item']!.create(null, nodes['paragraph']!.create(null, words)));
  const tr = state.tr.replaceWith(partStart, $start.after(-1), list);
  return tr.setSelection(TextSelection.create(tr.doc, partStart + 3));
}
