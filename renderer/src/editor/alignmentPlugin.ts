// Gaps in a pane shown beside another meeting: where the other meeting has an item with no
// counterpart here, a marked gap stands in its place ("Not in this meeting: 6. Work Programme"), so
// the clerk reading across the panes sees what one side lacks. The gaps are decorations: they are
// never part of the minutes, saved or exported.
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** Before which of this pane's items (its index; the item count for the end) the other meeting's unmatched items stand. */
export interface AlignmentGap {
  beforeIndex: number;
  /** Each unmatched item of the other meeting, as "6. Work Programme". */
  labels: string[];
}

/** The most unmatched items one gap lists by name. */
const MOST_LISTED = 5;

export const alignmentKey = new PluginKey<DecorationSet>('alignment-gaps');

function gapWidget(labels: readonly string[]): HTMLElement {
  const gap = document.createElement('div');
  gap.className = 'alignment-gap';
  gap.setAttribute('role', 'note');
  gap.contentEditable = 'false';
  // A long run (two quite different meetings) is summed up rather than listed: the gap marks a place, not an index.
  const listed = labels.length > MOST_LISTED ? labels.slice(0, MOST_LISTED - 1) : labels;
  for (const label of listed) {
    const line = document.createElement('p');
    line.textContent = `Not in this meeting: ${label}`;
    gap.append(line);
  }
  if (listed.length < labels.length) {
    const more = document.createElement('p');
    more.textContent = `…and ${labels.length - listed.length} more items not in this meeting`;
    gap.append(more);
  }
  return gap;
}

function decorate(doc: ProseMirrorNode, gaps: readonly AlignmentGap[]): DecorationSet {
  const offsets: number[] = [];
  doc.forEach((_item, offset) => offsets.push(offset));
  const decorations = gaps
    .filter((gap) => gap.labels.length > 0)
    .map((gap) => {
      const at = offsets[gap.beforeIndex] ?? doc.content.size;
      return Decoration.widget(at, () => gapWidget(gap.labels), { side: -1, ignoreSelection: true, key: `gap-${gap.beforeIndex}-${gap.labels.join('|')}` });
    });
  return DecorationSet.create(doc, decorations);
}

/** Shows the gaps given with `tr.setMeta(alignmentKey, gaps)`; an empty list removes them. */
export function alignmentPlugin(): Plugin<DecorationSet> {
  return new Plugin({
    key: alignmentKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, value) {
        const gaps = tr.getMeta(alignmentKey) as AlignmentGap[] | undefined;
        if (gaps !== undefined) return decorate(tr.doc, gaps);
        return tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
      },
    },
    props: { decorations: (state) => alignmentKey.getState(state) },
  });
}
