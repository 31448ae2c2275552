// The keyboard shortcuts sheet (F1, or "?" in the insert menu), read from the keymaps themselves
// (shortcuts.ts and the editor's keymap), so it lists exactly what the keys do.
import { Modal } from '../common/Modal.js';
import { editorKeys } from './editorSetup.js';
import { findBarKeys, meetingKeys, shownKey, type Shortcut } from './shortcuts.js';

/** Keys that do the same thing share a row: "Ctrl+Y or Ctrl+Shift+Z  Redo". */
function rows(shortcuts: readonly Shortcut[]): { keys: string[]; does: string }[] {
  const byDoes = new Map<string, string[]>();
  for (const { key, does } of shortcuts) byDoes.set(does, [...(byDoes.get(does) ?? []), key]);
  return [...byDoes].map(([does, keys]) => ({ does, keys }));
}

function Section({ heading, shortcuts }: { heading: string; shortcuts: readonly Shortcut[] }) {
  return (
    <table className="shortcuts">
      <caption>{heading}</caption>
      <thead>
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">What they do</th>
        </tr>
      </thead>
      <tbody>
        {rows(shortcuts).map(({ keys, does }) => (
          <tr key={does}>
            <td>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{shownKey(key)}</kbd>
                </span>
              ))}
            </td>
            <td>{does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The sheet; `afterClose` says where focus goes once it has gone (by default back to what opened it). */
export function ShortcutsSheet({ onClose, afterClose }: { onClose: () => void; afterClose?: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} afterClose={afterClose}>
      {/* Scrolls when the window is small: focusable, so the keyboard can scroll it. */}
      <div className="shortcuts-sheet" role="region" aria-label="Shortcuts" tabIndex={0}>
        <Section heading="Anywhere in a meeting" shortcuts={Object.values(meetingKeys)} />
        <Section heading="In the minutes" shortcuts={editorKeys} />
        <Section heading="Find and block controls" shortcuts={findBarKeys} />
      </div>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
