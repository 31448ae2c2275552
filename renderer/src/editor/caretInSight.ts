// After each keystroke ProseMirror scrolls the caret into view by walking every element from the caret
// up to the page, measuring each (getBoundingClientRect) and reading its style (getComputedStyle): in
// the meeting view that is fifteen ancestors and a forced style and layout for each, on every keystroke.
// While typing the caret is almost always in sight already; this answers that case with one measure of
// the scrolling box the minutes are in, and leaves every other case to ProseMirror's own walk.
import { Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** The nearest ancestor of the editor that scrolls vertically, found once per editor (it stays in its box). */
const scrollBoxes = new WeakMap<EditorView, HTMLElement | null>();

function scrollBoxOf(view: EditorView): HTMLElement | null {
  const known = scrollBoxes.get(view);
  if (known !== undefined && (known === null || known.contains(view.dom))) return known;
  let box: HTMLElement | null = null;
  for (let element = view.dom.parentElement; element !== null && element !== document.body; element = element.parentElement) {
    if (/^(auto|scroll)$/.test(getComputedStyle(element).overflowY)) {
      box = element;
      break;
    }
  }
  scrollBoxes.set(view, box);
  return box;
}

/**
 * Whether the caret (a text selection's head) lies wholly inside the editor's scrolling box, and that
 * box inside the window: then ProseMirror's walk would scroll nothing (its threshold is 0), and nothing
 * needs doing. Any other selection, or an editor in no scrolling box, is left to ProseMirror.
 */
export function caretInSight(view: EditorView): boolean {
  const { selection } = view.state;
  if (!(selection instanceof TextSelection)) return false;
  const box = scrollBoxOf(view);
  if (box === null) return false;
  const caret = view.coordsAtPos(selection.head, 1);
  const shown = box.getBoundingClientRect();
  const boxInWindow = shown.top >= 0 && shown.left >= 0 && shown.bottom <= window.innerHeight && shown.right <= window.innerWidth;
  return boxInWindow && caret.top >= shown.top && caret.bottom <= shown.bottom && caret.left >= shown.left && caret.right <= shown.right;
}

/** Scrolls to the caret only when it is out of sight (caretInSight), with ProseMirror's own scrolling. */
export function caretInSightPlugin(): Plugin {
  return new Plugin({ props: { handleScrollToSelection: caretInSight } });
}
