// The window's remembered size and position: kept when sane and on a screen that is still there.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, sanitiseWindowState, windowStateFile, writeWindowState } from '../../electron/shell/windowStateFile.js';
import { removeTestFolder } from './builders.js';

const defaults = { width: 1280, height: 860 };
const laptop = [{ x: 0, y: 0, width: 1920, height: 1050 }];

describe('sanitiseWindowState', () => {
  it('keeps a size and position on a screen that is there', () => {
    expect(sanitiseWindowState({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximised: true }, defaults, laptop)).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximised: true,
    });
  });

  it('keeps the size but not the position of a window last on a screen since unplugged', () => {
    expect(sanitiseWindowState({ bounds: { x: 2400, y: 100, width: 1000, height: 700 }, maximised: false }, defaults, laptop)).toEqual({
      bounds: { width: 1000, height: 700 },
      maximised: false,
    });
    // Title bar above the top of the screen: it could not be dragged back.
    expect(sanitiseWindowState({ bounds: { x: 10, y: -30, width: 1000, height: 700 } }, defaults, laptop).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('fits a window larger than its screen to it, and moves one hanging off the edge onto it', () => {
    expect(sanitiseWindowState({ bounds: { x: 0, y: 0, width: 2560, height: 1440 }, maximised: false }, defaults, laptop).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
    expect(sanitiseWindowState({ bounds: { x: 1500, y: 600, width: 1000, height: 700 } }, defaults, laptop).bounds).toEqual({ x: 920, y: 350, width: 1000, height: 700 });
    expect(sanitiseWindowState({ bounds: { x: -900, y: 100, width: 1000, height: 700 } }, defaults, laptop).bounds).toEqual({ x: 0, y: 100, width: 1000, height: 700 });
  });

  it('keeps a window on a second screen to the left, fitted to that screen', () => {
    const twoScreens = [...laptop, { x: -1280, y: 0, width: 1280, height: 1000 }];
    expect(sanitiseWindowState({ bounds: { x: -1200, y: 20, width: 1400, height: 900 } }, defaults, twoScreens).bounds).toEqual({ x: -1280, y: 20, width: 1280, height: 900 });
  });

  it('fits a window whose screen has gone to the primary screen, to be centred there', () => {
    const small = [{ x: 0, y: 0, width: 1366, height: 728 }];
    expect(sanitiseWindowState({ bounds: { x: 3000, y: 0, width: 1800, height: 1000 }, maximised: true }, defaults, small)).toEqual({
      bounds: { width: 1366, height: 728 },
      maximised: true,
    });
  });

  it.each([
    ['nothing', null],
    ['not an object', 'big'],
    ['no bounds', { maximised: true }],
    ['a tiny window', { bounds: { x: 0, y: 0, width: 10, height: 10 } }],
    ['a huge window', { bounds: { x: 0, y: 0, width: 1e9, height: 700 } }],
    ['fractions', { bounds: { width: 1000.5, height: 700 } }],
    ['strings', { bounds: { width: '1000', height: '700' } }],
  ])('gives the defaults for %s', (_case, raw) => {
    expect(sanitiseWindowState(raw, defaults, laptop)).toEqual({ bounds: defaults, maximised: false });
  });
});

describe('the window-state file', () => {
  it('round-trips, and a damaged file gives the defaults', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'minute-book-window-'));
    try {
      const file = windowStateFile(folder);
      expect(readWindowState(file, defaults, laptop)).toEqual({ bounds: defaults, maximised: false });
      writeWindowState(file, { bounds: { x: 20, y: 30, width: 900, height: 600 }, maximised: false });
      expect(readWindowState(file, defaults, laptop)).toEqual({ bounds: { x: 20, y: 30, width: 900, height: 600 }, maximised: false });
      await writeFile(file, '{"bounds":');
      expect(readWindowState(file, defaults, laptop)).toEqual({ bounds: defaults, maximised: false });
      writeWindowState(join(folder, 'missing', 'window-state.json'), { bounds: defaults, maximised: false }); // logged, not thrown
    } finally {
      await removeTestFolder(folder);
    }
  });
});
