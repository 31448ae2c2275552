// The desktop shell: a secure window, the contract over IPC, the menu, the single-instance lock.
// Runs where an Electron binary exists (e.g. after `node node_modules/electron/install.js`, or with
// ELECTRON_PATH set); elsewhere every test here is reported as skipped, never as passed.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../scripts/electronBinary.mjs';

const binary = electronBinary();
const appFolder = join(import.meta.dirname, '..', '..');
if (binary === null) console.log('skipped: no Electron binary on this machine, so the Electron-only tests did not run.');
test.skip(binary === null, 'skipped: no Electron binary');

/** Runs `body` against the app started on a fresh library, and always closes it. */
async function withApp(body: (app: ElectronApplication, page: Page, libraryFolder: string) => Promise<void>): Promise<void> {
  const libraryFolder = await mkdtemp(join(tmpdir(), 'minute-book-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [appFolder, '--library', libraryFolder] });
  try {
    await body(app, await app.firstWindow(), libraryFolder);
  } finally {
    await app.close();
    await rm(libraryFolder, { recursive: true, force: true });
  }
}

test('opens a sandboxed window that reaches the library only through the contract', () =>
  withApp(async (_app, page, libraryFolder) => {
    await expect(page).toHaveTitle('Minute Book');
    const exposed = await page.evaluate(() => ({
      bridge: Object.keys(window.minuteBook ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ bridge: ['invoke', 'onMenuCommand'], require: 'undefined', process: 'undefined' });
    const refused = await page.evaluate(() => window.minuteBook!.invoke('fs:read' as never, {}).catch((error: Error) => error.message));
    expect(String(refused)).toContain('Unknown call');
    const library = await page.evaluate(() => window.minuteBook!.invoke('library:open', {}));
    expect(library).toMatchObject({ ok: true, value: { folder: libraryFolder, committees: [] } });
  }));

test('the application menu offers File, Edit, View and Help with their commands', () =>
  withApp(async (app) => {
    const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((menu) => menu.label));
    expect(menus).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    const labels = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()!.items.flatMap((menu) => menu.submenu?.items.map((item) => item.label || item.role) ?? []),
    );
    expect(labels).toEqual(
      expect.arrayContaining(['New Meeting…', 'Import…', 'Save', 'Export…', 'Undo', 'Redo', 'Paste as Plain Text', 'Compare With…', 'Open the Library Folder']),
    );
  }));

test('the window is the app:// origin with its strict policy, and cannot read local files', () =>
  withApp(async (_app, page) => {
    expect(page.url()).toBe('app://minute-book/index.html');
    const answer = await page.evaluate(async () => {
      const own = await fetch('app://minute-book/index.html');
      const file = await fetch('file:///etc/hostname').then(
        () => 'read',
        () => 'refused',
      );
      const outside = await fetch('app://minute-book/..%2f..%2fpackage.json').then((response) => response.status);
      return { policy: own.headers.get('content-security-policy'), file, outside };
    });
    expect(answer.policy).toContain("default-src 'none'");
    expect(answer.file).toBe('refused');
    expect(answer.outside).toBe(404);
  }));

test('every permission is denied to the page', () =>
  withApp(async (_app, page) => {
    const answers = await page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      camera: await navigator.mediaDevices.getUserMedia({ video: true }).then(
        () => 'granted',
        (error: Error) => error.name,
      ),
    }));
    expect(answers).toEqual({ notifications: 'denied', geolocation: 'denied', camera: 'NotAllowedError' });
  }));

test('a second instance hands over to the first and exits', () =>
  withApp(async (_app, _page, libraryFolder) => {
    const second = spawnSync(binary!, [appFolder, '--library', libraryFolder], { timeout: 20_000 });
    expect(second.status).toBe(0);
  }));
