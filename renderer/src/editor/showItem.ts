// Brings an item into view as the current one: the cursor at the start of its title, the item at the
// top of the page. Used when a search result, a reference or a check opens an item, and by live capture.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** Puts the cursor at the start of the item and scrolls it to the top of the page. */
export function showItem(view: EditorView, itemId: string): void {
  let found: number | null = null;
  view.state.doc.forEach((item, offset) => {
    if (found === null && item.attrs['id'] === itemId) found = offset;
  });
  if (found === null) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, found + 2)));
  const section = view.nodeDOM(found) as HTMLElement | null;
  // Items off screen are laid out at an estimated height (content-visibility): once those above come
  // into view at their real height the item moves, so it is scrolled to again for a few frames.
  let frames = 4;
  const scroll = () => {
    section?.scrollIntoView({ block: 'start' });
    if (--frames > 0) requestAnimationFrame(scroll);
  };
  scroll();
}
