// The typing row's anchor, bundled into a page of its own: a bare ProseMirror editor (schema-basic with
// lists, history and the base keymap, no app code and no styles but ProseMirror's own) holding the same
// text as the app's 150-item meeting, handed in as `window.benchDocument` (schema-basic JSON).
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { Schema, type Node } from 'prosemirror-model';
import { schema as basicSchema } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

const schema = new Schema({ nodes: addListNodes(basicSchema.spec.nodes, 'paragraph block*', 'block'), marks: basicSchema.spec.marks });
const page = window as unknown as { benchDocument: unknown; benchView: EditorView; benchPlaceCaret: (paragraph: number) => void };
const doc: Node = schema.nodeFromJSON(page.benchDocument);
const view = new EditorView(document.querySelector('#editor')!, {
  state: EditorState.create({ doc, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo }), keymap(baseKeymap)] }),
});
page.benchView = view;
/** Puts the caret at the end of the document's `paragraph`th paragraph, as a click there would. */
page.benchPlaceCaret = (paragraph) => {
  let seen = 0;
  let at = 1;
  view.state.doc.descendants((node, position) => {
    if (node.type.name === 'paragraph' && seen++ === paragraph) at = position + node.nodeSize - 1;
    return seen <= paragraph;
  });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)).scrollIntoView());
  view.focus();
};
