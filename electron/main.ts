// The Electron shell: one window on the app's own app:// origin, the contract wired to ipcMain, the
// application menu, native open and save dialogs, a single-instance lock that opens files given to a
// second start, a close that waits for the last save, and the session's security policy. The
// decisions — which files the origin serves, which permissions a page gets, which links may leave,
// what the menu holds, where the window opens, which files a command line names, when a close may go
// ahead — are pure modules under shell/ (tested without Electron); everything else lives in services/.
// Against the Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security):
// context isolation, sandbox and no Node in the renderer; a strict CSP sent as a header by the
// app:// handler; permissions denied; navigation, new windows and <webview> refused; links opened
// outside only after a confirmation naming them; IPC senders checked; no file:// page.
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { MENU_COMMAND_CHANNEL, channelNames } from '../shared/channels.js';
import type { CallResult, MenuMessage } from '../shared/contract.js';
import { IMPORTABLE_EXTENSIONS } from '../shared/import/importableFiles.js';
import { committeeNameWords } from '../shared/model/committeeNames.js';
import { chosenLibraryFolder } from './services/dataFolder.js';
import { dispatch, type PlatformServices } from './services/handlers.js';
import { LibrarySession } from './services/librarySession.js';
import { applicationMenuTemplate } from './shell/applicationMenu.js';
import { APP_INDEX_URL, APP_SCHEME, createAppProtocolHandler, isAppAddress } from './shell/appProtocol.js';
import { EXTERNAL_LINK_BUTTONS, EXTERNAL_LINK_OPEN, decideExternalLink } from './shell/externalLinks.js';
import { decidePermission } from './shell/permissions.js';
import { OpenedFiles, filesInArgv } from './shell/openedFiles.js';
import { STILL_SAVING, UnsavedChanges, decideClose, waitToClose } from './shell/quitGuard.js';
import { CHANNELS_CHANGING_RECENT, readRecent, recentEntries, recentMeetingsFile, withRecent, writeRecent } from './shell/recentMeetings.js';
import { readWindowState, windowStateFile, writeWindowState } from './shell/windowStateFile.js';

const rendererFolder = join(__dirname, '..', 'renderer');
/** The council's published minutes shipped to try Import… and to open as the sample library (build/electron-builder.yml extraResources). */
const sampleFolder = (): string => (app.isPackaged ? join(process.resourcesPath, 'sample-minutes') : join(__dirname, '..', '..', 'seeds'));
let mainWindow: BrowserWindow | null = null;
/** The open library (the clerk's, or the sample), once it is: File → Open Recent names its meetings. */
let librarySession: LibrarySession | null = null;
/** Files double-clicked or passed to a second start, waiting for the window to take them (files:take-opened). */
const openedFiles = new OpenedFiles();
/** What the window last said about changes not yet saved (window:unsaved). */
const unsavedChanges = new UnsavedChanges();
/** File → Open Recent, newest first (meeting ids). */
let recentMeetings: string[] = [];

// Before `ready`: app:// behaves as a web origin (standard: an origin and relative URLs; secure: as
// https, so 'self' and storage work), with no privilege to bypass the CSP and no service workers.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false, bypassCSP: false } },
]);

/** Only the top frame of our own page may call the node side. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppAddress(frame.url);
}

/** Electron's own printToPDF, in a hidden window that runs no script. */
async function printWithElectron(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    // The document's own @page (A4, its margins, the page numbers and running header in its margin boxes) decides the page.
    return new Uint8Array(await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true }));
  } finally {
    window.destroy();
  }
}

/**
 * A link the page tried to open (new window, middle or Ctrl+click, or a navigation, which is always
 * prevented): web and email addresses go to the clerk's browser or mail program after a dialog
 * naming the exact address; anything else is refused without asking (shell/externalLinks.ts).
 */
async function offerExternalLink(url: string, from: WebContents): Promise<void> {
  const decision = decideExternalLink(url);
  if (decision.kind === 'refuse') {
    console.warn(`[minute-book] a link was not opened (${decision.reason})`);
    return;
  }
  const owner = BrowserWindow.fromWebContents(from) ?? mainWindow;
  const options = {
    type: 'question' as const,
    buttons: [...EXTERNAL_LINK_BUTTONS],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: 'Open a link outside Minute Book',
    message: decision.message,
    detail: decision.detail,
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response === EXTERNAL_LINK_OPEN) await shell.openExternal(decision.address);
}

/**
 * Every web contents, the main window's and the hidden printing window's alike: no navigation away,
 * no new windows, no <webview>, and sub-frames (the export preview) kept on about:srcdoc or the app.
 */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    void offerExternalLink(url, contents);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (!isAppAddress(event.url)) void offerExternalLink(event.url, contents);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // handled by will-navigate
    if (event.url === 'about:srcdoc' || event.url === 'about:blank' || isAppAddress(event.url)) return;
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission, device and screen capture to every page (shell/permissions.ts). */
function denyPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(decidePermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, isAppAddress)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame }, isAppAddress),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

function sendMenuCommand(message: MenuMessage): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, message);
}

