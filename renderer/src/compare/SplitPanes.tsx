// Two panes side by side with a divider the clerk drags, or moves with the arrow keys once it has focus
// (5% a press, Home and End to the limits, double-click back to halves): react-resizable-panels' Group,
// Panel and Separator, which follow the WAI-ARIA window splitter pattern (a focusable separator with the
// left pane's share as its value).
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { ReactNode } from 'react';
import { clampShare, MIN_PANE_SHARE } from './layout.js';

interface SplitPanesProps {
  /** The left pane's share of the width, 0.2–0.8. */
  share: number;
  onShare: (share: number) => void;
  left: ReactNode;
  /** Null for one pane: the left then takes the whole width, and keeps its place in the tree. */
  right: ReactNode;
}

const minPercent = String(MIN_PANE_SHARE * 100);

export function SplitPanes({ share, onShare, left, right }: SplitPanesProps) {
  const percent = Math.round(share * 100);
  return (
    <Group
      className="split-panes"
      orientation="horizontal"
      defaultLayout={right === null ? { left: 100 } : { left: percent, right: 100 - percent }}
      onLayoutChanged={(layout) => {
        if (right !== null && layout['left'] !== undefined && layout['right'] !== undefined) onShare(clampShare(layout['left'] / 100));
      }}
    >
      <Panel id="left" className="split-pane" minSize={right === null ? '100' : minPercent} defaultSize="50">
        {left}
      </Panel>
      {right !== null && (
        <>
          <Separator className="split-divider" aria-label="Divider between the meetings" aria-valuetext={`Left pane ${percent}% of the width`} />
          <Panel id="right" className="split-pane" minSize={minPercent} defaultSize="50">
            {right}
          </Panel>
        </>
      )}
    </Group>
  );
}
