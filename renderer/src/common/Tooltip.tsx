// Tooltips on React Aria Components' TooltipTrigger: shown on hover after a moment and at once on
// keyboard focus, hidden by Escape, and linked to their control (aria-describedby), which a title
// attribute is not for keyboard users.
import type { ReactElement, ReactNode } from 'react';
import { Focusable, Tooltip, TooltipTrigger } from 'react-aria-components';

/** A native control (`children`, one element) with `tip` as its tooltip. */
export function WithTooltip({ tip, children }: { tip: string; children: ReactElement<Record<string, unknown>, string> }) {
  return (
    <TooltipTrigger delay={600} closeDelay={100}>
      <Focusable>{children}</Focusable>
      <Tooltip className="tooltip" offset={6}>
        {tip}
      </Tooltip>
    </TooltipTrigger>
  );
}

interface IconButtonProps {
  /** The button's name, read by assistive technology and shown in the tooltip. */
  label: string;
  /** Its keys as aria-keyshortcuts has them ("Control+Z"), and as the tooltip prints them ("Ctrl+Z"). */
  keys: string;
  shown: string;
  onPress: () => void;
  /** The sign shown on the button (↶, B). */
  children: ReactNode;
}

/** A small toolbar button shown by a sign, named by `label`, its keys in its tooltip. */
export function IconButton({ label, keys, shown, onPress, children }: IconButtonProps) {
  return (
    <WithTooltip tip={`${label} (${shown})`}>
      <button type="button" className="icon-button" aria-label={label} aria-keyshortcuts={keys} onClick={onPress}>
        {children}
      </button>
    </WithTooltip>
  );
}
