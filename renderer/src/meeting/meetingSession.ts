// The open meeting outside React: the meeting as loaded, the latest details from the header, the
// editor view, the autosaver that combines them into one save, and the crash-recovery journal of
// what is not yet saved. React tells it about changes; typing never goes through React at all.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Step } from 'prosemirror-transform';
import type { EditorView } from 'prosemirror-view';
import { MinuteBookError, type RecoveredChanges } from '../../../shared/contract.js';
import { docToItems, itemsToDoc, type UnnumberedItem } from '../../../shared/editor/meetingDocument.js';
import { minutesSchema } from '../../../shared/editor/schema.js';
import { bulletDepthProblem, type Meeting, type MeetingSummary } from '../../../shared/model/meeting.js';
import { api } from '../api.js';
import { clerkMessage } from '../common/clerkMessage.js';
import { connection } from '../nodeSideConnection.js';
import { Autosaver } from './autosave.js';
import { RecoveryRecorder, type JournalSender } from './recoveryRecorder.js';

export type MeetingDetails = Omit<Meeting, 'items'>;

const closing = new Set<Promise<void>>();

/** Resolves when every meeting being closed has saved: opening a meeting waits for this, so it never reads an older copy. */
export const savesOfClosedMeetings = (): Promise<unknown> => Promise.all(closing);

export class MeetingSession {
  readonly autosaver = new Autosaver(() => this.save());
  /** The editor's first document: the meeting exactly as it was loaded (the latest saved state). */
  readonly initialDoc: ProseMirrorNode;
  private readonly recorder: RecoveryRecorder;
  private details: MeetingDetails;
  private view: EditorView | null = null;
  /** The document as the editor last had it, so the last save can still run after the editor has gone. */
  private lastDoc: ProseMirrorNode | null = null;
  private firstMinuteNumber = 1;
  private closed: Promise<void> | null = null;
  private restoreClaimed = false;
  /** The copy kept of this window's words after a save was refused as saved elsewhere. */
  private unsavedCopy: string | null = null;
  private readonly itemCache = new WeakMap<ProseMirrorNode, UnnumberedItem>();
  /** A save waiting to be tried again goes as soon as the connection to the library is back. */
  private readonly stopHearingConnection = connection.subscribe(() => {
    if (connection.getState() === 'reconnected' && this.autosaver.getState().kind === 'failed') void this.autosaver.flush();
  });

  /**
   * @param meeting the meeting as just loaded (or created): the session starts from its revision
   * @param onSaved hears each save's summary, for the library
   * @param sendJournal writes the recovery journal (`recovery:write`)
   * @param options.version the meeting is an earlier version from its history: shown, never edited
   */
  constructor(
    readonly meeting: Meeting,
    private readonly onSaved: (summary: MeetingSummary) => void,
    sendJournal: JournalSender,
    options: { version?: boolean } = {},
  ) {
    this.version = options.version ?? false;
    const { items: _items, ...details } = meeting;
    this.details = details;
    this.initialDoc = itemsToDoc(meeting.items);
    this.recorder = new RecoveryRecorder(meeting.id, meeting.revision, this.initialDoc.content.size, sendJournal);
  }

  /** An earlier version from the meeting's history, not the meeting as it stands. */
  readonly version: boolean;

  /** Only a draft as it stands is edited; imported, circulated and agreed minutes and earlier versions are kept as they are. */
  get isReadOnly(): boolean {
    return this.version || this.meeting.status !== 'draft';
  }

  /** The document as the window has it: what an editor mounted again (after a move between panes) starts from. */
  get currentDoc(): ProseMirrorNode {
    return this.view?.state.doc ?? this.lastDoc ?? this.initialDoc;
  }

  /** The header as the window has it (the revision its last save gave). */
  get currentDetails(): MeetingDetails {
    return this.details;
  }

  /** True the first time only: recovered changes are applied once per session, however often its editor mounts. */
  claimRestore(): boolean {
    if (this.restoreClaimed) return false;
    this.restoreClaimed = true;
    return true;
  }

  attach(view: EditorView | null): void {
    if (view === null && this.view !== null) this.lastDoc = this.view.state.doc;
    this.view = view;
  }

  /** The editor applied these steps (every transaction's, appended ones included), leaving `doc`. */
  recordSteps(steps: readonly Step[], doc: ProseMirrorNode): void {
    // Changes too large for the journal are saved at once rather than after a pause. A microtask: the
    // editor reports steps before it marks them unsaved.
    if (!this.recorder.recordSteps(steps, doc.content.size)) queueMicrotask(() => void this.autosaver.flush());
  }

  /** The header changed. The revision stays the session's own: it moves only when a save succeeds. */
  updateDetails(details: MeetingDetails): void {
    this.details = { ...details, revision: this.details.revision };
    this.recorder.recordDetails(this.details);
    this.autosaver.changed();
  }

