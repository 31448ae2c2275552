// The window's look: light, dark or high contrast, or whatever the system is set to (the default).
// Kept in this computer's browser storage, not the library folder: it is how this clerk reads the
// screen, not part of the committee's record.

export const themes = ['system', 'light', 'dark', 'contrast'] as const;
export type Theme = (typeof themes)[number];

/** How each choice is offered in Preferences. */
export const themeNames: Record<Theme, string> = {
  system: 'As the system is set (light or dark)',
  light: 'Light',
  dark: 'Dark',
  contrast: 'High contrast',
};

const THEME_KEY = 'minute-book:theme';

const isTheme = (value: unknown): value is Theme => typeof value === 'string' && (themes as readonly string[]).includes(value);

/** The theme chosen on this computer; 'system' when none is (or storage holds something else). */
export function readTheme(storage: Pick<Storage, 'getItem'> = localStorage): Theme {
  const kept = storage.getItem(THEME_KEY);
  return isTheme(kept) ? kept : 'system';
}

/**
 * Shows the window in `theme` (styles.css reads data-theme on the root element; without it the system's
 * prefers-color-scheme and forced-colors decide) and keeps the choice for the next start.
 */
export function showTheme(theme: Theme, storage: Pick<Storage, 'setItem'> | null = localStorage): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  storage?.setItem(THEME_KEY, theme);
}
