// The note on an amended minute, on the page itself: "Amended by Minute 7/26 (agreed 9 July 2026,
// recorded by …)" under the item, with the text as circulated a click away. Decorations, not
// document content: the note is the lifecycle's record (meeting.lifecycle.corrections), never part
// of the minutes' text. Set by the meeting view whenever the meeting's corrections change.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** One amendment of one item, as the page shows it. */
export interface AmendmentNote {
  itemId: string;
  /** "Amended by Minute 7/26". */
  note: string;
  /** "at the meeting of 9 July 2026; recorded 7 December 2026, 07:12 by Michelle Rose". */
  recorded: string;
  /** The item as circulated: its heading and its text, a block a line. */
  before: { title: string; lines: readonly string[] };
}

interface NotesState {
  notes: readonly AmendmentNote[];
  decorations: DecorationSet;
}

export const amendmentNotesKey = new PluginKey<NotesState>('amendment-notes');

function noteElement(notes: readonly AmendmentNote[]): HTMLElement {
  const aside = document.createElement('aside');
  aside.className = 'amendment-note';
  aside.contentEditable = 'false';
  aside.setAttribute('role', 'note');
  aside.setAttribute('aria-label', 'Amendment');
  for (const note of notes) {
    const line = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = note.note;
    line.append(strong, ` (${note.recorded}).`);
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'The text as circulated';
    const quoted = document.createElement('blockquote');
    const title = document.createElement('p');
    title.className = 'as-circulated-title';
    title.textContent = note.before.title;
    quoted.append(title, ...note.before.lines.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
    details.append(summary, quoted);
    aside.append(line, details);
  }
  return aside;
}

function decorate(doc: ProseMirrorNode, notes: readonly AmendmentNote[]): DecorationSet {
  if (notes.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.forEach((item, offset) => {
    const own = notes.filter((note) => note.itemId === item.attrs['id']);
    if (own.length === 0) return;
    // At the end of the item, after its last block.
    decorations.push(
      Decoration.widget(offset + item.nodeSize - 1, () => noteElement(own), {
        side: 1,
        key: `amended-${String(item.attrs['id'])}-${own.map((note) => note.note + note.recorded).join('|')}`,
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

export function amendmentNotesPlugin(): Plugin<NotesState> {
  return new Plugin<NotesState>({
    key: amendmentNotesKey,
    state: {
      init: () => ({ notes: [], decorations: DecorationSet.empty }),
      apply(tr, value, _old, newState: EditorState) {
        const notes = tr.getMeta(amendmentNotesKey) as readonly AmendmentNote[] | undefined;
        if (notes !== undefined) return { notes, decorations: decorate(newState.doc, notes) };
        return tr.docChanged ? { notes: value.notes, decorations: value.decorations.map(tr.mapping, newState.doc) } : value;
      },
    },
    props: {
      decorations: (state) => amendmentNotesKey.getState(state)?.decorations ?? null,
    },
  });
}
