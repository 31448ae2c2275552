// Assembles the editor: keymaps, input rules, history, numbering and the listener that tells the
// meeting view about changes without re-rendering React on every keystroke.
import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { InputRule, emDash, ellipsis, inputRules, undoInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { curlyQuoteRule, pastePlugin } from './pastePlugin.js';
import { keymap } from 'prosemirror-keymap';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { liftListItem, splitListItem } from 'prosemirror-schema-list';
import { EditorState, Plugin } from 'prosemirror-state';
import type { Step } from 'prosemirror-transform';
import { minutesSchema } from '../../../shared/editor/schema.js';
import { alignmentPlugin } from './alignmentPlugin.js';
import { caretInSightPlugin } from './caretInSight.js';
import { pastedBulletDepthPlugin, sinkWithinDepth } from './bulletDepth.js';
import { addItem, enterFromItemHeading, enterInRequests, enterInResolution, focusBlockControls, startBulletInPart, startPartAt } from './commands.js';
import { search } from 'prosemirror-search';
import type { EditorKey } from './shortcuts.js';
import type { MinutePlace } from '../../../shared/search/citation.js';
import { currentItemPlugin } from './currentItemPlugin.js';
import { meetingContextPlugin } from './meetingContext.js';
import { amendmentNotesPlugin } from './amendmentNotesPlugin.js';
import { referencesPlugin } from './referencesPlugin.js';
import { numberingPlugin, type Numbering } from './numberingPlugin.js';
import { uniqueIdsPlugin } from './uniqueIdsPlugin.js';

const { nodes, marks } = minutesSchema;

/** "Minute 59/16" followed by a space or punctuation becomes a minute reference. */
const minuteReferenceRule = new InputRule(/\bMinute (\d{1,4}\/\d{2})([\s.,;:)])$/, (state, match, start, end) => {
  const $start = state.doc.resolve(start);
  const reference = nodes['minute_reference']!;
  if (!$start.parent.canReplaceWith($start.index(), $start.index(), reference)) return null;
  return state.tr.replaceWith(start, end, [reference.create({ minute: match[1] }), minutesSchema.text(match[2]!)]);
});

export interface EditorCallbacks {
  /** The document changed: schedule a save. */
  onChange(): void;
  /** The clerk clicked a minute reference the library holds; with Shift or Alt held, to open it beside. */
  onFollowReference(place: MinutePlace, beside: boolean): void;
  /** The cursor moved to another item, or that item's attributes changed. */
  onCurrentItem(item: ProseMirrorNode | null, index: number): void;
  /** Every step a dispatch applied (plugins' appended transactions included), before the view shows it. */
  onSteps?(steps: readonly Step[], doc: ProseMirrorNode): void;
}

const listItem = nodes['list_item']!;

/** The editor's own keys, with what each does; the keymap and the shortcuts sheet are both read from here. */
export const editorKeys: readonly EditorKey[] = [
  { key: 'Mod-z', does: 'Undo', command: undo },
  { key: 'Mod-y', does: 'Redo', command: redo },
  { key: 'Mod-Shift-z', does: 'Redo', command: redo },
  { key: 'Mod-b', does: 'Bold', command: toggleMark(marks['strong']!) },
  { key: 'Mod-i', does: 'Italic', command: toggleMark(marks['em']!) },
  { key: 'Mod-Shift-Enter', does: 'Add an item after this one', command: addItem },
  {
    key: 'Enter',
    does: 'From a title to its source and minutes; in a resolution a new part, in bullets or requests the next one; on an empty last one, leave the block',
    command: chainCommands(enterFromItemHeading, enterInResolution, enterInRequests, splitListItem(listItem)),
  },
  { key: 'Mod-.', does: 'Go to the controls of the block at the cursor (Unanimous, part numbering, request status, kind of interest…)', command: focusBlockControls },
  // Backspace straight after an automatic change (curly quote, minute reference) takes it back.
  { key: 'Backspace', does: 'Straight after an automatic change (curly quote, bullet, minute reference), take it back', command: undoInputRule },
  { key: 'Tab', does: 'Indent a bullet', command: sinkWithinDepth },
  { key: 'Shift-Tab', does: 'Outdent a bullet', command: liftListItem(listItem) },
];

/** "1) ", "(1) ", "2. ", "a) ", "(a) ", "b. ", "(iv) " at the start of a line: a numbered part, inside or after a resolution. */
const partRule = new InputRule(/^(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)|(?:\d{1,2}|[a-z])\.)\s$/, (state, match, start, end) => startPartAt(state, start, end, match[0]));
/** "- " in a resolution's part: bullets in the resolution. */
const bulletInPartRule = new InputRule(/^\s*[-*•·]\s$/, (state, _match, start, end) => startBulletInPart(state, start, end));

function changeListener(callbacks: EditorCallbacks): Plugin {
  return new Plugin({
    view: () => {
      let lastItem: ProseMirrorNode | null = null;
      return {
        update(view, previous) {
          if (view.state.doc !== previous.doc) callbacks.onChange();
          const { $from } = view.state.selection;
          const index = $from.depth >= 1 ? $from.index(0) : -1;
          const item = index >= 0 ? view.state.doc.child(index) : null;
          // Typing replaces the item node but keeps its attrs object: compare attrs, not nodes.
          if (item?.attrs !== lastItem?.attrs) {
            lastItem = item;
            callbacks.onCurrentItem(item, index);
          }
        },
      };
    },
  });
}

export function createEditorState(doc: ProseMirrorNode, numbering: Numbering, callbacks: EditorCallbacks): EditorState {
  return EditorState.create({
    doc,
    plugins: [
      inputRules({
        rules: [curlyQuoteRule, ellipsis, emDash, minuteReferenceRule, partRule, bulletInPartRule, wrappingInputRule(/^\s*([-*•·])\s$/, nodes['bullet_list']!)],
      }),
      keymap(Object.fromEntries(editorKeys.map(({ key, command }) => [key, command]))),
      keymap(baseKeymap),
      history(),
      search(),
      pastePlugin(),
      pastedBulletDepthPlugin(),
      uniqueIdsPlugin(),
      numberingPlugin(numbering),
      meetingContextPlugin(),
      amendmentNotesPlugin(),
      currentItemPlugin(),
      referencesPlugin((place, beside) => callbacks.onFollowReference(place, beside)),
      alignmentPlugin(),
      caretInSightPlugin(),
      changeListener(callbacks),
    ],
  });
}
