// Linked scrolling of two panes aligned item by item: when the clerk scrolls one, the other follows so
// that the item aligned with the one at the top stands at the top too, as far through it as the first
// (so a long item beside a short one does not jump). Where the item at the top has no counterpart the
// other pane holds the nearest aligned item above it.
import type { AlignedRow } from '../../../shared/compare/alignItems.js';
import { counterpart, otherSide, type Side } from './alignment.js';

/** The items of a pane's minutes, in order (their sections in the editor). */
export const itemElements = (pane: HTMLElement): HTMLElement[] => [...pane.querySelectorAll<HTMLElement>('.minutes > section.item')];

/** Where an element's top stands inside the scrolling pane, in CSS pixels from the top of its content. */
const topIn = (pane: HTMLElement, element: HTMLElement): number =>
  element.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;

/**
 * Links the scrolling of two panes; answers a function that unlinks them. `rows()` gives the
 * alignment as it now stands (it changes as the clerk adds items to a draft).
 */
export function linkScrolling(panes: Record<Side, HTMLElement>, rows: () => readonly AlignedRow[]): () => void {
  // The scroll position each pane was last moved to by the other: its own scroll event is then not passed back.
  const movedTo: Record<Side, number | null> = { left: null, right: null };
  let frame: number | null = null;

  const follow = (side: Side) => {
    const pane = panes[side];
    const items = itemElements(pane);
    const top = pane.scrollTop;
    const index = items.findIndex((item) => topIn(pane, item) + item.offsetHeight > top + 1);
    if (index < 0) return;
    const target = counterpart(rows(), side, index);
    const follower = panes[otherSide(side)];
    const targetItem = target === null ? undefined : itemElements(follower)[target.index];
    if (target === null || targetItem === undefined) return;
    const item = items[index]!;
    // How far through its item the leading pane's top is; a gap's counterpart is held at its top.
    const through = target.exact ? Math.min(1, Math.max(0, (top - topIn(pane, item)) / Math.max(1, item.offsetHeight))) : 0;
    const next = Math.round(topIn(follower, targetItem) + through * targetItem.offsetHeight);
    const bounded = Math.max(0, Math.min(next, follower.scrollHeight - follower.clientHeight));
    if (Math.abs(follower.scrollTop - bounded) < 2) return;
    movedTo[otherSide(side)] = bounded;
    follower.scrollTop = bounded;
  };

  const onScroll = (side: Side) => () => {
    const expected = movedTo[side];
    if (expected !== null && Math.abs(panes[side].scrollTop - expected) < 2) {
      movedTo[side] = null;
      return;
    }
    movedTo[side] = null;
    if (frame !== null) cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      frame = null;
      follow(side);
    });
  };
  const listeners = { left: onScroll('left'), right: onScroll('right') };
  panes.left.addEventListener('scroll', listeners.left, { passive: true });
  panes.right.addEventListener('scroll', listeners.right, { passive: true });
  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    panes.left.removeEventListener('scroll', listeners.left);
    panes.right.removeEventListener('scroll', listeners.right);
  };
}
