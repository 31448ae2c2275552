// Closing the window (and so quitting) waits for the last save. The window reports whether any meeting
// in it has changes not yet on disk (window:unsaved); a close while it has them is held, the window is
// told to save now, and the close goes ahead once it reports all saved. If that takes longer than
// CLOSE_WAIT_MS (a network drive gone, a save failing), the clerk is asked whether to keep waiting or
// close anyway, the unsaved steps then being in the recovery journal, offered at the next start.
// No Electron import; tested in tests/unit/quitGuard.test.ts.

/** How long a close waits for the last save before asking the clerk. */
export const CLOSE_WAIT_MS = 10_000;

/** The still-saving question, for dialog.showMessageBox. */
export const STILL_SAVING = {
  type: 'warning' as const,
  title: 'Minute Book is still saving',
  message: 'Minute Book has not finished saving your latest changes.',
  detail:
    'Keep waiting to let the save finish; Minute Book closes by itself once it has. If you close anyway, ' +
    'the changes not yet saved are kept on this computer and offered to you when you next start Minute Book.',
  buttons: ['Keep Waiting', 'Close Anyway'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};
/** The index of Close Anyway in STILL_SAVING.buttons. */
export const CLOSE_ANYWAY = 1;

/** What to do with a request to close the window. */
export type CloseDecision = 'close' | 'hold-and-save' | 'hold';

/**
 * `unsaved`: the window's last report; `waiting`: a held close is already waiting for the save;
 * `released`: the wait is over (saved, or the clerk chose Close Anyway), so this close goes ahead.
 */
export function decideClose(state: { unsaved: boolean; waiting: boolean; released: boolean }): CloseDecision {
  if (state.released || !state.unsaved) return 'close';
  return state.waiting ? 'hold' : 'hold-and-save';
}

/** The window's reports of unsaved changes, and a wait for the next "all saved". */
export class UnsavedChanges {
  private unsaved = false;
  private readonly waiters = new Set<() => void>();

  get pending(): boolean {
    return this.unsaved;
  }

  /** The window's report (window:unsaved); a report of none wakes every wait. */
  report(unsaved: boolean): void {
    this.unsaved = unsaved;
    if (unsaved) return;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves true once no changes are unsaved (at once if none are), false after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean> {
    if (!this.unsaved) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }
}

/**
 * Waits until the window has saved, asking the clerk (`ask`, answering STILL_SAVING's button index)
 * each time `timeoutMs` passes without; resolves 'saved' or 'closed-anyway', never rejects unless `ask` does.
 */
export async function waitToClose(changes: UnsavedChanges, ask: () => Promise<number>, timeoutMs = CLOSE_WAIT_MS): Promise<'saved' | 'closed-anyway'> {
  for (;;) {
    if (await changes.settled(timeoutMs)) return 'saved';
    if ((await ask()) === CLOSE_ANYWAY) return 'closed-anyway';
  }
}
