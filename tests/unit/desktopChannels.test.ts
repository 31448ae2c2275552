// The calls the desktop shell adds to the contract (files:choose-to-import, files:take-opened,
// window:unsaved): what they answer with the desktop app's services, and without them (the browser bridge).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type PlatformServices } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { removeTestFolder } from './builders.js';

let folder: string;
let library: MeetingLibrary;
const printPdf: PlatformServices['printPdf'] = () => Promise.reject(new Error('not printed'));

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-desktop-'));
  library = await MeetingLibrary.open({ folder: join(folder, 'library') });
});
afterEach(async () => {
  await library.close();
  await removeTestFolder(folder);
});

describe('in the desktop app', () => {
  it('reads the files chosen in the open dialog, and those given to the app, once', async () => {
    const chosen = join(folder, 'planning-2017-07-13.txt');
    await writeFile(chosen, 'Planning Committee minutes');
    let waiting = [chosen, join(folder, 'gone.json')];
    const unsaved: boolean[] = [];
    const handlers = createHandlers(library, {
      printPdf,
      chooseFilesToImport: async () => [chosen],
      takeOpenedFiles: () => {
        const taken = waiting;
        waiting = [];
        return taken;
      },
      reportUnsaved: (value) => unsaved.push(value),
    });
    const file = { fileName: 'planning-2017-07-13.txt', base64: Buffer.from('Planning Committee minutes').toString('base64') };
    expect(await dispatch(handlers, 'files:choose-to-import', {})).toEqual({ ok: true, value: { files: [file], problems: [] } });
    expect(await dispatch(handlers, 'files:take-opened', {})).toEqual({
      ok: true,
      value: { files: [file], problems: ['gone.json could not be read: it is no longer there (moved, renamed or deleted?).'] },
    });
    expect(await dispatch(handlers, 'files:take-opened', {})).toEqual({ ok: true, value: { files: [], problems: [] } });
    expect(await dispatch(handlers, 'window:unsaved', { unsaved: true })).toEqual({ ok: true, value: {} });
    expect(await dispatch(handlers, 'window:unsaved', { unsaved: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(unsaved).toEqual([true]);
  });
});

describe('in the browser bridge', () => {
  it('refuses the open dialog in words, has no files given, and hears of unsaved changes harmlessly', async () => {
    const handlers = createHandlers(library, { printPdf });
    const refused = await dispatch(handlers, 'files:choose-to-import', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(JSON.stringify(refused)).toContain('the browser shows its own');
    expect(await dispatch(handlers, 'files:take-opened', {})).toEqual({ ok: true, value: { files: [], problems: [] } });
    expect(await dispatch(handlers, 'window:unsaved', { unsaved: false })).toEqual({ ok: true, value: {} });
  });
});
