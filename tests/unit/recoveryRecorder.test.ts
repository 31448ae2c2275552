// The renderer's side of the recovery journal: steps since the last acknowledged save, throttled
// writes, a rebase when a save lands, and the last write as the page goes away.
import { EditorState } from 'prosemirror-state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecoveryJournal } from '../../shared/contract.js';
import { itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { RecoveryRecorder } from '../../renderer/src/meeting/recoveryRecorder.js';
import { items } from './builders.js';

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
