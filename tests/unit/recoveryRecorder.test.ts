// The renderer's side of the recovery journal: steps since the last acknowledged save, throttled
// writes, a rebase when a save lands, and the last write as the page goes away.
import { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MinuteBookError, RECOVERY_LIMITS, type RecoveryJournal } from '../../shared/contract.js';
import { itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { api } from '../../renderer/src/api.js';
import { MeetingSession } from '../../renderer/src/meeting/meetingSession.js';
import { RecoveryRecorder } from '../../renderer/src/meeting/recoveryRecorder.js';
import { aCommittee, aMeeting, items } from './builders.js';

// The session's saves go to this instead of the node side.
vi.mock('../../renderer/src/api.js', () => ({ api: { call: vi.fn() } }));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const meetingId = crypto.randomUUID();

/** An editor state over two items, and a way to type into the first item's first paragraph. */
function anEditor() {
  let state = EditorState.create({ doc: itemsToDoc(items(2)) });
  let at = 0;
  state.doc.descendants((node, pos) => {
    if (at === 0 && node.type.name === 'paragraph') at = pos + 1;
  });
  return {
    get doc() {
      return state.doc;
    },
    type(text: string) {
      const tr = state.tr.insertText(text, at);
      at += text.length;
      state = state.apply(tr);
      return tr.steps;
    },
  };
}

function aRecorder(doc: EditorState['doc'], send = vi.fn(async (_journal: RecoveryJournal, _options: { keepalive: boolean }) => undefined)) {
  return { send, recorder: new RecoveryRecorder(meetingId, 7, doc.content.size, send, 200) };
}

describe('RecoveryRecorder', () => {
  it('writes at most every 200 ms while typing, each time with every step since the base revision', async () => {
    const editor = anEditor();
    const { recorder, send } = aRecorder(editor.doc);
    for (let key = 0; key < 10; key++) {
      recorder.recordSteps(editor.type('a'), editor.doc.content.size);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(200);
    const journals = send.mock.calls.map(([journal]) => journal);
    expect(journals.length).toBeGreaterThanOrEqual(3);
    expect(journals.length).toBeLessThanOrEqual(4);
    expect(journals.map((journal) => journal.sequence)).toEqual(journals.map((_, index) => index + 1));
    const last = journals.at(-1)!;
    expect(last).toMatchObject({ meetingId, baseRevision: 7, details: null, saving: null, docSize: editor.doc.content.size });
    expect(last.steps).toHaveLength(10);
  });

  it('keeps only the steps made after a save began, once it is acknowledged, and clears when none are left', async () => {
    const editor = anEditor();
    const { recorder, send } = aRecorder(editor.doc);
    recorder.recordSteps(editor.type('The'), editor.doc.content.size);
    const mark = recorder.saveStarted();
    const savedSize = editor.doc.content.size;
    recorder.recordSteps(editor.type(' Board'), editor.doc.content.size);
    await vi.advanceTimersByTimeAsync(300);
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ baseRevision: 7, saving: { stepCount: 1, docSize: savedSize } });

    recorder.saveAcknowledged(mark, 8);
    await vi.advanceTimersByTimeAsync(300);
    const rebased = send.mock.calls.at(-1)![0];
    expect(rebased).toMatchObject({ baseRevision: 8, baseDocSize: savedSize, saving: null });
    expect(rebased.steps).toHaveLength(1);

    recorder.saveAcknowledged(recorder.saveStarted(), 9);
    await vi.advanceTimersByTimeAsync(300);
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ baseRevision: 9, steps: [], details: null });
    const calls = send.mock.calls.length;
    recorder.saveAcknowledged(recorder.saveStarted(), 10); // nothing kept, nothing to clear: no call
    await vi.advanceTimersByTimeAsync(300);
    expect(send.mock.calls.length).toBe(calls);
  });

  it('sends what the node side has not seen with keepalive as the page goes away, and nothing when it has', async () => {
    const editor = anEditor();
    const { recorder, send } = aRecorder(editor.doc);
    recorder.recordSteps(editor.type('T'), editor.doc.content.size);
    await vi.advanceTimersByTimeAsync(0);
    recorder.recordSteps(editor.type('he'), editor.doc.content.size);
    recorder.flushOnExit();
    expect(send.mock.calls.at(-1)).toEqual([expect.objectContaining({ steps: [expect.anything(), expect.anything()] }), { keepalive: true }]);
    const calls = send.mock.calls.length;
    recorder.flushOnExit();
    await vi.advanceTimersByTimeAsync(500);
    expect(send.mock.calls.length).toBe(calls);
  });

  it('settles at once when the meeting closes: the clearing write is made before it opens again', async () => {
    const editor = anEditor();
    const { recorder, send } = aRecorder(editor.doc);
    recorder.recordSteps(editor.type('T'), editor.doc.content.size);
    await vi.advanceTimersByTimeAsync(0);
    recorder.recordSteps(editor.type('he'), editor.doc.content.size);
    recorder.saveAcknowledged(recorder.saveStarted(), 8);
    await recorder.settle(); // no timers advanced
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ baseRevision: 8, steps: [] });
    const calls = send.mock.calls.length;
    await recorder.settle();
    expect(send.mock.calls.length).toBe(calls);
  });

  it('carries the header while it differs from what was saved', async () => {
    const editor = anEditor();
    const { recorder, send } = aRecorder(editor.doc);
    const details = { venue: 'Diamond Room 1' } as unknown as Parameters<RecoveryRecorder['recordDetails']>[0];
    recorder.recordDetails(details);
    await vi.advanceTimersByTimeAsync(0);
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ details, steps: [] });
    recorder.saveAcknowledged(recorder.saveStarted(), 8);
    await vi.advanceTimersByTimeAsync(300);
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ details: null, steps: [], baseRevision: 8 });
  });

  it('a failed write is tried again with the next change, not in a loop', async () => {
    const editor = anEditor();
    const send = vi.fn(async (_journal: RecoveryJournal, _options: { keepalive: boolean }) => {
      throw new Error('offline');
    });
    const { recorder } = aRecorder(editor.doc, send);
    recorder.recordSteps(editor.type('T'), editor.doc.content.size);
    await vi.advanceTimersByTimeAsync(2000);
    expect(send).toHaveBeenCalledTimes(1);
    recorder.recordSteps(editor.type('h'), editor.doc.content.size);
    await vi.advanceTimersByTimeAsync(300);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0].steps).toHaveLength(2);
  });
});

