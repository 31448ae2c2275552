// Marks the item holding the cursor with the class "is-current": its empty source line and other
// prompts show only there, so the rest of the meeting reads as it will be published.
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

export function currentItemPlugin(): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const { $from } = state.selection;
        if ($from.depth < 1) return null;
        const start = $from.before(1);
        return DecorationSet.create(state.doc, [Decoration.node(start, start + $from.node(1).nodeSize, { class: 'is-current' })]);
      },
    },
  });
}
