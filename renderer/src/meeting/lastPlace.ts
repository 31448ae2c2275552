// Where the clerk was in the meeting when the window closed — the item and the caret within it — so
// the app opens again at that place (the meeting itself is kept with the layout, compare/layout.ts).
// Kept by item id and offset within the item, so words added above it since do not move the place.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { z } from 'zod';

const KEY = 'minute-book:last-place';

const LastPlace = z.object({ meetingId: z.string(), itemId: z.string(), offset: z.number().int().nonnegative() });
export type LastPlace = z.infer<typeof LastPlace>;

/** The place kept for this meeting, or null (another meeting's, none, or unreadable). */
export function readLastPlace(meetingId: string, storage: Pick<Storage, 'getItem'> = localStorage): LastPlace | null {
  try {
    const kept = LastPlace.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return kept.success && kept.data.meetingId === meetingId ? kept.data : null;
  } catch {
    return null;
  }
}

/** Keeps where the caret is in `view`'s meeting: its item's id and the caret's offset into that item. */
export function keepLastPlace(view: EditorView, meetingId: string, storage: Pick<Storage, 'setItem'> = localStorage): void {
  const { $head } = view.state.selection;
  if ($head.depth < 1) return;
  const item = $head.node(1);
  const place: LastPlace = { meetingId, itemId: String(item.attrs['id']), offset: $head.pos - $head.before(1) };
  storage.setItem(KEY, JSON.stringify(place));
}

/** Puts the caret back at the kept place (or the nearest text to it in the item as it now is) and scrolls it into view; false when the item is gone. */
export function returnToPlace(view: EditorView, place: LastPlace): boolean {
  let start: number | null = null;
  view.state.doc.forEach((item, offset) => {
    if (start === null && item.attrs['id'] === place.itemId) start = offset;
  });
  if (start === null) return false;
  const item = view.state.doc.child(view.state.doc.resolve(start).index(0));
  const at = Math.min(start + Math.max(1, place.offset), start + item.nodeSize - 1);
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at))).scrollIntoView());
  return true;
}