/** (Re)builds the application menu from the recent meetings as the library now names them. */
function refreshMenu(): void {
  const library = librarySession?.library.overview() ?? { committees: [], meetings: [] };
  const template = applicationMenuTemplate(
    { platform: process.platform, developing: !app.isPackaged, recent: recentEntries(recentMeetings, library) },
    {
      send: sendMenuCommand,
      // The folder of the library open now: the sample's while it is open.
      openLibraryFolder: () => {
        if (librarySession !== null) void shell.openPath(librarySession.library.folder);
      },
      openSampleFolder: () => void shell.openPath(sampleFolder()),
      clearRecent: () => rememberRecent([]),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function rememberRecent(recent: string[]): void {
  recentMeetings = recent;
  writeRecent(recentMeetingsFile(app.getPath('userData')), recent);
  refreshMenu();
}

/** Files given to the app (double-clicked, or passed to a second start): the window is told, and brought forward. */
function filesGiven(paths: readonly string[]): void {
  if (!openedFiles.add(paths) || mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  sendMenuCommand({ command: 'open-files' });
}

/**
 * Holds a close while the window has changes not yet saved (shell/quitGuard.ts): asks it to save, and
 * closes once it has, or when the clerk chooses Close Anyway after the wait. Quitting closes the
 * window, so it waits too.
 */
function guardClose(window: BrowserWindow, whenClosing: () => void): void {
  let waiting = false;
  let released = false;
  window.on('close', (event) => {
    const decision = decideClose({ unsaved: unsavedChanges.pending, waiting, released });
    if (decision === 'close') return whenClosing();
    event.preventDefault();
    if (decision === 'hold') return;
    waiting = true;
    window.webContents.send(MENU_COMMAND_CHANNEL, { command: 'save' } satisfies MenuMessage);
    void waitToClose(unsavedChanges, async () => (await dialog.showMessageBox(window, STILL_SAVING)).response).then(() => {
      waiting = false;
      released = true;
      window.close();
    });
  });
}

function createWindow(): BrowserWindow {
  const stateFile = windowStateFile(app.getPath('userData'));
  // The primary screen first: a window whose screen has gone opens on it.
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
  const { bounds, maximised } = readWindowState(stateFile, { width: 1280, height: 860 }, workAreas);
  const window = new BrowserWindow({
    ...bounds,
    title: 'Minute Book',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      // No auxclick events: a middle click cannot be scripted into opening anything (the window-open
      // handler would still ask first). Electronegativity's AUXCLICK_JS_CHECK.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (maximised) window.maximize();
    window.show();
  });
  // A page gone (crashed, or loaded afresh) has no save still to come.
  window.webContents.on('render-process-gone', () => unsavedChanges.report(false));
  window.webContents.on('did-navigate', () => unsavedChanges.report(false));
  // Remembered as it closes (once the close is let go ahead, i.e. after the last save).
  guardClose(window, () => writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximised: window.isMaximized() }));
  void window.loadURL(APP_INDEX_URL);
  return window;
}

async function start(): Promise<void> {
  const folder = chosenLibraryFolder(process.argv) ?? app.getPath('userData');
  denyPermissions();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererFolder));
  recentMeetings = readRecent(recentMeetingsFile(app.getPath('userData')));
  openedFiles.add(filesInArgv(process.argv, { packaged: app.isPackaged, workingFolder: process.cwd() }));
  app.setAboutPanelOptions({ applicationName: 'Minute Book', applicationVersion: app.getVersion(), copyright: 'Minute Book contributors' });
  const platform: PlatformServices = {
    printPdf: printWithElectron,
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
      const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return choice.canceled || choice.filePath === undefined ? null : choice.filePath;
    },
    chooseFilesToImport: async () => {
      const options = {
        title: 'Import Minutes',
        buttonLabel: 'Import',
        defaultPath: app.getPath('documents'),
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [
          { name: 'Minutes and archives', extensions: [...IMPORTABLE_EXTENSIONS] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? [] : choice.filePaths;
    },
    takeOpenedFiles: () => openedFiles.take(),
    reportUnsaved: (unsaved) => unsavedChanges.report(unsaved),
    sampleFolder: sampleFolder(),
    // A worker's script is loaded from a real file: in the packaged app it is unpacked beside the asar (electron-builder.yml).
    importReaders: { file: join(__dirname, 'importWorker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1') },
  };
  const opened = await LibrarySession.open(folder, platform);
  librarySession = opened;
  // The library closes only once every window has gone: a window closing waits for its last save
  // (the renderer refuses the close until the save is on disk), so before-quit would be too early.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void opened.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  // British spelling, with the committees' names known (added each start; a committee added since is known from the next).
  session.defaultSession.setSpellCheckerLanguages(['en-GB']);
  for (const word of committeeNameWords(opened.library.overview().committees)) session.defaultSession.addWordToSpellCheckerDictionary(word);
  const handlers = opened.handlers;
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not come from the Minute Book window.' } };
      const result = await dispatch(handlers, channel, input);
      // A meeting opened or created goes to the top of File → Open Recent.
      if ((channel === 'meetings:load' || channel === 'meetings:create') && result.ok && !opened.library.overview().sample) rememberRecent(withRecent(recentMeetings, (result.value as { id: string }).id));
      // A meeting binned (or brought back) leaves Open Recent (or comes back to it) at once.
      else if (CHANNELS_CHANGING_RECENT.has(channel) && result.ok) refreshMenu();
      return result;
    });
  }
  refreshMenu();
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
}

// British English wherever Chromium follows the locale (its own controls, Accept-Language, the
// spell-checker's default), whatever the computer is set to. Dates and times are Minute Book's own
// fields anyway (renderer/src/common/enteredField.ts).
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  // A second start (a file double-clicked while Minute Book is open) hands its files to this one and exits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    filesGiven(filesInArgv(argv, { packaged: app.isPackaged, workingFolder: workingDirectory }));
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS gives a double-clicked file this way (before `ready` too, for the file that started the app).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    filesGiven([path]);
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
