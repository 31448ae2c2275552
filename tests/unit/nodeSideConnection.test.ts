// The window's connection to the node side (issue 13, part 9): lost, probed until it answers, then
// back; and what the clerk reads for the browser's own errors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clerkMessage } from '../../renderer/src/common/clerkMessage.js';
import { MinuteBookError } from '../../shared/contract.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the connection', () => {
  it('is probed every 2 s while lost, says it is back when a probe answers, then is quiet again', async () => {
    const { connection } = await import('../../renderer/src/nodeSideConnection.js');
    const states: string[] = [];
    connection.subscribe(() => states.push(connection.getState()));
    let answers = false;
    const probe = vi.fn(async () => answers);
    connection.lost(probe);
    connection.lost(probe); // a second call that fails starts no second probe
    let back = false;
    void connection.whenConnected().then(() => (back = true));
    await vi.advanceTimersByTimeAsync(4100);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(back).toBe(false);
    answers = true;
    await vi.advanceTimersByTimeAsync(2000);
    expect(back).toBe(true);
    expect(connection.getState()).toBe('reconnected');
    await vi.advanceTimersByTimeAsync(6000);
    expect(states).toEqual(['reconnecting', 'reconnected', 'connected']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it('is back at once when any call gets through, and stops probing', async () => {
    const { connection } = await import('../../renderer/src/nodeSideConnection.js');
    const probe = vi.fn(async () => false);
    connection.lost(probe);
    connection.reached();
    expect(connection.getState()).toBe('reconnected');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).not.toHaveBeenCalled();
    expect(connection.getState()).toBe('connected');
    await expect(connection.whenConnected()).resolves.toBeUndefined();
  });
});

describe('clerkMessage', () => {
  it('never shows the browser’s "Failed to fetch"', () => {
    expect(clerkMessage(new TypeError('Failed to fetch'))).toBe(
      'This window has lost its connection to the library on this computer. It keeps trying by itself; if this lasts more than a minute, check that Minute Book is still running, then reload this page.',
    );
  });

  it('says a fault in the window is one, and what to do', () => {
    expect(clerkMessage(new TypeError('Cannot read properties of undefined'))).toBe(
      'Something went wrong in this window (Cannot read properties of undefined). Try again; if it happens again, reload the page or restart Minute Book: everything saved is kept.',
    );
  });

  it('shows Minute Book’s own messages as they are', () => {
    expect(clerkMessage(new MinuteBookError('storage', 'The disk is full: free some space.'))).toBe('The disk is full: free some space.');
    expect(clerkMessage(new Error('The editor is not open.'))).toBe('The editor is not open.');
  });
});
