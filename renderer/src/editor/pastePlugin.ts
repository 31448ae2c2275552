// Pasting minutes: Word's HTML and plain text with bullet or numbered lines become blocks, read by
// shared/editor/pastedMinutes.ts; anything else is pasted by ProseMirror as usual. Straight quotes
// typed or pasted are curled when the clerk keeps the "Curly quotes" preference on.
import { InputRule } from 'prosemirror-inputrules';
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, Selection, type EditorState, type Transaction } from 'prosemirror-state';
import { curlQuotes } from '../../../shared/editor/curlyQuotes.js';
import { pastedMinutes } from '../../../shared/editor/pastedMinutes.js';
import { minutesSchema } from '../../../shared/editor/schema.js';
import { newId } from './commands.js';
import { meetingContextOf } from './meetingContext.js';

const storageKey = 'minute-book:curly-quotes';

/** The clerk's "Curly quotes" preference, kept in this window's storage; on unless turned off. */
export function curlyQuotesWanted(): boolean {
  try {
    return localStorage.getItem(storageKey) !== 'off';
  } catch {
    return true;
  }
}

export function setCurlyQuotesWanted(on: boolean): void {
  try {
    localStorage.setItem(storageKey, on ? 'on' : 'off');
  } catch {
    // Storage refused (a private window): the choice lasts until the window closes.
  }
}

/** A straight quote typed becomes a curly one (by the same rule as pasted text), while the preference is on. */
export const curlyQuoteRule = new InputRule(/["']$/, (state, match, start, end) => {
  if (!curlyQuotesWanted()) return null;
  const before = start > state.selection.$from.start() ? state.doc.textBetween(start - 1, start) : '';
  return state.tr.insertText(curlQuotes(match[0], before), start, end);
});

function curledText(fragment: Fragment): Fragment {
  const children: ProseMirrorNode[] = [];
  let before = '';
  fragment.forEach((child) => {
    if (child.isText) {
      const text = curlQuotes(child.text ?? '', before);
      before = text.slice(-1);
      children.push(minutesSchema.text(text, child.marks));
    } else {
      children.push(child.copy(curledText(child.content)));
    }
  });
  return Fragment.from(children);
}

/**
 * Puts pasted blocks in at the selection, as Word would: an empty line pasted on is replaced by them
 * (not left as an empty paragraph before them), and the caret ends at the end of the pasted text so the
 * clerk can keep typing. ProseMirror's own replaceSelection would look forwards for the caret after a
 * block and land in the next textblock, which on the last line of an item is the next item's title.
 * Returns null where blocks cannot go: the item's title or source line, or outside an item.
 */
export function insertPastedBlocks(state: EditorState, blocks: readonly ProseMirrorNode[]): Transaction | null {
  const { $from, empty } = state.selection;
  // Blocks go in among the item's minutes, never into its title or source line.
  if ($from.depth < 2 || $from.index(1) < 2 || blocks.length === 0) return null;
  const content = Fragment.from([...blocks]);
  const tr = state.tr;
  const container = $from.node(-1);
  const index = $from.index(-1);
  if (empty && $from.parent.isTextblock && $from.parent.content.size === 0 && container.canReplace(index, index + 1, content)) {
    tr.replaceWith($from.before(), $from.after(), content);
  } else {
    tr.replaceSelection(new Slice(content, 0, 0));
  }
  let end: number | null = null;
  tr.mapping.maps[tr.mapping.maps.length - 1]?.forEach((_from, _to, _newFrom, newTo) => {
    end ??= newTo;
  });
  if (end === null) return tr;
  // Pasted within a line, the change ends at the start of the line's second half: the caret goes back before it.
  const $end = tr.doc.resolve(end);
  const after = $end.parent.isTextblock && $end.parentOffset === 0 ? $end.before() : end;
  return tr.setSelection(Selection.near(tr.doc.resolve(after), -1));
}

export function pastePlugin(): Plugin {
  return new Plugin({
    props: {
      handlePaste(view, event) {
        const data = event.clipboardData;
        if (data === null) return false;
        const blocks = pastedMinutes(
          { html: data.getData('text/html'), text: data.getData('text/plain') },
          { curlyQuotes: curlyQuotesWanted(), kinds: meetingContextOf(view.state).declarationKinds, newId },
        );
        if (blocks === null) return false;
        const tr = insertPastedBlocks(view.state, blocks.map((block) => minutesSchema.nodeFromJSON(block)));
        if (tr === null) return false;
        view.dispatch(tr.scrollIntoView().setMeta('uiEvent', 'paste'));
        return true;
      },
      // Anything else pasted has its quotes curled too, so the minutes do not mix the two.
      transformPasted(slice) {
        return curlyQuotesWanted() ? new Slice(curledText(slice.content), slice.openStart, slice.openEnd) : slice;
      },
    },
  });
}
