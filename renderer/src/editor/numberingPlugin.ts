// Shows each item's minute number in front of its title, and "Public Business" / "Private Business"
// where the run of business changes, as the formal minutes print them. These are decorations, not
// document content: adding, removing or reordering items renumbers the draft without touching its
// text, and a keystroke inside an item only maps the existing decorations.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { NumberingStyle } from '../../../shared/model/committee.js';
import { businessHeadings, type Business } from '../../../shared/model/meeting.js';
import { printedNumberAt } from '../../../shared/editor/meetingDocument.js';
import type { PrintedNumberAttr } from '../../../shared/editor/schema.js';
import { formatMinuteNumber, type MinuteYears } from '../../../shared/numbering.js';

export interface Numbering {
  first: number;
  /** The meeting's municipal and calendar years, either of which the style may print. */
  years: MinuteYears;
  style: NumberingStyle;
}

/** The item's number as the window shows it: as its document printed it while it stands there (an imported item), else in the committee's style. */
export function itemNumberLabel(item: ProseMirrorNode, index: number, numbering: Numbering): string {
  const minuteNumber = numbering.first + index;
  return printedNumberAt(item.attrs['printedNumber'] as PrintedNumberAttr | null, minuteNumber) ?? formatMinuteNumber(minuteNumber, numbering.years, numbering.style);
}

interface NumberingState {
  numbering: Numbering;
  decorations: DecorationSet;
}

export const numberingKey = new PluginKey<NumberingState>('minute-numbering');

function numberLabel(label: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'minute-number';
  span.contentEditable = 'false';
  // The no-break space keeps "79. Title" apart in the heading's accessible name.
  span.textContent = `${label}\u00a0`;
  return span;
}

function businessHeading(business: string): HTMLElement {
  const heading = document.createElement('h2');
  heading.className = 'business-heading';
  heading.contentEditable = 'false';
  heading.textContent = businessHeadings[business as Business] ?? businessHeadings.public;
  return heading;
}

function decorate(doc: ProseMirrorNode, numbering: Numbering): DecorationSet {
  const decorations: Decoration[] = [];
  let previousBusiness: unknown = null;
  doc.forEach((item, offset, index) => {
    const business = item.attrs['business'];
    if (business !== previousBusiness) {
      decorations.push(Decoration.widget(offset, () => businessHeading(String(business)), { side: -1, key: `business-${index}-${String(business)}` }));
      previousBusiness = business;
    }
    const label = itemNumberLabel(item, index, numbering);
    decorations.push(
      Decoration.node(offset, offset + item.nodeSize, { 'data-minute': label }),
      // offset + 2: inside the item (1) and inside its title (2).
      Decoration.widget(offset + 2, () => numberLabel(label), { side: -1, key: `minute-${label}`, ignoreSelection: true }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

/** Whether items were added, removed, moved or changed business: only then do the decorations change. */
function itemsChanged(before: ProseMirrorNode, after: ProseMirrorNode): boolean {
  if (before.childCount !== after.childCount) return true;
  for (let index = 0; index < after.childCount; index++) {
    const [old, now] = [before.child(index).attrs, after.child(index).attrs];
    if (old['id'] !== now['id'] || old['business'] !== now['business']) return true;
  }
  return false;
}

export function numberingPlugin(initial: Numbering): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => ({ numbering: initial, decorations: decorate(state.doc, initial) }),
      apply(tr: Transaction, value: NumberingState, oldState: EditorState, newState: EditorState): NumberingState {
        const numbering = (tr.getMeta(numberingKey) as Numbering | undefined) ?? value.numbering;
        if (numbering !== value.numbering || (tr.docChanged && itemsChanged(oldState.doc, newState.doc))) {
          return { numbering, decorations: decorate(newState.doc, numbering) };
        }
        return tr.docChanged ? { numbering, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: { decorations: (state) => numberingKey.getState(state)?.decorations },
  });
}
