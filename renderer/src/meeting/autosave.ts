// Autosave. Changes only mark the meeting unsaved and set a timer: the save runs once typing pauses
// (`delayMs`), and at most `maxWaitMs` after the first unsaved change even while typing goes on, so
// steady typing is saved every couple of seconds. One save runs at a time; changes made during a
// save are timed from when they were made. Listeners hear about transitions (saved → unsaved →
// saving → saved), never about individual keystrokes. A save that fails for a reason that passes
// (the disk full, a file held by another program) is tried again by itself, the changes kept meanwhile.
import { clerkMessage } from '../common/clerkMessage.js';

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/** Failures that trying again cannot mend: the clerk must act (reopen, or use the window that owns the library). */
const FINAL_FAILURES = new Set(['conflict', 'read-only', 'invalid-input', 'not-found']);
const isFinal = (error: unknown): boolean => FINAL_FAILURES.has(String((error as { code?: unknown } | null)?.code));

/** After a failure that may pass, the waits before each retry; the last repeats. */
const RETRY_DELAYS_MS = [2000, 5000, 10_000, 30_000];

export class Autosaver {
  private state: SaveState = { kind: 'saved' };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private dirty = false;
  /** When the oldest change not yet in a save was made, and the latest one (Date.now()). */
  private firstUnsavedAt: number | null = null;
  private lastChangeAt = 0;
  private failuresInARow = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  /**
   * @param save stores the meeting as it stands when called; rejects with an Error whose message the clerk sees
   * @param delayMs the pause in typing after which a save runs
   * @param maxWaitMs the longest a change waits for a save while typing continues
   */
  constructor(
    private readonly save: () => Promise<void>,
    private readonly delayMs = 700,
    private readonly maxWaitMs = 2000,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SaveState => this.state;

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.running !== null;
  }

  changed(): void {
    this.dirty = true;
    this.lastChangeAt = Date.now();
    this.firstUnsavedAt ??= this.lastChangeAt;
    if (this.state.kind !== 'unsaved' && this.running === null) this.setState({ kind: 'unsaved' });
    this.schedule();
  }

  /** Saves now if anything is unsaved; resolves once everything up to this call is on disk (or failed). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.running !== null) await this.running;
    if (!this.dirty) return;
    await this.saveOnce();
    if (this.dirty && this.state.kind !== 'failed') await this.flush();
  }

  dispose(): void {
    this.clearTimer();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.listeners.clear();
  }

  /** One timer for both limits: the pause after the last change, or the longest wait after the first. */
  private schedule(): void {
    if (this.firstUnsavedAt === null) return;
    this.clearTimer();
    const due = Math.min(this.lastChangeAt + this.delayMs, this.firstUnsavedAt + this.maxWaitMs);
    this.timer = setTimeout(() => void this.saveWhenDue(), Math.max(0, due - Date.now()));
  }

  private async saveWhenDue(): Promise<void> {
    this.timer = null;
    while (this.running !== null) await this.running;
    if (!this.dirty || this.timer !== null) return;
    await this.saveOnce();
    // Changes made while it ran wait for their own pause or the longest wait, not for nothing.
    if (this.dirty && this.state.kind !== 'failed') this.schedule();
  }

  private async saveOnce(): Promise<void> {
    this.dirty = false;
    this.firstUnsavedAt = null;
    this.setState({ kind: 'saving' });
    this.running = this.save().then(
      () => {
        this.failuresInARow = 0;
        this.setState(this.dirty ? { kind: 'unsaved' } : { kind: 'saved' });
      },
      (error: unknown) => {
        this.dirty = true;
        this.firstUnsavedAt ??= Date.now();
        this.setState({ kind: 'failed', message: clerkMessage(error) });
        if (!isFinal(error)) this.retryLater();
      },
    );
    await this.running;
    this.running = null;
  }

  private retryLater(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    const delay = RETRY_DELAYS_MS[Math.min(this.failuresInARow++, RETRY_DELAYS_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
