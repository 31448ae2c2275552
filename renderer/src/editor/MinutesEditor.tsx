// Mounts ProseMirror. React renders this component once per meeting; from then on ProseMirror owns
// the editing surface, and changes reach React only through the callbacks (debounced by the caller).
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { memo, useEffect, useRef } from 'react';
import { createEditorState, type EditorCallbacks } from './editorSetup.js';
import { nodeViews } from './nodeViews.js';
import { numberingKey, type Numbering } from './numberingPlugin.js';

interface MinutesEditorProps {
  doc: ProseMirrorNode;
  /** Imported and agreed minutes are the record: shown, never edited. */
  readOnly: boolean;
  numbering: Numbering;
  callbacks: EditorCallbacks;
  onView: (view: EditorView | null) => void;
}

export const MinutesEditor = memo(function MinutesEditor({ doc, readOnly, numbering, callbacks, onView }: MinutesEditorProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // Read once at mount: the document is owned by ProseMirror from then on.
  const initial = useRef({ doc, readOnly, numbering, callbacks });
  // A remount of this same editor (React's development double mount) goes on from where it was.
  const lastState = useRef<EditorState | null>(null);

  useEffect(() => {
    const { doc: initialDoc, readOnly: locked, numbering: initialNumbering, callbacks: initialCallbacks } = initial.current;
    const view = new EditorView(mountRef.current, {
      state: lastState.current ?? createEditorState(initialDoc, initialNumbering, initialCallbacks),
      editable: () => !locked,
      nodeViews,
      // As ProseMirror's own dispatch, but every step is reported first: the recovery journal keeps them.
      dispatchTransaction(this: EditorView, tr) {
        const { state, transactions } = this.state.applyTransaction(tr);
        const steps = transactions.flatMap((applied) => applied.steps);
        if (steps.length > 0) initialCallbacks.onSteps?.(steps, state.doc);
        this.updateState(state);
      },
      // Read-only minutes stay focusable, so the keyboard (F6, arrows, Page Down) can reach and scroll them.
      attributes: { 'aria-label': 'Minutes', role: 'textbox', 'aria-multiline': 'true', class: 'minutes', ...(locked ? { tabindex: '0', 'aria-readonly': 'true' } : {}) },
    });
    viewRef.current = view;
    onView(view);
    return () => {
      lastState.current = view.state;
      onView(null);
      view.destroy();
      viewRef.current = null;
    };
  }, [onView]);

  useEffect(() => {
    const view = viewRef.current;
    if (view && numberingKey.getState(view.state)?.numbering !== numbering) {
      view.dispatch(view.state.tr.setMeta(numberingKey, numbering).setMeta('addToHistory', false));
    }
  }, [numbering]);

  return <div ref={mountRef} className="minutes-mount" />;
});
