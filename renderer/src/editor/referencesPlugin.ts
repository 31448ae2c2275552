// Minute references ("Minute 59/16") as links: each reference is marked resolved, with the minute it
// names as its tooltip, or "not in this library"; clicking a resolved one follows it.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { formatProseDate } from '../../../shared/dates.js';
import type { MinutePlace } from '../../../shared/search/citation.js';

export type ResolvedReferences = Readonly<Record<string, MinutePlace | null>>;

export const referencesKey = new PluginKey<{ resolved: ResolvedReferences; decorations: DecorationSet }>('minute-references');

function decorate(doc: ProseMirrorNode, resolved: ResolvedReferences): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'minute_reference') return true;
    const citation = String(node.attrs['minute']);
    if (!(citation in resolved)) return false;
    const place = resolved[citation];
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        class: place ? 'resolved' : 'unresolved',
        title: place ? `Minute ${place.citation}: ${place.title} (${formatProseDate(place.date)})` : `Minute ${citation} is not in this library`,
        role: place ? 'link' : 'note',
      }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Every citation in the minutes, to ask the library which it holds. */
export function citationsIn(doc: ProseMirrorNode): string[] {
  const citations = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'minute_reference') citations.add(String(node.attrs['minute']));
  });
  return [...citations];
}

/** `onFollow` hears the minute a clicked reference names, and whether Shift or Alt asked for it beside the meeting. */
export function referencesPlugin(onFollow: (place: MinutePlace, beside: boolean) => void): Plugin {
  return new Plugin({
    key: referencesKey,
    state: {
      init: () => ({ resolved: {}, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const resolved = tr.getMeta(referencesKey) as ResolvedReferences | undefined;
        if (resolved !== undefined) return { resolved, decorations: decorate(tr.doc, resolved) };
        return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: {
      decorations: (state) => referencesKey.getState(state)?.decorations,
      handleClickOn(view, _pos, node, _nodePos, event) {
        if (node.type.name !== 'minute_reference') return false;
        const place = referencesKey.getState(view.state)?.resolved[String(node.attrs['minute'])];
        if (!place) return false;
        onFollow(place, event.shiftKey || event.altKey);
        return true;
      },
      handleDOMEvents: {
        // ProseMirror leaves a click with Shift held to the browser (it extends the selection) and never
        // calls handleClickOn for it: Shift+click on a resolved reference is caught here, as it goes down.
        mousedown(view, event) {
          if (!event.shiftKey || event.button !== 0 || !(event.target instanceof Element)) return false;
          const element = event.target.closest('.minute-reference');
          if (element === null || !view.dom.contains(element)) return false;
          const at = view.posAtDOM(element, 0);
          const node = [at, at - 1].map((pos) => (pos >= 0 ? view.state.doc.nodeAt(pos) : null)).find((found) => found?.type.name === 'minute_reference');
          const place = node ? referencesKey.getState(view.state)?.resolved[String(node.attrs['minute'])] : undefined;
          if (!place) return false;
          event.preventDefault();
          onFollow(place, true);
          return true;
        },
      },
    },
  });
}
