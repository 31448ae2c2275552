// The desktop app's main process is told whether any meeting open in the window has changes not yet
// on disk (window:unsaved), so that closing the window or quitting waits for the last save
// (electron/shell/quitGuard.ts). Told on each change between "all saved" and "not", never per keystroke.
import type { Autosaver } from './autosave.js';
import { api, isDesktop } from '../api.js';

const watched = new Set<Autosaver>();
let lastReported = false;

function report(): void {
  // By the state listeners hear (saved, unsaved, saving, failed): hasUnsavedChanges is still true as 'saved' is heard.
  const unsaved = [...watched].some((autosaver) => autosaver.getState().kind !== 'saved');
  if (unsaved === lastReported) return;
  lastReported = unsaved;
  // A report lost would only make a close wait for its timeout, or not wait: the journal keeps the steps.
  api.call('window:unsaved', { unsaved }).catch(() => undefined);
}

/**
 * Follows `autosaver` (a meeting's view, while it is open) in what the window reports; answers the
 * function that stops following it. Does nothing in the browser, whose tab has its own beforeunload.
 */
export function reportUnsaved(autosaver: Autosaver): () => void {
  if (!isDesktop) return () => undefined;
  watched.add(autosaver);
  const unsubscribe = autosaver.subscribe(report);
  report();
  return () => {
    unsubscribe();
    watched.delete(autosaver);
    report();
  };
}
