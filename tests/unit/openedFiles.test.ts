// Files given to the desktop app: found on a command line, read for the window within bounds, taken once.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/import/detectForm.js';
import { OpenedFiles, filesInArgv, readFilesToSend } from '../../electron/shell/openedFiles.js';
import { removeTestFolder } from './builders.js';

describe('filesInArgv', () => {
  it('finds a double-clicked file on a packaged app’s command line (Windows, Linux)', () => {
    expect(filesInArgv(['C:\\Program Files\\Minute Book\\Minute Book.exe', 'C:\\Users\\clerk\\Downloads\\planning-2017.json'], { packaged: true, workingFolder: 'C:\\' })).toEqual([
      resolve('C:\\', 'C:\\Users\\clerk\\Downloads\\planning-2017.json'),
    ]);
    expect(filesInArgv(['/opt/Minute Book/minute-book', 'minutes.JSON', 'notes.txt'], { packaged: true, workingFolder: '/home/clerk' })).toEqual([
      '/home/clerk/minutes.JSON',
      '/home/clerk/notes.txt',
    ]);
  });

  it('reads the file: URLs a Linux desktop entry’s %U gives (GIO file managers), decoded, and skips what is not a file of this computer', () => {
    const argv = [
      '/opt/Minute Book/minute-book',
      'file:///home/clerk/Downloads/Minutes%20July.json',
      'file://localhost/home/clerk/Caf%C3%A9%20committee.json',
      'FILE:///home/clerk/upper.json',
      'file://fileserver/share/minutes.json',
      'sftp://fileserver/share/minutes.json',
      'https://example.org/minutes.json',
      'file:///home/clerk/photo.png',
    ];
    expect(filesInArgv(argv, { packaged: true, workingFolder: '/home/clerk' })).toEqual(['/home/clerk/Downloads/Minutes July.json', '/home/clerk/Café committee.json', '/home/clerk/upper.json']);
    // A file given both as a path and as its URL is offered once.
    expect(filesInArgv(['/opt/Minute Book/minute-book', '/home/clerk/a b.json', 'file:///home/clerk/a%20b.json'], { packaged: true, workingFolder: '/' })).toEqual(['/home/clerk/a b.json']);
  });

  it('takes a Windows path with a drive letter as a path, not as a URL', () => {
    const path = 'C:\\Users\\clerk\\Minutes July.json';
    expect(filesInArgv(['C:\\Program Files\\Minute Book\\Minute Book.exe', path, 'D:minutes.json'], { packaged: true, workingFolder: 'C:\\' })).toEqual([
      resolve('C:\\', path),
      resolve('C:\\', 'D:minutes.json'),
    ]);
  });

  it('finds no file on a macOS start from the Finder (the file comes as open-file, argv has only -psn_…)', () => {
    expect(filesInArgv(['/Applications/Minute Book.app/Contents/MacOS/Minute Book', '-psn_0_12345'], { packaged: true, workingFolder: '/' })).toEqual([]);
  });

  it('skips the app’s folder in development, switches and their values, Chromium’s own switches, and what Import… does not read', () => {
    const argv = ['/usr/bin/electron', '.', '--library', '/tmp/library.json', '--allow-file-access-from-files', '-psn_0_12345', 'photo.png', 'archive.json', 'archive.json', '--library=/tmp/x'];
    expect(filesInArgv(argv, { packaged: false, workingFolder: '/work' })).toEqual(['/work/archive.json']);
    expect(filesInArgv(['/usr/bin/electron', '.'], { packaged: false, workingFolder: '/work' })).toEqual([]);
  });
});

describe('readFilesToSend', () => {
  it('sends each file by name and bytes, and says in words which could not be read and why', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'minute-book-opened-'));
    try {
      await writeFile(join(folder, 'minutes.json'), '{"meetings":[]}');
      await mkdir(join(folder, 'a folder.json'));
      const answer = await readFilesToSend([join(folder, 'minutes.json'), join(folder, 'gone.json'), join(folder, 'a folder.json')]);
      expect(answer.files).toEqual([{ fileName: 'minutes.json', base64: Buffer.from('{"meetings":[]}').toString('base64') }]);
      expect(answer.problems).toEqual([
        'gone.json could not be read: it is no longer there (moved, renamed or deleted?).',
        'a folder.json could not be read: it is a folder; drop a folder on the window to import what it holds.',
      ]);
    } finally {
      await removeTestFolder(folder);
    }
  });

  it('refuses a file larger than any minutes without reading it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'minute-book-opened-'));
    try {
      const big = join(folder, 'pack.pdf');
      await writeFile(big, '');
      const { truncate } = await import('node:fs/promises');
      await truncate(big, MAX_IMPORT_BYTES + 1);
      expect(await readFilesToSend([big])).toEqual({ files: [], problems: ['pack.pdf was not read: it is larger than 50 MB, far more than any minutes.'] });
    } finally {
      await removeTestFolder(folder);
    }
  });
});

describe('OpenedFiles', () => {
  it('gives each waiting file once, and says when something new came', () => {
    const opened = new OpenedFiles();
    expect(opened.add(['/a.json'])).toBe(true);
    expect(opened.add(['/a.json'])).toBe(false);
    expect(opened.add(['/b.json', '/a.json'])).toBe(true);
    expect(opened.take()).toEqual(['/a.json', '/b.json']);
    expect(opened.take()).toEqual([]);
    expect(opened.add(['/a.json'])).toBe(true);
  });
});
