// The insert-block menu: a menu button that opens with a click or Ctrl+/ from the editor. Opened from
// the keyboard it appears at the cursor; typing filters it ("?" shows the shortcuts sheet), the arrow
// keys move, Enter inserts, and focus goes back to the editor.
import type { EditorView } from 'prosemirror-view';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
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

/** Where the menu opens: just below the editor's cursor, or above it when the page has no room below. */
function atCaret(view: EditorView | null): CSSProperties | undefined {
  if (view === null) return undefined;
  const caret = view.coordsAtPos(view.state.selection.head);
  const left = Math.max(0, Math.min(caret.left, window.innerWidth - 280));
  return window.innerHeight - caret.bottom >= MENU_ROOM
    ? { position: 'fixed', left, top: caret.bottom + 4 }
    : { position: 'fixed', left, bottom: window.innerHeight - caret.top + 4, top: 'auto' };
}

/** The height the menu needs below the cursor, in CSS pixels, unfiltered. */
const MENU_ROOM = 340;

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
  const menuRef = useRef<HTMLUListElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [filter, setFilter] = useState('');
  // Read as the menu opens only: the cursor does not move while it is open.
  const [position] = useState(() => atCaret(view));
  // Asked once as the menu opens: which inserts apply where the cursor is.
  const [enabled] = useState(() => (view === null ? [] : insertActions.map((action) => action.command(view.state))));
  const words = filter.trim().toLowerCase();
  const shown = [...insertActions.map((action) => action.label), MINUTE_REFERENCE]
    .map((label, index) => ({ label, index }))
    .filter(({ label }) => words === '' || label.toLowerCase().includes(words));

  useEffect(() => filterRef.current?.focus(), []);

  const close = () => {
    onOpenChange(false);
    view?.focus();
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

  const buttons = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];

  const onKeyDown = (event: KeyboardEvent) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      all[at === -1 ? (move === 1 ? 0 : all.length - 1) : (at + move + all.length) % all.length]?.focus();
    } else if ((event.key === 'Home' || event.key === 'End') && at !== -1) {
      event.preventDefault();
      (event.key === 'Home' ? all[0] : all.at(-1))?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    } else if (at !== -1 && event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // Typing on an entry goes on filtering.
      filterRef.current?.focus();
    }
  };

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = shown.find(({ index }) => index === insertActions.length || enabled[index] !== false);
    if (first !== undefined) run(first.index);
  };

  return (
    <div className="menu" style={position} onKeyDown={onKeyDown}>
      <input
        ref={filterRef}
        type="text"
        className="menu-filter"
        aria-label="Block to insert (type to filter, ? for shortcuts)"
        aria-controls={listId}
        placeholder="Type to filter…"
        value={filter}
        onKeyDown={onFilterKeyDown}
        onChange={(event) => {
          if (event.target.value === '?') {
            onOpenChange(false);
            onShortcuts();
            return;
          }
          setFilter(event.target.value);
        }}
      />
      <ul role="menu" aria-label="Insert block" id={listId} ref={menuRef}>
        {shown.map(({ label, index }) => (
          <li role="none" key={label}>
            <button type="button" role="menuitem" disabled={index < insertActions.length && enabled[index] === false} onClick={() => run(index)}>
              {label}
            </button>
          </li>
        ))}
        {shown.length === 0 && (
          <li role="none" className="hint">
            No block is called that
          </li>
        )}
      </ul>
    </div>
  );
}
