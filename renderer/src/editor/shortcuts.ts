// Every keyboard shortcut of a meeting in one place: the editor's keymap is built from `editorKeys`,
// the meeting's window-wide keys are matched with `pressed`, and the shortcuts sheet (F1) lists both,
// so the sheet cannot say something the keys do not do.
import type { Command } from 'prosemirror-state';

/** A key in ProseMirror's notation ("Mod-Shift-Enter", "F1"), with what it does in the clerk's words. */
export interface Shortcut {
  key: string;
  does: string;
}

/** A key of the editor's keymap and the command it runs. */
export interface EditorKey extends Shortcut {
  command: Command;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform);

/**
 * Find and replace: Ctrl+H as in Word, but Cmd+Alt+F on a Mac (as the Edit menu gives it,
 * electron/shell/applicationMenu.ts), where Cmd+H hides the app.
 */
export const replaceKeyFor = (mac: boolean): string => (mac ? 'Mod-Alt-f' : 'Mod-h');

/** The meeting's keys that work from anywhere in it, not only in the minutes. */
export const meetingKeys = {
  shortcuts: { key: 'F1', does: 'Show these keyboard shortcuts' },
  insert: { key: 'Mod-/', does: 'Insert a block at the cursor (type to filter; “?” shows these shortcuts)' },
  find: { key: 'Mod-f', does: 'Find in this meeting' },
  replace: { key: replaceKeyFor(isMac), does: 'Find and replace in this meeting' },
  live: { key: 'Mod-Shift-l', does: 'Start or end live capture' },
  back: { key: 'Alt-ArrowLeft', does: 'Back to where you were before following a reference or a search result' },
  forward: { key: 'Alt-ArrowRight', does: 'Forward again' },
  regions: { key: 'F6', does: 'Move between the library, the meeting and the item panel' },
} as const satisfies Record<string, Shortcut>;

/** The keys of the find bar, shown on the sheet with the rest. */
export const findBarKeys: readonly Shortcut[] = [
  { key: 'Enter', does: 'In the find bar: the next match' },
  { key: 'Shift-Enter', does: 'In the find bar: the previous match' },
  { key: 'Escape', does: 'Close the find bar (or leave a block’s controls) and go back to the cursor' },
];

/**
 * Whether a keydown is `key` (ProseMirror's notation: modifiers "Mod", "Ctrl", "Alt", "Shift" joined
 * with "-", then the key as KeyboardEvent.key, letters in lower case). "Mod" is Cmd on a Mac, Ctrl elsewhere.
 */
export function pressed(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'> & { code?: string }, key: string): boolean {
  const parts = key.split('-');
  const name = parts.pop() ?? '';
  const wants = new Set(parts.map((part) => (part === 'Mod' ? (isMac ? 'Meta' : 'Ctrl') : part)));
  // With Alt (Option) a Mac types another character ("ƒ" for F): the key's place on the keyboard says which it is.
  const sameLetter = (letter: string) => event.key.toLowerCase() === letter.toLowerCase() || (wants.has('Alt') && event.code === `Key${letter.toUpperCase()}`);
  const sameKey = name.length === 1 ? sameLetter(name) : event.key === name;
  return sameKey && wants.has('Ctrl') === event.ctrlKey && wants.has('Alt') === event.altKey && wants.has('Shift') === event.shiftKey && wants.has('Meta') === event.metaKey;
}

const keyNames: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', '.': '.', '/': '/' };

/** A key as printed on the sheet and in tooltips: "Ctrl+Shift+Enter", "Alt+←". */
export function shownKey(key: string): string {
  const parts = key.split('-');
  const name = parts.pop() ?? '';
  const modifiers = parts.map((part) => (part === 'Mod' ? (isMac ? 'Cmd' : 'Ctrl') : part));
  const shown = keyNames[name] ?? (name.length === 1 ? name.toUpperCase() : name);
  return [...modifiers, shown].join('+');
}

/** A key as aria-keyshortcuts names it: "Control+Shift+Enter". */
export function ariaKey(key: string): string {
  return shownKey(key).replace(/^Ctrl\b/, 'Control').replace(/^Cmd\b/, 'Meta').replace('←', 'ArrowLeft').replace('→', 'ArrowRight').replace('Esc', 'Escape');
}
