// The line at the top of the window while the connection to the library is lost ("… trying again")
// and for a few seconds after it comes back. Always in the page, so screen readers announce changes.
import { useSyncExternalStore } from 'react';
import { connection } from '../nodeSideConnection.js';

const says = {
  connected: '',
  reconnecting: 'Minute Book has lost its connection to the library on this computer and is trying again by itself. What you type stays in this window and is saved once it is back.',
  reconnected: 'Connected to the library again: anything not yet saved is saved now.',
} as const;

/** The connection line: empty while all is well. */
export function ConnectionStatus() {
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  return (
    <p role="status" className={`connection-status ${state}`}>
      {says[state]}
    </p>
  );
}
