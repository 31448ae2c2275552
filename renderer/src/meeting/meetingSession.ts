// The open meeting outside React: the latest details from the header, the editor view, and the
// autosaver that combines them into one save. React tells it about changes; typing never goes
// through React at all.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { docToItems } from '../../../shared/editor/meetingDocument.js';
import type { Meeting, MeetingSummary } from '../../../shared/model/meeting.js';
import { api } from '../api.js';
import { Autosaver } from './autosave.js';

export type MeetingDetails = Omit<Meeting, 'items'>;

const closing = new Set<Promise<void>>();

/** Resolves when every meeting being closed has saved: opening a meeting waits for this, so it never reads an older copy. */
export const savesOfClosedMeetings = (): Promise<unknown> => Promise.all(closing);

export class MeetingSession {
  readonly autosaver = new Autosaver(() => this.save());
  private view: EditorView | null = null;
  /** The document as the editor last had it, so the last save can still run after the editor has gone. */
  private lastDoc: ProseMirrorNode | null = null;
  private firstMinuteNumber = 1;
  private readonly itemCache = new WeakMap<ProseMirrorNode, Omit<Meeting['items'][number], 'minuteNumber'>>();

  constructor(
    private details: MeetingDetails,
    private readonly onSaved: (summary: MeetingSummary) => void,
  ) {}

  attach(view: EditorView | null): void {
    if (view === null && this.view !== null) this.lastDoc = this.view.state.doc;
    this.view = view;
  }

  /** The header changed. The revision stays the session's own: it moves only when a save succeeds. */
  updateDetails(details: MeetingDetails): void {
    this.details = { ...details, revision: this.details.revision };
    this.autosaver.changed();
  }

  numberFrom(firstMinuteNumber: number): void {
    this.firstMinuteNumber = firstMinuteNumber;
  }

  /** Saves what is unsaved, then stops: leaving a meeting never loses the last words typed. */
  close(): Promise<void> {
    const saved = this.autosaver.flush().finally(() => {
      this.autosaver.dispose();
      closing.delete(saved);
    });
    closing.add(saved);
    return saved;
  }

  /** The meeting as it stands in the window, numbered: what a save would store and an export prints. */
  snapshot(): Meeting | null {
    const doc = this.view?.state.doc ?? this.lastDoc;
    if (doc === null) return null;
    return { ...this.details, items: docToItems(doc, this.firstMinuteNumber, this.itemCache) };
  }

  private async save(): Promise<void> {
    const meeting = this.snapshot();
    if (meeting === null) return;
    const receipt = await api.call('meetings:save', { meeting });
    this.details = { ...this.details, revision: receipt.revision, updatedAt: receipt.updatedAt };
    this.onSaved(receipt.summary);
  }
}
