// The insert-block menu: a menu button that opens with a click or Ctrl+/ from the editor. It appears at
// the cursor; typing filters it ("?" shows the shortcuts sheet), the arrow keys move, Enter inserts, and
// focus goes back to the editor. React Aria Components' Popover, Autocomplete and Menu do the keyboard,
// the placing (below the cursor, above it when the window has no room) and the roles.
import type { EditorView } from 'prosemirror-view';
import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Autocomplete, Input, Menu, MenuItem, Popover, TextField, useFilter } from 'react-aria-components';
import { insertActions } from './insertActions.js';

interface InsertBlockMenuProps {
  view: EditorView | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onMinuteReference: () => void;
  /** "?" typed in the menu's filter: the keyboard shortcuts sheet. */
  onShortcuts: () => void;
}

const MINUTE_REFERENCE = 'Minute reference…';

/** The editor's cursor as a box in the window, for the menu to open at; null without an editor. */
function caretBox(view: EditorView | null): CSSProperties | null {
  if (view === null) return null;
  const caret = view.coordsAtPos(view.state.selection.head);
  return { position: 'fixed', left: caret.left, top: caret.top, height: caret.bottom - caret.top, width: 1, pointerEvents: 'none' };
}

export function InsertBlockMenu(props: InsertBlockMenuProps) {
  const { open, onOpenChange } = props;
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
      {open && <OpenMenu {...props} />}
    </div>
  );
}

/** The menu while it is open: mounted as it opens, so it starts unfiltered at the cursor. */
function OpenMenu({ view, onOpenChange, onMinuteReference, onShortcuts }: InsertBlockMenuProps) {
  const caretRef = useRef<HTMLSpanElement>(null);
  const [filter, setFilter] = useState('');
  const { contains } = useFilter({ sensitivity: 'base' });
  // Read as the menu opens only: the cursor does not move while it is open.
  const [caret] = useState(() => caretBox(view));
  // Asked once as the menu opens: which inserts apply where the cursor is.
  const [disabled] = useState(() => (view === null ? [] : insertActions.flatMap((action, index) => (action.command(view.state) ? [] : [String(index)]))));
  const entries = [...insertActions.map((action) => action.label), MINUTE_REFERENCE].map((label, index) => ({ id: String(index), label }));

  const close = () => {
    // The window is inert while the menu is open: the menu goes at once, so the editor has focus back at
    // its own caret before the next key is handled (a clerk types straight on after choosing), and again
    // a frame later should the popover hand focus elsewhere as it goes.
    flushSync(() => onOpenChange(false));
    view?.focus();
    requestAnimationFrame(() => {
      if (view !== null && !view.hasFocus()) view.focus();
    });
  };

  const run = (index: number) => {
    if (view === null) return;
    if (index === insertActions.length) {
      onOpenChange(false);
      onMinuteReference();
      return;
    }
    insertActions[index]!.command(view.state, view.dispatch);
    close();
  };

  // Tab leaves the menu for the editor, as Escape does.
  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Tab') return;
    event.preventDefault();
    close();
  };

  return (
    <>
      <span ref={caretRef} aria-hidden="true" style={caret ?? { display: 'none' }} />
      <Popover
        isOpen
        onOpenChange={(isOpen) => {
          if (!isOpen) close();
        }}
        triggerRef={caretRef}
        placement="bottom start"
        offset={4}
        className="menu"
        aria-label="Insert block"
      >
        <Autocomplete
          inputValue={filter}
          onInputChange={(value) => {
            if (value === '?') {
              onOpenChange(false);
              onShortcuts();
              return;
            }
            setFilter(value);
          }}
          filter={contains}
        >
          <TextField aria-label="Block to insert (type to filter, ? for shortcuts)" autoFocus>
            <Input className="menu-filter" placeholder="Type to filter…" onKeyDown={onFilterKeyDown} />
          </TextField>
          <Menu
            aria-label="Insert block"
            items={entries}
            disabledKeys={disabled}
            onAction={(key) => run(Number(key))}
            renderEmptyState={() => <p className="hint">No block is called that</p>}
          >
            {(entry) => <MenuItem className="menu-item">{entry.label}</MenuItem>}
          </Menu>
        </Autocomplete>
      </Popover>
    </>
  );
}