/** More text than the recovery journal takes (RECOVERY_LIMITS.bytes), as one paste. */
const tooLargeToJournal = 'The Committee noted the report of the Director of Finance. '.repeat(Math.ceil(RECOVERY_LIMITS.bytes / 50));

describe('changes too large for the recovery journal', () => {
  it('are not sent to the node side, which would refuse them, and the journal resumes once they are saved', async () => {
    const editor = anEditor();
    const { recorder, send } = aRecorder(editor.doc);
    expect(recorder.recordSteps(editor.type('The'), editor.doc.content.size)).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    const written = send.mock.calls.length;
    expect(recorder.recordSteps(editor.type(tooLargeToJournal), editor.doc.content.size)).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    recorder.flushOnExit();
    expect(send.mock.calls.length).toBe(written);

    recorder.saveAcknowledged(recorder.saveStarted(), 8);
    expect(recorder.holdsEverything).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ baseRevision: 8, steps: [] });
  });

  /** A session on a draft whose saves `call` answers, with an editor to type into. */
  function aSession(call: (channel: string, input: unknown) => Promise<unknown>) {
    vi.mocked(api.call).mockImplementation(call as typeof api.call);
    const meeting = aMeeting(aCommittee());
    const session = new MeetingSession(meeting, () => undefined, async () => undefined);
    let state = EditorState.create({ doc: session.initialDoc });
    session.attach({ get state() { return state; } } as unknown as EditorView);
    let at = 0;
    state.doc.descendants((node, pos) => {
      if (at === 0 && node.type.name === 'paragraph') at = pos + 1;
    });
    /** Types `text` as the editor would report it: steps first, then the change. */
    const type = (text: string) => {
      const tr = state.tr.insertText(text, at);
      at += text.length;
      state = state.apply(tr);
      session.recordSteps(tr.steps, state.doc);
      session.autosaver.changed();
    };
    return { session, type };
  }

  const receipt = { revision: 1, updatedAt: new Date().toISOString(), summary: {} };

  it('are saved at once, not after the pause in typing, and the status says nothing of the journal when the save succeeds', async () => {
    const call = vi.fn(async () => receipt);
    const { session, type } = aSession(call);
    type('The');
    await vi.advanceTimersByTimeAsync(0);
    expect(call).not.toHaveBeenCalled();
    type(tooLargeToJournal);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('meetings:save', expect.anything());
    expect(session.autosaver.getState()).toEqual({ kind: 'saved' });
  });

  it('say so in the save status when that save fails, and only then', async () => {
    const diskFull = async () => {
      throw new MinuteBookError('storage', 'The disk is full.');
    };
    const small = aSession(diskFull);
    small.type('The');
    await small.session.autosaver.flush();
    expect(small.session.autosaver.getState()).toEqual({ kind: 'failed', message: 'The disk is full.' });

    const large = aSession(diskFull);
    large.type(tooLargeToJournal);
    await vi.advanceTimersByTimeAsync(0);
    expect(large.session.autosaver.getState()).toEqual({
      kind: 'failed',
      message: 'The disk is full. These changes are too large to be kept for recovery: keep this window open until they are saved.',
    });
  });
});

