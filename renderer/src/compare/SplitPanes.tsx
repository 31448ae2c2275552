// Two panes side by side with a divider the clerk drags, or moves with the arrow keys once it has
// focus (the WAI-ARIA window splitter pattern: a focusable separator with its position as a value).
import { useRef, type ReactNode } from 'react';
import { clampShare } from './layout.js';

interface SplitPanesProps {
  /** The left pane's share of the width, 0.2–0.8. */
  share: number;
  onShare: (share: number) => void;
  left: ReactNode;
  /** Null for one pane: the left then takes the whole width, and keeps its place in the tree. */
  right: ReactNode;
}

/** How far one press of an arrow key moves the divider. */
const STEP = 0.05;

export function SplitPanes({ share, onShare, left, right }: SplitPanesProps) {
  const container = useRef<HTMLDivElement>(null);
  const percent = Math.round(share * 100);

  const dragFrom = (event: React.PointerEvent<HTMLDivElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (box === undefined || event.button !== 0) return;
    const divider = event.currentTarget;
    divider.setPointerCapture(event.pointerId);
    const move = (moved: PointerEvent) => onShare(clampShare((moved.clientX - box.left) / box.width));
    const stop = () => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', stop);
      divider.removeEventListener('pointercancel', stop);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', stop);
    divider.addEventListener('pointercancel', stop);
  };

  const keys = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft' ? share - STEP : event.key === 'ArrowRight' ? share + STEP : event.key === 'Home' ? 0 : event.key === 'End' ? 1 : event.key === 'Enter' ? 0.5 : null;
    if (next === null) return;
    event.preventDefault();
    onShare(clampShare(next));
  };

  return (
    <div ref={container} className="split-panes" style={{ gridTemplateColumns: right === null ? '1fr' : `${share}fr 6px ${1 - share}fr` }}>
      {left}
      {right !== null && (
      <div
        className="split-divider"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label="Divider between the meetings"
        aria-valuemin={20}
        aria-valuemax={80}
        aria-valuenow={percent}
        aria-valuetext={`Left pane ${percent}% of the width`}
        onPointerDown={dragFrom}
        onKeyDown={keys}
        onDoubleClick={() => onShare(0.5)}
      />
      )}
      {right}
    </div>
  );
}
