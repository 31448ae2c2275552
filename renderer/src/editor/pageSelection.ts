// The selection the page shows, taken into the editor when a key comes before ProseMirror has read it.
import { NodeSelection, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Takes the page's selection into the editor's state where the editor has not read it yet: the browser
 * tells ProseMirror of a click's new caret by a `selectionchange` event a task later, so a shortcut
 * pressed within milliseconds of the click (a fast clerk, a slow machine) would act at the old caret,
 * perhaps in another item (qa13e E5). Does nothing when the page's selection is outside the minutes,
 * already the editor's, or the editor holds a node selection (the page cannot show one as a range).
 */
export function takePageSelection(view: EditorView): void {
  const shown = view.dom.ownerDocument.getSelection();
  if (shown === null || shown.anchorNode === null || shown.focusNode === null) return;
  if (!view.dom.contains(shown.anchorNode) || !view.dom.contains(shown.focusNode) || view.state.selection instanceof NodeSelection) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(shown.anchorNode, shown.anchorOffset);
    head = view.posAtDOM(shown.focusNode, shown.focusOffset);
  } catch {
    // A node the view does not draw as minutes (a number label): the editor's own selection stands.
    return;
  }
  const { selection, doc } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))));
}
