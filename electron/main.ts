// The Electron shell: one window, the contract wired to ipcMain, the application menu and a
// single-instance lock. Everything else lives in modules that run without Electron (services/).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, channelNames, type MenuCommand } from '../shared/channels.js';
import { committeeNameWords } from '../shared/model/committeeNames.js';
import { chosenLibraryFolder } from './services/dataFolder.js';
import { createHandlers, dispatch, type PlatformServices } from './services/handlers.js';
import { LibrarySearch } from './services/librarySearch.js';
import { MeetingLibrary } from './services/meetingLibrary.js';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let mainWindow: BrowserWindow | null = null;

/** Only the top frame of our own page may call the node side. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && frame.url.split('#')[0] === rendererUrl;
}

/** Electron's own printToPDF, in a hidden window that runs no script. */
async function printWithElectron(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true } });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return new Uint8Array(await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
  } finally {
    window.destroy();
  }
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Meeting…', accelerator: 'CmdOrCtrl+N', click: () => sendMenuCommand('new-meeting') },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => sendMenuCommand('import') },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => sendMenuCommand('save') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The editor keeps its own history, so Undo and Redo go to it rather than to Chromium's.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => sendMenuCommand('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => sendMenuCommand('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
  ];
  if (!app.isPackaged) template.push({ label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  return Menu.buildFromTemplate(template);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Minute Book',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Links in minutes open in the clerk's browser; the window itself never navigates away.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:') || url.startsWith('http:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadFile(rendererIndex);
  return window;
}

async function start(): Promise<void> {
  const folder = chosenLibraryFolder(process.argv) ?? app.getPath('userData');
  const library = await MeetingLibrary.open({ folder, checkSignedInBackground: true });
  const search = new LibrarySearch(library);
  // Quitting stops any rebuild of the search index and closes its database, then lets the library go.
  app.on('before-quit', () => void search.close().finally(() => library.close()));
  const platform: PlatformServices = {
    printPdf: printWithElectron,
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
      const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return choice.canceled || choice.filePath === undefined ? null : choice.filePath;
    },
  };
  // British spelling, with the committees' names known (added each start; a committee added since is known from the next).
  session.defaultSession.setSpellCheckerLanguages(['en-GB']);
  for (const word of committeeNameWords(library.overview().committees)) session.defaultSession.addWordToSpellCheckerDictionary(word);
  const handlers = createHandlers(library, platform, search);
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event)
        ? dispatch(handlers, channel, input)
        : { ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not come from the Minute Book window.' } },
    );
  }
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
}

// British English wherever Chromium follows the locale (its own controls, Accept-Language, the
// spell-checker's default), whatever the computer is set to. Dates and times are Minute Book's own
// fields anyway (renderer/src/common/enteredField.ts).
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Minute Book could not start', `${reason}\n\nStart Minute Book again. If this happens again, tell whoever looks after Minute Book what this says.`);
      app.exit(1);
    });
}
