// Preferences kept on this computer: the window's theme, shown as soon as it is chosen.
import { useId, useState } from 'react';
import { readTheme, showTheme, themeNames, themes, type Theme } from '../common/theme.js';
import { Modal } from '../common/Modal.js';

export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const [theme, setTheme] = useState<Theme>(() => readTheme());
  const name = useId();
  const choose = (next: Theme) => {
    setTheme(next);
    showTheme(next);
  };
  return (
    <Modal title="Preferences" onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          onClose();
        }}
      >
        <fieldset className="theme-choices">
          <legend>Theme</legend>
          {themes.map((choice) => (
            <label key={choice}>
              <input type="radio" name={name} value={choice} checked={theme === choice} onChange={() => choose(choice)} />
              {themeNames[choice]}
            </label>
          ))}
        </fieldset>
        <div className="dialog-buttons">
          <button type="submit" className="primary">
            Done
          </button>
        </div>
      </form>
    </Modal>
  );
}
