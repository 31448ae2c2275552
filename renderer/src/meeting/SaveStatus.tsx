// "Saving…" / "Saved": the only part of the page that changes while the clerk types.
import { useSyncExternalStore } from 'react';
import { inClerkWords } from '../../../shared/clerkWords.js';
import type { Autosaver } from './autosave.js';

const labels = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…' } as const;

export function SaveStatus({ autosaver }: { autosaver: Autosaver }) {
  const state = useSyncExternalStore(autosaver.subscribe, autosaver.getState);
  return (
    <span role="status" className={`save-status ${state.kind}`}>
      {state.kind === 'failed' ? `Not saved: ${inClerkWords(state.message)}` : labels[state.kind]}
    </span>
  );
}
