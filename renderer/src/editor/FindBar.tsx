// Find and replace within the open meeting, over prosemirror-search: matches are highlighted as
// decorations in the minutes, Enter and Shift+Enter step through them, Replace all is one step of
// the minutes' history, and Escape closes the bar with the cursor where the last match was.
import {
  SearchQuery,
  findNext,
  findPrev,
  getMatchHighlights,
  getSearchState,
  replaceAll,
  replaceNext,
  setSearchState,
} from 'prosemirror-search';
import { TextSelection, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { ariaKey, meetingKeys, pressed, shownKey } from './shortcuts.js';

interface FindBarProps {
  view: EditorView;
  /** Whether the replace field shows (Ctrl+H), beside find (Ctrl+F). */
  replacing: boolean;
  /** A change of the bar's mode asked for from within it. */
  onReplacing: (replacing: boolean) => void;
  readOnly: boolean;
  onClose: () => void;
  /** "Find in library": the same words searched for across every meeting. */
  onFindInLibrary: (words: string) => void;
}

/** How many matches the query has in the minutes, and which one the selection is on (0 when none). */
function countMatches(view: EditorView): { total: number; current: number } {
  const found = getMatchHighlights(view.state).find();
  const { from, to } = view.state.selection;
  const at = found.findIndex((match) => match.from === from && match.to === to);
  return { total: found.length, current: at + 1 };
}

/**
 * Puts the selection on the first match from where it stands (or the first of all), as Word's find does
 * while the words are typed, so one match is the current one and is in view; the focus stays in the bar.
 */
function selectMatchFromCaret(view: EditorView): void {
  const found = getMatchHighlights(view.state).find();
  const { from, to } = view.state.selection;
  if (found.length === 0 || found.some((match) => match.from === from && match.to === to)) return;
  const match = found.find((candidate) => candidate.from >= from) ?? found[0]!;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, match.from, match.to)).setMeta('addToHistory', false));
  showCurrentMatch(view);
}

/**
 * Scrolls the current match into the middle of the page. The editor's own scrollIntoView does nothing
 * while the focus is in the bar rather than in the minutes (prosemirror-view scrolls only to a DOM
 * selection inside the editor), so stepping through matches from the bar would leave them out of sight.
 */
function showCurrentMatch(view: EditorView): void {
  const match = view.dom.querySelector('.ProseMirror-active-search-match');
  const page = view.dom.closest('.page');
  if (match === null || page === null) return;
  // The page alone scrolls: Element.scrollIntoView would move the window's other panes too.
  const [shown, within] = [match.getBoundingClientRect(), page.getBoundingClientRect()];
  if (shown.top < within.top || shown.bottom > within.bottom) page.scrollTop += shown.top - within.top - (within.height - shown.height) / 2;
}

/**
 * Starts finding: the words selected (or those last looked for) become the query, so the bar opens
 * on them with their matches already highlighted.
 */
export function startFinding(view: EditorView): void {
  const { from, to } = view.state.selection;
  const selected = view.state.doc.textBetween(from, to);
  const last = getSearchState(view.state)?.query;
  const query = new SearchQuery({ search: selected !== '' && !selected.includes('\n') ? selected : (last?.search ?? ''), caseSensitive: last?.caseSensitive ?? false, wholeWord: last?.wholeWord ?? false, literal: true });
  view.dispatch(setSearchState(view.state.tr, query).setMeta('addToHistory', false));
}

export function FindBar({ view, replacing, onReplacing, readOnly, onClose, onFindInLibrary }: FindBarProps) {
  const findRef = useRef<HTMLInputElement>(null);
  // The query lives in the editor's state (startFinding set it), so the highlights follow every change to the minutes.
  const [query, setQuery] = useState(() => getSearchState(view.state)?.query ?? new SearchQuery({ search: '' }));
  const [, rendered] = useReducer((count: number) => count + 1, 0);
  const count = countMatches(view);
  const { search, replace, caseSensitive, wholeWord } = query;

  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, [replacing]);

  // Opened on words already (those selected, or the last looked for): one of their matches is the current one.
  useEffect(() => {
    selectMatchFromCaret(view);
    rendered();
  }, [view]);

  // The highlights go with the bar.
  useEffect(
    () => () => {
      if (!view.isDestroyed) view.dispatch(setSearchState(view.state.tr, new SearchQuery({ search: '' })).setMeta('addToHistory', false));
    },
    [view],
  );

  const change = (fields: Partial<{ search: string; replace: string; caseSensitive: boolean; wholeWord: boolean }>) => {
    const next = new SearchQuery({ search, replace, caseSensitive, wholeWord, literal: true, ...fields });
    view.dispatch(setSearchState(view.state.tr, next).setMeta('addToHistory', false));
    selectMatchFromCaret(view);
    setQuery(next);
  };

  const run = (command: Command) => {
    command(view.state, view.dispatch);
    showCurrentMatch(view);
    rendered();
    // With no match left the step buttons are disabled: the focus goes back to the words, not to the page.
    if (countMatches(view).total === 0) findRef.current?.focus();
  };

  const close = () => {
    onClose();
    view.focus();
  };

  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (pressed(event, meetingKeys.replace.key) && !readOnly) {
      event.preventDefault();
      onReplacing(true);
    } else if (pressed(event, 'Mod-f')) {
      event.preventDefault();
      findRef.current?.focus();
      findRef.current?.select();
    }
  };

  const stepKeys = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    run(event.shiftKey ? findPrev : findNext);
  };

  const status = search === '' ? '' : count.total === 0 ? 'No matches' : count.current === 0 ? `${count.total} ${count.total === 1 ? 'match' : 'matches'}` : `${count.current} of ${count.total}`;

  return (
    <div className="find-bar" role="search" aria-label="Find in this meeting" onKeyDown={keys}>
      <input ref={findRef} type="search" aria-label="Find" placeholder="Find" value={search} onChange={(event) => change({ search: event.target.value })} onKeyDown={stepKeys} />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" onClick={() => run(findPrev)} disabled={count.total === 0} aria-keyshortcuts="Shift+Enter">
        Previous
      </button>
      <button type="button" onClick={() => run(findNext)} disabled={count.total === 0} aria-keyshortcuts="Enter">
        Next
      </button>
      <label className="check">
        <input type="checkbox" checked={caseSensitive} onChange={(event) => change({ caseSensitive: event.target.checked })} /> Match case
      </label>
      <label className="check">
        <input type="checkbox" checked={wholeWord} onChange={(event) => change({ wholeWord: event.target.checked })} /> Whole words
      </label>
      {replacing && !readOnly && (
        <>
          <input type="text" aria-label="Replace with" placeholder="Replace with" value={replace} onChange={(event) => change({ replace: event.target.value })} />
          <button type="button" onClick={() => run(replaceNext)} disabled={count.total === 0}>
            Replace
          </button>
          <button type="button" onClick={() => run(replaceAll)} disabled={count.total === 0}>
            Replace all
          </button>
        </>
      )}
      {!replacing && !readOnly && (
        <button type="button" onClick={() => onReplacing(true)} aria-keyshortcuts={ariaKey(meetingKeys.replace.key)} title={`Replace (${shownKey(meetingKeys.replace.key)})`}>
          Replace…
        </button>
      )}
      <button type="button" disabled={search.trim() === ''} onClick={() => onFindInLibrary(search.trim())}>
        Find in library
      </button>
      <button type="button" onClick={close} aria-keyshortcuts="Escape">
        Close
      </button>
    </div>
  );
}
