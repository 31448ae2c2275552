// Pasting minutes: Word's HTML and plain text with bullet or numbered lines become blocks, read by
// shared/editor/pastedMinutes.ts; anything else is pasted by ProseMirror as usual. Straight quotes
// typed or pasted are curled when the clerk keeps the "Curly quotes" preference on.
import { InputRule } from 'prosemirror-inputrules';
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
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
        const { $from } = view.state.selection;
        // Blocks go in among the item's minutes, never into its title or source line.
        if ($from.depth < 2 || $from.index(1) < 2) return false;
        const content = Fragment.from(blocks.map((block) => minutesSchema.nodeFromJSON(block)));
        view.dispatch(view.state.tr.replaceSelection(new Slice(content, 0, 0)).scrollIntoView().setMeta('uiEvent', 'paste'));
        return true;
      },
      // Anything else pasted has its quotes curled too, so the minutes do not mix the two.
      transformPasted(slice) {
        return curlyQuotesWanted() ? new Slice(curledText(slice.content), slice.openStart, slice.openEnd) : slice;
      },
    },
  });
}
