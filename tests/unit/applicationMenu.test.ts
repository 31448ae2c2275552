// The application menu: what each menu holds on each platform, what its items send the window, and
// the recent meetings it lists.
import { describe, expect, it, vi } from 'vitest';
import { MenuMessage, menuCommands } from '../../shared/contract.js';
import { pressed, replaceKeyFor } from '../../renderer/src/editor/shortcuts.js';
import { applicationMenuTemplate, type MenuEffects, type MenuItemConstructorOptions, type MenuState } from '../../electron/shell/applicationMenu.js';

const state = (overrides: Partial<MenuState> = {}): MenuState => ({ platform: 'win32', developing: false, recent: [], ...overrides });

function effects(): MenuEffects & { sent: MenuMessage[] } {
  const sent: MenuMessage[] = [];
  return { sent, send: (message) => sent.push(message), openLibraryFolder: vi.fn(), openSampleFolder: vi.fn(), clearRecent: vi.fn() };
}

const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...items(item.submenu ?? [])]);
const menu = (template: MenuItemConstructorOptions[], label: string) => template.find((item) => item.label?.replace('&', '') === label)!.submenu!;
const names = (submenu: MenuItemConstructorOptions[]) => submenu.filter((item) => item.type !== 'separator').map((item) => item.label ?? item.role);