  numberFrom(firstMinuteNumber: number): void {
    this.firstMinuteNumber = firstMinuteNumber;
  }

  /**
   * Applies changes recovered from a journal to the editor (as one undoable change, which autosave
   * then saves) and answers the header to show.
   * @throws Error when the editor is not there, or the steps do not fit the meeting as loaded
   */
  restore(changes: RecoveredChanges): MeetingDetails {
    const view = this.view;
    if (view === null) throw new Error('The editor is not open.');
    if (changes.baseRevision !== this.details.revision || view.state.doc.content.size !== changes.baseDocSize) {
      throw new Error('The recovered changes were made to another version of this meeting.');
    }
    const tr = view.state.tr;
    for (const json of changes.steps) {
      const result = tr.maybeStep(Step.fromJSON(minutesSchema, json));
      if (result.failed !== null) throw new Error(`The recovered changes do not fit this meeting (${result.failed}).`);
    }
    if (tr.doc.content.size !== changes.docSize) throw new Error('The recovered changes do not add up to what was typed.');
    if (tr.docChanged) view.dispatch(tr);
    if (changes.details !== null) this.updateDetails(changes.details);
    return this.details;
  }

  /** Saves what is unsaved, then stops: leaving a meeting never loses the last words typed. Repeated calls share the one close. */
  close(): Promise<void> {
    if (this.closed !== null) return this.closed;
    // The journal is settled too, so that it is cleared (or holds what failed to save) before the meeting opens again.
    const saved = this.autosaver
      .flush()
      .then(() => this.recorder.settle())
      .finally(() => {
        this.stopHearingConnection();
        this.autosaver.dispose();
        closing.delete(saved);
      });
    closing.add(saved);
    this.closed = saved;
    return saved;
  }

  /** The page is going away: the journal's last changes go out in a request that outlives it. */
  leaving(): void {
    this.recorder.flushOnExit();
  }

  /** The meeting as it stands in the window, numbered: what a save would store and an export prints. */
  snapshot(): Meeting | null {
    // Nothing changes minutes kept as they are: the meeting as loaded is exactly the file, signature and all.
    if (this.isReadOnly) return this.meeting;
    const doc = this.view?.state.doc ?? this.lastDoc;
    if (doc === null) return null;
    return { ...this.details, items: docToItems(doc, this.firstMinuteNumber, this.itemCache) };
  }

  private async save(): Promise<void> {
    const meeting = this.snapshot();
    if (meeting === null) return;
    // Refused here in words naming the item, not by the node side's schema (nor, deeper still, its JSON reader).
    const tooDeep = bulletDepthProblem(meeting.items);
    if (tooDeep !== null) throw new MinuteBookError('invalid-input', tooDeep);
    const mark = this.recorder.saveStarted();
    try {
      const receipt = await api.call('meetings:save', { meeting });
      this.details = { ...this.details, revision: receipt.revision, updatedAt: receipt.updatedAt };
      this.recorder.saveAcknowledged(mark, receipt.revision);
      this.onSaved(receipt.summary);
    } catch (error) {
      this.recorder.saveFailed();
      if (error instanceof MinuteBookError && error.code === 'conflict') throw await this.keepUnsaved(meeting, error);
      throw this.recorder.holdsEverything ? error : notKeptForRecovery(error);
    }
  }

  /**
   * The meeting was saved elsewhere (another window, an import, a change on disk): what this window
   * has is kept beside it (meetings:keep-unsaved), newer words replacing the copy kept before, and the
   * clerk is told where to find it. Answers the error to show.
   */
  private async keepUnsaved(meeting: Meeting, conflict: MinuteBookError): Promise<MinuteBookError> {
    try {
      const { copy } = await api.call('meetings:keep-unsaved', { meeting, replacing: this.unsavedCopy });
      this.unsavedCopy = copy;
      // Circulated or agreed minutes take no kept copy back (the node side's "This meeting is circulated: …"): say what can be done instead.
      const frozen = /^This meeting is (circulated|agreed):/.exec(conflict.message)?.[1];
      const then =
        frozen === undefined
          ? 'open the meeting again, then Versions… to compare it or bring it back.'
          : `open the meeting again to see the minutes as ${frozen}; ${frozen === 'circulated' ? 'a change is recorded as a suggested correction, or made after putting them back to draft' : 'they change only by an amendment agreed at a later meeting'}.`;
      return new MinuteBookError('conflict', `${conflict.message} What this window has is kept: ${then}`);
    } catch {
      return conflict;
    }
  }
}

/** A failed save's error, adding that its changes are too large for the recovery journal to keep (RECOVERY_LIMITS). */
function notKeptForRecovery(error: unknown): Error {
  const message = `${clerkMessage(error)} These changes are too large to be kept for recovery: keep this window open until they are saved.`;
  return error instanceof MinuteBookError ? new MinuteBookError(error.code, message) : new Error(message);
}
