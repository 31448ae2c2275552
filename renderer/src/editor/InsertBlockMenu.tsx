// The insert-block menu: a menu button that opens with a click or Ctrl+/ from the editor, moves with
// the arrow keys, inserts with Enter and gives focus back to the editor.
import type { EditorView } from 'prosemirror-view';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { insertActions } from './insertActions.js';

interface InsertBlockMenuProps {
  view: EditorView | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onMinuteReference: () => void;
}

export function InsertBlockMenu({ view, open, onOpenChange, onMinuteReference }: InsertBlockMenuProps) {
  const menuRef = useRef<HTMLUListElement>(null);
  // Asked once as the menu opens: which inserts apply where the cursor is.
  const enabled = open && view !== null ? insertActions.map((action) => action.command(view.state)) : [];

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [open]);

  const close = () => {
    onOpenChange(false);
    view?.focus();
  };

  const run = (index: number) => {
    if (view === null) return;
    insertActions[index]!.command(view.state, view.dispatch);
    close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      buttons[(at + move + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? buttons[0] : buttons.at(-1))?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="menu-anchor">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-keyshortcuts="Control+/"
        title="Insert block (Ctrl+/)"
        onClick={() => onOpenChange(!open)}
      >
        Insert block
      </button>
      {open && (
        <ul role="menu" aria-label="Insert block" className="menu" ref={menuRef} onKeyDown={onKeyDown}>
          {insertActions.map((action, index) => (
            <li role="none" key={action.label}>
              <button type="button" role="menuitem" disabled={enabled[index] === false} onClick={() => run(index)}>
                {action.label}
              </button>
            </li>
          ))}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                onOpenChange(false);
                onMinuteReference();
              }}
            >
              Minute reference…
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
