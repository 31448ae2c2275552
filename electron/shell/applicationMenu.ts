// The application menu, as a template built from what the menu shows (the recent meetings, the
// platform, a development build): Electron's Menu.buildFromTemplate makes it in main.ts. The commands
// the window carries out go to it as MenuMessages; Chromium's own (cut, copy, paste, zoom, close) are
// Electron roles. No Electron import (MenuItem below is the part of Electron's MenuItemConstructorOptions
// used here, which main.ts passes to Electron); tested in tests/unit/applicationMenu.test.ts.
import type { MenuMessage } from '../../shared/contract.js';

/** Electron's own menu items used here (Electron's MenuItemConstructorOptions['role']). */
type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle'
  | 'selectAll' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'help' | 'reload' | 'toggleDevTools';

/** One item of the template: a subset of Electron's MenuItemConstructorOptions, which it is assignable to. */
export interface MenuItemConstructorOptions {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItemConstructorOptions[];
}

/** A meeting in File → Open Recent: its id and how the menu names it (recentMeetings.ts). */
export interface RecentEntry {
  meetingId: string;
  label: string;
}

/** What the menu shows. */
export interface MenuState {
  platform: NodeJS.Platform;
  /** A development build also has Develop (reload, developer tools). */
  developing: boolean;
  /** Newest first, at most the list's length (recentMeetings.ts). */
  recent: readonly RecentEntry[];
}

/** What the menu's items do on the node side. */
export interface MenuEffects {
  /** Sends a command to the window (main.ts: webContents.send on MENU_COMMAND_CHANNEL). */
  send(message: MenuMessage): void;
  openLibraryFolder(): void;
  openSampleFolder(): void;
  clearRecent(): void;
}

/** An item that sends `message` to the window. */
const sender =
  (send: MenuEffects['send']) =>
  (label: string, message: MenuMessage, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => send(message),
  });

/** File → Open Recent: the meetings newest first, numbered for the keyboard, then Clear Menu. */
function openRecent(recent: readonly RecentEntry[], actions: MenuEffects): MenuItemConstructorOptions {
  const entries: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No Recent Meetings', enabled: false }]
      : recent.map((entry, index) => ({
          // "&" would make the next letter an access key on Windows and Linux: the label is shown as given.
          label: `${index < 9 ? `&${index + 1} ` : ''}${entry.label.replaceAll('&', '&&')}`,
          click: () => actions.send({ command: 'open-recent', meetingId: entry.meetingId }),
        }));
  return {
    label: 'Open Recent',
    submenu: [...entries, { type: 'separator' }, { label: 'Clear Menu', enabled: recent.length > 0, click: () => actions.clearRecent() }],
  };
}

/**
 * The menu for `state`: File, Edit, View and Help (after the application's own menu on macOS, and
 * with Develop in a development build). Each item's accelerator is the one Word and the platform use
 * where there is one; Ctrl+B, Ctrl+I and Ctrl+/ are left to the editor.
 */
export function applicationMenuTemplate(state: MenuState, actions: MenuEffects): MenuItemConstructorOptions[] {
  const command = sender((message) => actions.send(message));
  const mac = state.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Minute Book',
      submenu: [{ role: 'about', label: 'About Minute Book' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        command('New Meeting…', { command: 'new-meeting' }, 'CmdOrCtrl+N'),
        openRecent(state.recent, actions),
        { type: 'separator' },
        command('Import…', { command: 'import' }, 'CmdOrCtrl+O'),
        command('Export…', { command: 'export' }, 'CmdOrCtrl+E'),
        command('Print…', { command: 'print' }, 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('Save', { command: 'save' }, 'CmdOrCtrl+S'),
        { type: 'separator' },
        { role: 'close', label: 'Close' },
        ...(mac ? [] : [{ role: 'quit', label: 'Exit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // The editor keeps its own history, so Undo and Redo go to it rather than to Chromium's.
        command('Undo', { command: 'undo' }, 'CmdOrCtrl+Z'),
        command('Redo', { command: 'redo' }, mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        // Text from Word or a web page without its formatting: what minutes usually want.
        { role: 'pasteAndMatchStyle', label: 'Paste as Plain Text' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Find…', { command: 'find' }, 'CmdOrCtrl+F'),
        command('Replace…', { command: 'replace' }, mac ? 'Cmd+Alt+F' : 'Ctrl+H'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Side by Side', { command: 'toggle-side-by-side' }, 'CmdOrCtrl+Shift+B'),
        command('Compare With…', { command: 'compare' }),
        { type: 'separator' },
        { role: 'resetZoom', label: 'Actual Size' },
        { role: 'zoomIn', label: 'Zoom In' },
        { role: 'zoomOut', label: 'Zoom Out' },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [command('Light', { command: 'theme:light' }), command('Dark', { command: 'theme:dark' }), command('High Contrast', { command: 'theme:contrast' }), command('As the Computer Is Set', { command: 'theme:system' })],
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        command('Keyboard Shortcuts', { command: 'shortcuts' }, 'F1'),
        { type: 'separator' },
        { label: 'Open the Library Folder', click: () => actions.openLibraryFolder() },
        // The council's published minutes the app was built from, shipped to try Import… on.
        { label: 'Open the Sample Minutes Folder', click: () => actions.openSampleFolder() },
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about', label: 'About Minute Book' } as const]),
      ],
    },
  );
  if (state.developing) template.push({ label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  return template;
}
