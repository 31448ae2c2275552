// The desktop shell: a secure window, the contract over IPC, the menu, the single-instance lock.
// Runs where an Electron binary exists (e.g. after `node node_modules/electron/install.js`, or with
// ELECTRON_PATH set); elsewhere every test here is reported as skipped, never as passed.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../scripts/electronBinary.mjs';
import { createCommittee, createMeeting } from '../e2e/clerk.js';

const binary = electronBinary();
const appFolder = join(import.meta.dirname, '..', '..');
if (binary === null) console.log('skipped: no Electron binary on this machine, so the Electron-only tests did not run.');
test.skip(binary === null, 'skipped: no Electron binary');

/** A council's published minutes, as a clerk would double-click them. */
const seedMinutes = join(appFolder, 'seeds', '000_f89e8ca412644775.txt');

/** Runs `body` against the app started on a fresh library (with `files` on its command line), and always closes it. */
async function withApp(body: (app: ElectronApplication, page: Page, libraryFolder: string) => Promise<void>, files: string[] = []): Promise<void> {
  const libraryFolder = await mkdtemp(join(tmpdir(), 'minute-book-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [appFolder, '--library', libraryFolder, ...files] });
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
    const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((menu) => menu.label.replace('&', '')));
    expect(menus).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    const labels = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()!.items.flatMap((menu) => menu.submenu?.items.map((item) => item.label || item.role) ?? []),
    );
    expect(labels).toEqual(
      expect.arrayContaining(['New Meeting…', 'Open Recent', 'Import…', 'Export…', 'Print…', 'Undo', 'Redo', 'Find…', 'Replace…', 'Paste as Plain Text', 'Side by Side', 'Zoom In', 'Theme', 'Keyboard Shortcuts', 'Open the Library Folder']),
    );
  }));

test('a menu command reaches the window: File → New Meeting… opens its dialog', () =>
  withApp(async (app, page) => {
    await expect(page.getByRole('heading', { name: 'Minute Book' })).toBeVisible();
    await app.evaluate(({ Menu, BrowserWindow }) => {
      const item = Menu.getApplicationMenu()!.items.flatMap((menu) => menu.submenu?.items ?? []).find((candidate) => candidate.label === 'New Meeting…')!;
      item.click(undefined, BrowserWindow.getAllWindows()[0], undefined as never);
    });
    await expect(page.getByRole('dialog', { name: 'New meeting' })).toBeVisible();
  }));

test('a meeting created goes into File → Open Recent, named by its committee and date, and opens from there', () =>
  withApp(async (app, page) => {
    await createCommittee(page, { name: 'Planning Committee', council: 'Coventry City Council', contactName: 'Michelle Rose' });
    await createMeeting(page, 'Planning Committee', { date: '2017-07-13', startTime: '14:00' });
    const recent = () =>
      app.evaluate(({ Menu }) => {
        const file = Menu.getApplicationMenu()!.items.find((menu) => menu.label.replace('&', '') === 'File')!;
        return file.submenu!.items.find((item) => item.label === 'Open Recent')!.submenu!.items.map((item) => item.label);
      });
    await expect.poll(recent).toEqual(['&1 Planning Committee — Thursday 13 July 2017', '', 'Clear Menu']);
  }));

test('a file on the command line (double-clicked) is offered to import', () =>
  withApp(async (_app, page) => {
    await expect(page.getByRole('dialog', { name: 'Import minutes' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Import minutes' })).toContainText('000_f89e8ca412644775.txt');
  }, [seedMinutes]));

test('a file given to a second start goes to the first window, which is offered it to import', () =>
  withApp(async (_app, page, libraryFolder) => {
    await expect(page.getByRole('heading', { name: 'Minute Book' })).toBeVisible();
    const second = spawnSync(binary!, [appFolder, '--library', libraryFolder, seedMinutes], { timeout: 20_000 });
    expect(second.status).toBe(0);
    await expect(page.getByRole('dialog', { name: 'Import minutes' })).toContainText('000_f89e8ca412644775.txt');
  }));

test('closing waits while the window reports unsaved changes, and closes once they are saved', () =>
  withApp(async (app, page) => {
    await page.evaluate(() => window.minuteBook!.invoke('window:unsaved', { unsaved: true }));
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await page.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    const closed = app.waitForEvent('close');
    await page.evaluate(() => window.minuteBook!.invoke('window:unsaved', { unsaved: false }));
    await closed;
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
