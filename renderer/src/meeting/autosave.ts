// Debounced autosave. Changes only mark the meeting unsaved and restart a timer; one save runs at a
// time, and changes made during a save are saved right after it. Listeners hear about transitions
// (saved → unsaved → saving → saved), never about individual keystrokes.
export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export class Autosaver {
  private state: SaveState = { kind: 'saved' };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private dirty = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly save: () => Promise<void>,
    private readonly delayMs = 700,
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
    if (this.state.kind !== 'unsaved' && this.running === null) this.setState({ kind: 'unsaved' });
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now if anything is unsaved; resolves once everything up to this call is on disk (or failed). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running !== null) await this.running;
    if (!this.dirty) return;
    this.dirty = false;
    this.setState({ kind: 'saving' });
    this.running = this.save().then(
      () => this.setState(this.dirty ? { kind: 'unsaved' } : { kind: 'saved' }),
      (error: unknown) => {
        this.dirty = true;
        this.setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    await this.running;
    this.running = null;
    if (this.dirty && this.state.kind !== 'failed') await this.flush();
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
