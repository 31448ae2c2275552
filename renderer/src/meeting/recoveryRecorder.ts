// Keeps the node side's crash-recovery journal of one open meeting up to date: the ProseMirror steps
// made since the last acknowledged save, and the header when it has changed. Steps are small, so the
// whole list since that save is resent each time (never the document); writes are throttled (one in
// flight, at most every `throttleMs`), and when the window goes away the latest journal is sent with
// `keepalive` so the last keys survive a closed tab. The node side keeps at most RECOVERY_LIMITS;
// changes beyond them (a paste of megabytes) are not sent, and the caller saves them at once instead.
import type { Step } from 'prosemirror-transform';
import { RECOVERY_LIMITS, type RecoveryJournal, type RecoveryStepJSON } from '../../../shared/contract.js';
import type { MeetingDetails } from './meetingSession.js';

/** How the recorder reaches the node side: `keepalive` asks for a write that outlives the page. */
export type JournalSender = (journal: RecoveryJournal, options: { keepalive: boolean }) => Promise<unknown>;

/** What a save took with it, so that its acknowledgement removes exactly those changes. */
export interface SaveMark {
  stepCount: number;
  detailsVersion: number;
}

export class RecoveryRecorder {
  private readonly sessionId = crypto.randomUUID();
  private sequence = 0;
  private steps: RecoveryStepJSON[] = [];
  /** Each step's length as JSON, so the journal's size is known without serialising it again. */
  private stepSizes: number[] = [];
  private details: MeetingDetails | null = null;
  private detailsVersion = 0;
  private savedDetailsVersion = 0;
  private saving: (SaveMark & { docSize: number }) | null = null;
  private docSize: number;
  /** Whether the node side may hold a journal for this meeting from this window. */
  private onDisk = false;
  /** Bumped on every change; the journal is sent when it differs from what was last sent. */
  private version = 0;
  private sentVersion = 0;
  private inFlight: Promise<unknown> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSentAt = 0;

  /**
   * @param meetingId the meeting the journal is for
   * @param baseRevision the revision the editor's document was loaded at
   * @param baseDocSize `doc.content.size` of that document, checked again before a restore
   * @param send writes a journal on the node side (`recovery:write`)
   */
  constructor(
    private readonly meetingId: string,
    private baseRevision: number,
    private baseDocSize: number,
    private readonly send: JournalSender,
    private readonly throttleMs = 200,
  ) {
    this.docSize = baseDocSize;
  }

  /**
   * The editor applied these steps, leaving a document of `docSize`. Answers whether the journal
   * still holds every change since the last save (false past RECOVERY_LIMITS: save them at once).
   */
  recordSteps(steps: readonly Step[], docSize: number): boolean {
    for (const step of steps) {
      const json = step.toJSON() as RecoveryStepJSON;
      this.steps.push(json);
      this.stepSizes.push(JSON.stringify(json).length);
    }
    this.docSize = docSize;
    this.changed();
    return this.holdsEverything;
  }

  /** Whether the node side would take the steps since the last save (RECOVERY_LIMITS, as `JSON.stringify(steps).length`). */
  get holdsEverything(): boolean {
    const bytes = this.stepSizes.reduce((sum, size) => sum + size, 0) + Math.max(0, this.steps.length - 1) + 2;
    return this.steps.length <= RECOVERY_LIMITS.steps && bytes <= RECOVERY_LIMITS.bytes;
  }

  /** The header changed; the journal carries it whole (it is small). */
  recordDetails(details: MeetingDetails): void {
    this.details = details;
    this.detailsVersion++;
    this.changed();
  }

  /** A save is taking the meeting as it stands now. */
  saveStarted(): SaveMark {
    this.saving = { stepCount: this.steps.length, detailsVersion: this.detailsVersion, docSize: this.docSize };
    this.changed();
    return { stepCount: this.saving.stepCount, detailsVersion: this.saving.detailsVersion };
  }

  /** The save marked `mark` is stored as `revision`: only what came after it stays in the journal. */
  saveAcknowledged(mark: SaveMark, revision: number): void {
    this.steps = this.steps.slice(mark.stepCount);
    this.stepSizes = this.stepSizes.slice(mark.stepCount);
    this.baseRevision = revision;
    this.baseDocSize = this.saving?.docSize ?? this.docSize;
    this.savedDetailsVersion = mark.detailsVersion;
    this.saving = null;
    this.changed();
  }

  /** The save failed: everything stays in the journal, based where it was. */
  saveFailed(): void {
    this.saving = null;
    this.changed();
  }

  /** The page is going away: sends what the node side has not yet seen, in a request that outlives the page. */
  flushOnExit(): void {
    if (this.sentVersion === this.version || !this.holdsEverything) return;
    this.clearTimer();
    this.sentVersion = this.version;
    void this.send(this.journal(), { keepalive: true }).catch(() => undefined);
  }

  /** Writes now whatever is not yet written, and resolves once the node side has it (or the write failed). */
  async settle(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
    this.clearTimer();
    if (this.sentVersion === this.version || (this.isEmpty && !this.onDisk)) return;
    this.write();
    await this.inFlight;
  }

  /** The journal as it stands; empty (steps [], details null) once a save holds everything. */
  journal(): RecoveryJournal {
    return {
      meetingId: this.meetingId,
      baseRevision: this.baseRevision,
      sessionId: this.sessionId,
      sequence: ++this.sequence,
      details: this.detailsVersion !== this.savedDetailsVersion ? this.details : null,
      steps: [...this.steps],
      baseDocSize: this.baseDocSize,
      docSize: this.docSize,
      saving: this.saving && { stepCount: this.saving.stepCount, docSize: this.saving.docSize },
    };
  }

  private get isEmpty(): boolean {
    return this.steps.length === 0 && this.detailsVersion === this.savedDetailsVersion;
  }

  private changed(): void {
    this.version++;
    this.schedule();
  }

  private schedule(): void {
    if (this.inFlight !== null || this.timer !== null) return;
    // Nothing to keep and nothing kept: no call at all.
    if (this.isEmpty && !this.onDisk) {
      this.sentVersion = this.version;
      return;
    }
    const wait = Math.max(0, this.lastSentAt + this.throttleMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write();
    }, wait);
  }

  private write(): void {
    // Too large to be taken: the journal written before stays, and the save under way holds the rest.
    if (this.sentVersion === this.version || !this.holdsEverything) return;
    const journal = this.journal();
    this.sentVersion = this.version;
    this.lastSentAt = Date.now();
    this.onDisk = !this.isEmpty;
    let failed = false;
    this.inFlight = this.send(journal, { keepalive: false })
      .catch(() => {
        // Not written: tried again with the next change (not in a loop while the node side is away).
        failed = true;
        this.onDisk = true;
        this.sentVersion = -1;
      })
      .finally(() => {
        this.inFlight = null;
        if (!failed && this.sentVersion !== this.version) this.schedule();
      });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
