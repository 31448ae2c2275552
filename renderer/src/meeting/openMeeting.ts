// The one owner of the open meeting. Opening (or reopening) a meeting first closes the session that
// is open, waiting for its last save, then loads the meeting fresh and starts a new session on it;
// until that load has arrived there is no meeting to show, so the view never shows an older copy.
// Every load has its own generation, which the meeting view uses as its key: a reload of the same
// meeting replaces the editor and its document.
import type { RecoveredChanges } from '../../../shared/contract.js';
import type { Meeting, MeetingSummary } from '../../../shared/model/meeting.js';
import { MeetingSession, savesOfClosedMeetings } from './meetingSession.js';
import type { JournalSender } from './recoveryRecorder.js';

export type OpenMeetingState =
  | { kind: 'none' }
  | { kind: 'loading'; meetingId: string; revision: number | null }
  | {
      kind: 'open';
      session: MeetingSession;
      /** The item to show first, as when a search result or a reference is followed. */
      focusItemId: string | null;
      /** Unsaved changes from a journal, applied once the editor is there. */
      restore: RecoveredChanges | null;
      generation: number;
    };

export interface OpenMeetingServices {
  /** The meeting as saved, or the version saved as `revision` (from its history) when that is given. */
  load: (meetingId: string, revision: number | null) => Promise<Meeting>;
  onSaved: (summary: MeetingSummary) => void;
  sendJournal: JournalSender;
}

export class OpenMeeting {
  private state: OpenMeetingState = { kind: 'none' };
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly services: OpenMeetingServices) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): OpenMeetingState => this.state;

  /** The open session, if a meeting is open. */
  get session(): MeetingSession | null {
    return this.state.kind === 'open' ? this.state.session : null;
  }

  /** The id of the meeting open or being opened, or null. */
  get meetingId(): string | null {
    if (this.state.kind === 'none') return null;
    return this.state.kind === 'loading' ? this.state.meetingId : this.state.session.meeting.id;
  }

  /** The revision shown when a version is open (read-only), or null for the meeting as it stands. */
  get revision(): number | null {
    if (this.state.kind === 'none') return null;
    return this.state.kind === 'loading' ? this.state.revision : this.state.session.version ? this.state.session.meeting.revision : null;
  }

  /**
   * Closes the open meeting (saving it), then loads `meetingId` as saved and opens it; with `revision`,
   * opens that version read-only instead. Only the latest call takes effect: a slower earlier load is dropped.
   * @throws what `meetings:load` (or `history:open`) throws (the meeting is then not open)
   */
  async open(
    meetingId: string,
    options: { focusItemId?: string | null; restore?: RecoveredChanges | null; revision?: number | null } = {},
  ): Promise<void> {
    const generation = ++this.generation;
    const revision = options.revision ?? null;
    const leaving = this.closeSession();
    this.setState({ kind: 'loading', meetingId, revision });
    await leaving;
    await savesOfClosedMeetings();
    let meeting: Meeting;
    try {
      meeting = await this.services.load(meetingId, revision);
    } catch (error) {
      if (generation === this.generation) this.setState({ kind: 'none' });
      throw error;
    }
    if (generation !== this.generation) return;
    this.show(meeting, options.focusItemId ?? null, options.restore ?? null, generation, revision !== null);
  }

  /** Opens a meeting just created, which needs no load. */
  opened(meeting: Meeting): void {
    void this.closeSession();
    this.show(meeting, null, null, ++this.generation);
  }

  /** Saves and closes the open meeting, as when the clerk goes to search or the registers. */
  async close(): Promise<void> {
    ++this.generation;
    const leaving = this.closeSession();
    this.setState({ kind: 'none' });
    await leaving;
  }

  /**
   * The library changed under the open meeting (an import replaced it, or removed it): reload it when
   * its summary changed, close it when it has gone.
   */
  async libraryChanged(before: readonly MeetingSummary[], after: readonly MeetingSummary[]): Promise<void> {
    const id = this.meetingId;
    if (id === null) return;
    const now = after.find((summary) => summary.id === id);
    if (now === undefined) return this.close();
    const then = before.find((summary) => summary.id === id);
    if (JSON.stringify(then) !== JSON.stringify(now) && this.revision === null) await this.open(id);
  }

  private show(meeting: Meeting, focusItemId: string | null, restore: RecoveredChanges | null, generation: number, version = false): void {
    const session = new MeetingSession(meeting, this.services.onSaved, this.services.sendJournal, { version });
    this.setState({ kind: 'open', session, focusItemId, restore, generation });
  }

  private closeSession(): Promise<void> {
    return this.state.kind === 'open' ? this.state.session.close() : Promise.resolve();
  }

  private setState(state: OpenMeetingState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