describe('the application menu', () => {
  it('has File, Edit, View and Help with what the clerk needs, on Windows and Linux', () => {
    const template = applicationMenuTemplate(state(), effects());
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(names(menu(template, 'File'))).toEqual(['New Meeting…', 'Open Recent', 'Import…', 'Export…', 'Print…', 'Save', 'Close', 'Exit']);
    expect(names(menu(template, 'Edit'))).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'Paste as Plain Text', 'selectAll', 'Find…', 'Replace…']);
    expect(names(menu(template, 'View'))).toEqual(['Side by Side', 'Compare With…', 'Actual Size', 'Zoom In', 'Zoom Out', 'Theme', 'togglefullscreen']);
    expect(names(menu(template, 'Help'))).toEqual(['Keyboard Shortcuts', 'Open the Library Folder', 'Open the Sample Minutes Folder', 'About Minute Book']);
    expect(menu(template, 'Edit').find((item) => item.label === 'Paste as Plain Text')?.role).toBe('pasteAndMatchStyle');
  });

  it('offers every theme Preferences does, High Contrast among them', () => {
    const theme = menu(applicationMenuTemplate(state(), effects()), 'View').find((item) => item.label === 'Theme')!.submenu!;
    expect(names(theme)).toEqual(['Light', 'Dark', 'High Contrast', 'As the Computer Is Set']);
  });

  it('gives Replace the same keys in the menu and in the window: Ctrl+H, but Cmd+Alt+F on a Mac, where Cmd+H hides the app', () => {
    const replaceIn = (platform: 'win32' | 'darwin') => items(applicationMenuTemplate(state({ platform }), effects())).find((item) => item.label === 'Replace…')?.accelerator;
    const asAccelerator = (key: string, mac: boolean) => key.split('-').map((part) => (part === 'Mod' ? (mac ? 'Cmd' : 'Ctrl') : part.length === 1 ? part.toUpperCase() : part)).join('+');
    expect(replaceIn('darwin')).toBe(asAccelerator(replaceKeyFor(true), true));
    expect(replaceIn('win32')).toBe(asAccelerator(replaceKeyFor(false), false));
    expect(replaceIn('darwin')).not.toMatch(/^Cmd\+H$/);
    // Option+F types "ƒ" on a Mac: the key is known by where it is.
    expect(pressed({ key: 'ƒ', code: 'KeyF', ctrlKey: true, altKey: true, shiftKey: false, metaKey: false }, 'Mod-Alt-f')).toBe(true);
    expect(pressed({ key: 'ƒ', code: 'KeyF', ctrlKey: true, altKey: false, shiftKey: false, metaKey: false }, 'Mod-f')).toBe(false);
  });

  it('puts About and Quit in the application’s own menu on macOS, as macOS does', () => {
    const template = applicationMenuTemplate(state({ platform: 'darwin' }), effects());
    expect(template.map((item) => item.label)).toEqual(['Minute Book', '&File', '&Edit', '&View', '&Help']);
    expect(template[0]!.submenu!.map((item) => item.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(names(menu(template, 'File'))).not.toContain('Exit');
    expect(names(menu(template, 'Help'))).not.toContain('About Minute Book');
    expect(items(template).find((item) => item.label === 'Redo')?.accelerator).toBe('Cmd+Shift+Z');
  });

  it('sends every command the window carries out, each a valid message, from one item each', () => {
    const actions = effects();
    const template = applicationMenuTemplate(state({ recent: [{ meetingId: '6f1c2b1e-8a7d-4c1e-9f3a-2b5d7e9c1a01', label: 'Planning Committee — Thursday 13 July 2017' }] }), actions);
    for (const item of items(template)) item.click?.();
    for (const message of actions.sent) expect(MenuMessage.parse(message)).toEqual(message);
    const sent = actions.sent.map((message) => message.command);
    expect(new Set(sent).size).toBe(sent.length);
    // 'open-files' is sent by the main process when a file is given to the app, not by an item.
    expect([...sent].sort()).toEqual(menuCommands.filter((command) => command !== 'open-files').sort());
    expect(actions.openLibraryFolder).toHaveBeenCalledOnce();
    expect(actions.openSampleFolder).toHaveBeenCalledOnce();
  });

  it('gives each shortcut to one item, and leaves the editor’s own (bold, italic, the insert menu) to it', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const accelerators = items(applicationMenuTemplate(state({ platform }), effects())).flatMap((item) => (item.accelerator === undefined ? [] : [item.accelerator]));
      expect(new Set(accelerators).size).toBe(accelerators.length);
      expect(accelerators).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(CmdOrCtrl|Ctrl|Cmd)\+(B|I|\/)$/)]));
    }
    const template = applicationMenuTemplate(state(), effects());
    expect(Object.fromEntries(items(template).filter((item) => item.accelerator).map((item) => [item.label, item.accelerator]))).toMatchObject({
      'New Meeting…': 'CmdOrCtrl+N',
      'Import…': 'CmdOrCtrl+O',
      'Print…': 'CmdOrCtrl+P',
      Save: 'CmdOrCtrl+S',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'Ctrl+Y',
      'Find…': 'CmdOrCtrl+F',
      'Replace…': 'Ctrl+H',
      'Keyboard Shortcuts': 'F1',
    });
  });

  it('lists recent meetings newest first, numbered, with an ampersand shown as one, and can clear them', () => {
    const actions = effects();
    const recent = [
      { meetingId: '6f1c2b1e-8a7d-4c1e-9f3a-2b5d7e9c1a01', label: 'Health & Wellbeing Board — Thursday 13 July 2017' },
      { meetingId: '6f1c2b1e-8a7d-4c1e-9f3a-2b5d7e9c1a02', label: 'Cabinet — Tuesday 11 July 2017' },
    ];
    const openRecent = menu(menu(applicationMenuTemplate(state({ recent }), actions), 'File'), 'Open Recent');
    expect(openRecent.map((item) => item.label ?? item.type)).toEqual(['&1 Health && Wellbeing Board — Thursday 13 July 2017', '&2 Cabinet — Tuesday 11 July 2017', 'separator', 'Clear Menu']);
    openRecent[1]!.click!();
    expect(actions.sent).toEqual([{ command: 'open-recent', meetingId: recent[1]!.meetingId }]);
    openRecent[3]!.click!();
    expect(actions.clearRecent).toHaveBeenCalledOnce();
  });

  it('says when there are no recent meetings, with nothing to clear', () => {
    const openRecent = menu(menu(applicationMenuTemplate(state(), effects()), 'File'), 'Open Recent');
    expect(openRecent).toEqual([{ label: 'No Recent Meetings', enabled: false }, { type: 'separator' }, expect.objectContaining({ label: 'Clear Menu', enabled: false })]);
  });

  it('has Develop only in a development build', () => {
    expect(applicationMenuTemplate(state(), effects()).map((item) => item.label)).not.toContain('Develop');
    expect(applicationMenuTemplate(state({ developing: true }), effects()).at(-1)).toEqual({ label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  });
});

describe('MenuMessage', () => {
  it('takes known commands, and Open Recent only with a meeting id', () => {
    expect(MenuMessage.safeParse({ command: 'find' }).success).toBe(true);
    expect(MenuMessage.safeParse({ command: 'open-recent', meetingId: '6f1c2b1e-8a7d-4c1e-9f3a-2b5d7e9c1a01' }).success).toBe(true);
    expect(MenuMessage.safeParse({ command: 'open-recent' }).success).toBe(false);
    expect(MenuMessage.safeParse({ command: 'open-recent', meetingId: '../../etc/passwd' }).success).toBe(false);
    expect(MenuMessage.safeParse({ command: 'format-disk' }).success).toBe(false);
    expect(MenuMessage.safeParse('find').success).toBe(false);
  });
});
