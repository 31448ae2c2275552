// The workspace's panes: the open meeting on the left and, when the clerk asks, another meeting or an
// earlier version of this one on the right, aligned item by item. Each pane shows where the other has
// an item it lacks; scrolling one keeps the aligned item in view in the other until the clerk unlinks
// them. The left pane keeps its place in the tree whether or not a right pane is open, so opening a
// meeting beside never remounts the editor the clerk is typing in.
import type { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { alignItems } from '../../../shared/compare/alignItems.js';
import type { Item } from '../../../shared/model/meeting.js';
import { alignmentKey } from '../editor/alignmentPlugin.js';
import { gapsFor, type Side } from './alignment.js';
import type { MeetingSession } from '../meeting/meetingSession.js';
import type { Layout } from './layout.js';
import { linkScrolling } from './linkedScroll.js';
import { SplitPanes } from './SplitPanes.js';

export interface PaneContent {
  session: MeetingSession | null;
  view: EditorView | null;
  /** What the pane holds, as its heading reads: "Scrutiny Board, 13 July 2017 (draft)". */
  label: string;
  node: ReactNode;
}

interface SideBySideProps {
  layout: Layout;
  onLayout: (change: Partial<Layout>) => void;
  left: PaneContent;
  /** The meeting beside, or null for the open meeting alone. */
  right: PaneContent | null;
  /** Shown in the right pane instead of the meeting when the clerk asks for the differences. */
  differences: ReactNode;
  onCloseBeside: () => void;
  onSwap: () => void;
}

/** The items a pane shows now: the draft as typed once its editor is there (numbered as last saved), else the meeting as loaded. */
const itemsOf = (session: MeetingSession | null, view: EditorView | null = null): readonly Item[] =>
  (view === null ? undefined : session?.snapshot()?.items) ?? session?.meeting.items ?? [];

const alone: PaneContent = { session: null, view: null, label: '', node: null };

export function SideBySide({ layout, onLayout, left, right: beside, differences, onCloseBeside, onSwap }: SideBySideProps) {
  const split = beside !== null;
  const right = beside ?? alone;
  // The panes' elements, as state so that linking waits until both are there.
  const [leftPane, setLeftPane] = useState<HTMLElement | null>(null);
  const [rightPane, setRightPane] = useState<HTMLElement | null>(null);
  // The alignment is worked out again after each save of either pane: items come and go as the clerk types.
  const [saves, setSaves] = useState(0);
  useEffect(() => {
    const subscriptions = [left.session, right.session].map((session) =>
      session?.autosaver.subscribe(() => {
        if (session.autosaver.getState().kind === 'saved') setSaves((count) => count + 1);
      }),
    );
    return () => subscriptions.forEach((unsubscribe) => unsubscribe?.());
  }, [left.session, right.session]);

  const rows = useMemo(() => {
    void saves;
    if (left.session === null || right.session === null) return [];
    return alignItems(itemsOf(left.session, left.view), itemsOf(right.session, right.view), { sameMeeting: left.session.meeting.id === right.session.meeting.id });
  }, [left.session, right.session, left.view, right.view, saves]);
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  const showingDifferences = split && layout.differences;
  // The gaps each editor shows, as last given: an editor is told only when they change, so a save (which
  // aligns again) never dispatches into the editor the clerk is clicking or typing in for nothing.
  const shownGaps = useRef(new WeakMap<EditorView, string>());
  useEffect(() => {
    const gaps = (side: Side, view: EditorView | null, other: MeetingSession | null) => {
      if (view === null || view.isDestroyed) return;
      const shown = showingDifferences || other === null ? [] : gapsFor(rows, side, itemsOf(other));
      const key = JSON.stringify(shown);
      if ((shownGaps.current.get(view) ?? '[]') === key) return;
      shownGaps.current.set(view, key);
      view.dispatch(view.state.tr.setMeta(alignmentKey, shown).setMeta('addToHistory', false));
    };
    gaps('left', left.view, right.session);
    gaps('right', right.view, left.session);
  }, [rows, left.view, right.view, left.session, right.session, showingDifferences]);

  // Linked while both panes show their meetings; the differences view scrolls on its own.
  useEffect(() => {
    const leftPage = leftPane?.querySelector<HTMLElement>('.page');
    const rightPage = rightPane?.querySelector<HTMLElement>('.page');
    if (!layout.linked || showingDifferences || !leftPage || !rightPage || left.view === null || right.view === null) return;
    return linkScrolling({ left: leftPage, right: rightPage }, () => rowsRef.current);
  }, [layout.linked, showingDifferences, left.view, right.view, leftPane, rightPane]);

  const matched = rows.filter((row) => row.left !== null && row.right !== null).length;
  const leftSection = (
    <section ref={setLeftPane} className="pane" data-pane="left" aria-label={split ? `Left: ${left.label}` : undefined}>
      {split && <h2 className="pane-heading">{left.label}</h2>}
      {left.node}
    </section>
  );
  return (
    <div className="side-by-side">
      {split && (
        <div className="split-toolbar" role="toolbar" aria-label="Side by side">
          <span className="split-summary" role="status">
            {matched} of {rows.length} items aligned
          </span>
          <label>
            <input type="checkbox" checked={layout.linked} onChange={(event) => onLayout({ linked: event.target.checked })} disabled={showingDifferences} />{' '}
            Linked scrolling
          </label>
          <button type="button" aria-pressed={showingDifferences} onClick={() => onLayout({ differences: !showingDifferences })}>
            {showingDifferences ? 'Show the meeting beside' : 'Show differences'}
          </button>
          <button type="button" onClick={onSwap} disabled={showingDifferences}>
            Swap sides
          </button>
          <button type="button" onClick={onCloseBeside}>
            Close beside
          </button>
        </div>
      )}
      <SplitPanes
        share={layout.share}
        onShare={(share) => onLayout({ share })}
        left={leftSection}
        right={
          split ? (
            <section ref={setRightPane} className="pane" data-pane="right" aria-label={`Right: ${showingDifferences ? 'differences' : right.label}`}>
              <h2 className="pane-heading">{showingDifferences ? `Differences from ${right.label}` : right.label}</h2>
              {showingDifferences ? differences : right.node}
            </section>
          ) : null
        }
      />
    </div>
  );
}
