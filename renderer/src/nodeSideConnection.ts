// Whether the window can reach the node side (the part of Minute Book that reads and writes the
// library), as the clerk is told it: connected; lost and being tried again by itself; or just back.
// In the browser the bridge may stop and start again (the machine sleeping, the process restarted);
// api.ts reports what each call found, and while the connection is lost this keeps probing until the
// node side answers, so the window recovers without the clerk doing anything.
/** Connected; lost and being tried again; or just back (said for a few seconds). */
export type ConnectionState = 'connected' | 'reconnecting' | 'reconnected';

/** How often a lost connection is tried again, and how long "Connected again" stays up. */
const PROBE_EVERY_MS = 2000;
const BACK_SHOWN_MS = 6000;

class NodeSideConnection {
  private state: ConnectionState = 'connected';
  private readonly listeners = new Set<() => void>();
  private waiting: (() => void)[] = [];
  private probing: ReturnType<typeof setTimeout> | null = null;
  private backTimer: ReturnType<typeof setTimeout> | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ConnectionState => this.state;

  /** A call reached the node side (whatever it answered). */
  reached(): void {
    if (this.probing !== null) clearTimeout(this.probing);
    this.probing = null;
    if (this.state !== 'reconnecting') return;
    this.set('reconnected');
    for (const resolve of this.waiting) resolve();
    this.waiting = [];
    if (this.backTimer !== null) clearTimeout(this.backTimer);
    this.backTimer = setTimeout(() => this.state === 'reconnected' && this.set('connected'), BACK_SHOWN_MS);
  }

  /** A call could not reach the node side: say so, and keep trying `probe` (true once it answers) until it does. */
  lost(probe: () => Promise<boolean>): void {
    if (this.state !== 'reconnecting') this.set('reconnecting');
    if (this.probing !== null) return;
    const tryAgain = (): void => {
      this.probing = setTimeout(() => {
        void probe().then((answered) => {
          if (this.probing === null) return;
          if (answered) this.reached();
          else tryAgain();
        });
      }, PROBE_EVERY_MS);
    };
    tryAgain();
  }

  /** Resolves when the connection is back (at once when it is not lost). */
  whenConnected(): Promise<void> {
    if (this.state !== 'reconnecting') return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private set(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The one connection of this window, told by api.ts and heard by the connection line and the meetings' saves. */
export const connection = new NodeSideConnection();
