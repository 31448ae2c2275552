// Closing the window waits for the last save, and asks the clerk when it takes too long.
import { describe, expect, it, vi } from 'vitest';
import { CLOSE_ANYWAY, STILL_SAVING, UnsavedChanges, decideClose, waitToClose } from '../../electron/shell/quitGuard.js';

describe('decideClose', () => {
  it('closes at once when everything is saved, or once the wait is over', () => {
    expect(decideClose({ unsaved: false, waiting: false, released: false })).toBe('close');
    expect(decideClose({ unsaved: true, waiting: false, released: true })).toBe('close');
  });

  it('holds a close while changes are unsaved, asking for a save only the first time', () => {
    expect(decideClose({ unsaved: true, waiting: false, released: false })).toBe('hold-and-save');
    expect(decideClose({ unsaved: true, waiting: true, released: false })).toBe('hold');
  });
});

describe('waitToClose', () => {
  it('closes as soon as the window reports the last save, without asking', async () => {
    const changes = new UnsavedChanges();
    changes.report(true);
    const ask = vi.fn(async () => CLOSE_ANYWAY);
    const closing = waitToClose(changes, ask, 5_000);
    setTimeout(() => changes.report(false), 20);
    const started = Date.now();
    expect(await closing).toBe('saved');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ask).not.toHaveBeenCalled();
  });

  it('does not wait when nothing is unsaved', async () => {
    expect(await waitToClose(new UnsavedChanges(), async () => 0, 5_000)).toBe('saved');
  });

  it('asks after the wait, keeps waiting when told to, and closes anyway when told to', async () => {
    const changes = new UnsavedChanges();
    changes.report(true);
    const answers = [0, CLOSE_ANYWAY];
    const ask = vi.fn(async () => answers.shift()!);
    expect(await waitToClose(changes, ask, 10)).toBe('closed-anyway');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('a save finishing while the clerk keeps waiting closes the window', async () => {
    const changes = new UnsavedChanges();
    changes.report(true);
    const ask = vi.fn(async () => {
      setTimeout(() => changes.report(false), 5);
      return 0;
    });
    expect(await waitToClose(changes, ask, 50)).toBe('saved');
    expect(ask).toHaveBeenCalledOnce();
  });

  it('offers Keep Waiting as the default and Close Anyway, saying the changes are kept', () => {
    expect(STILL_SAVING.buttons[STILL_SAVING.defaultId]).toBe('Keep Waiting');
    expect(STILL_SAVING.buttons[CLOSE_ANYWAY]).toBe('Close Anyway');
    expect(STILL_SAVING.detail).toContain('kept on this computer');
  });
});
