// The autosaver saves after a pause in typing, and at most two seconds after the first unsaved change
// however steadily the clerk types.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../../renderer/src/meeting/autosave.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A save that takes `ms` on the fake clock, recording when each one started. */
function slowSave(ms: number) {
  const started: number[] = [];
  const save = vi.fn(async () => {
    started.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
  return { save, started };
}

/** A key every `everyMs` for `forMs`, on the fake clock. */
async function typeSteadily(autosaver: Autosaver, everyMs: number, forMs: number): Promise<void> {
  for (let elapsed = 0; elapsed < forMs; elapsed += everyMs) {
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(everyMs);
  }
}

describe('Autosaver', () => {
  it('saves once typing pauses for the delay', async () => {
    const { save } = slowSave(10);
    const autosaver = new Autosaver(save, 700, 2000);
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(300);
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(699);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(autosaver.getState()).toEqual({ kind: 'saved' });
  });

  it('saves at most two seconds after the first change while typing never pauses', async () => {
    const t0 = Date.now();
    const { save, started } = slowSave(50);
    const autosaver = new Autosaver(save, 700, 2000);
    await typeSteadily(autosaver, 100, 5000);
    // Saves at 2 s and, counting from the first key after that save began, about every 2 s after.
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(started[0]! - t0).toBe(2000);
    for (const [index, at] of started.entries()) if (index > 0) expect(at - started[index - 1]!).toBeLessThanOrEqual(2100);
    expect(autosaver.getState().kind).toBe('unsaved');
    // And the last keys once the typing stops.
    await vi.advanceTimersByTimeAsync(800);
    expect(autosaver.getState()).toEqual({ kind: 'saved' });
    expect(autosaver.hasUnsavedChanges).toBe(false);
  });

  it('times changes made during a save from when they were made, not from nothing', async () => {
    const { save, started } = slowSave(500);
    const autosaver = new Autosaver(save, 700, 2000);
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(700); // the save starts, and runs for 500 ms
    expect(started).toHaveLength(1);
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(500); // the first save ends; the second change is 500 ms old
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(started).toHaveLength(2);
  });

  it('flush saves at once and waits for changes made during a save', async () => {
    const { save } = slowSave(100);
    const autosaver = new Autosaver(save, 700, 2000);
    autosaver.changed();
    const flushed = autosaver.flush();
    autosaver.changed(); // during the first save
    await vi.advanceTimersByTimeAsync(200);
    await flushed;
    expect(save).toHaveBeenCalledTimes(2);
    expect(autosaver.getState()).toEqual({ kind: 'saved' });
  });

  it('tries again by itself, waiting longer each time, after a failure that may pass (the disk full)', async () => {
    const diskFull = Object.assign(new Error('The disk is full: free some space.'), { code: 'storage' });
    const save = vi.fn().mockRejectedValueOnce(diskFull).mockRejectedValueOnce(diskFull).mockResolvedValue(undefined);
    const autosaver = new Autosaver(save, 700, 2000);
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(700);
    expect(autosaver.getState()).toEqual({ kind: 'failed', message: 'The disk is full: free some space.' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4999);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(autosaver.getState()).toEqual({ kind: 'saved' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('does not retry a save refused for good (saved elsewhere), but tries with the next change', async () => {
    const conflict = Object.assign(new Error('This meeting was saved elsewhere.'), { code: 'conflict' });
    const save = vi.fn().mockRejectedValueOnce(conflict).mockResolvedValue(undefined);
    const autosaver = new Autosaver(save, 700, 2000);
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(700);
    expect(autosaver.getState()).toEqual({ kind: 'failed', message: 'This meeting was saved elsewhere.' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(700);
    expect(save).toHaveBeenCalledTimes(2);
    expect(autosaver.getState()).toEqual({ kind: 'saved' });
  });
});
