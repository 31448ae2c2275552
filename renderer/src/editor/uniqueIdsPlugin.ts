// Items and requests carry ids that registers and references rely on. Splitting a request with Enter
// or pasting an item copies or drops them; this gives every such node a fresh id unique in the
// meeting. Request ids are cached per item node, and ProseMirror keeps unchanged items as the same
// nodes, so a keystroke only rescans the item it changed.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import { newId } from './commands.js';

interface RequestInItem {
  id: string;
  /** Position relative to the start of the item's content. */
  pos: number;
}

const requestsByItem = new WeakMap<ProseMirrorNode, RequestInItem[]>();

function requestsIn(item: ProseMirrorNode): RequestInItem[] {
  let requests = requestsByItem.get(item);
  if (requests === undefined) {
    const found: RequestInItem[] = [];
    item.descendants((node, pos) => {
      if (node.type.name === 'request') found.push({ id: String(node.attrs['id']), pos });
      // Text blocks hold no requests: do not walk their text.
      return !node.isTextblock;
    });
    requests = found;
    requestsByItem.set(item, requests);
  }
  return requests;
}

export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const itemIds = new Set<string>();
      const requestIds = new Set<string>();
      let tr: Transaction | null = null;
      const renew = (pos: number): void => {
        tr ??= newState.tr;
        tr.setNodeAttribute(pos, 'id', newId());
      };
      newState.doc.forEach((item, offset) => {
        const id = String(item.attrs['id']);
        if (id === '' || itemIds.has(id)) renew(offset);
        itemIds.add(id);
        for (const request of requestsIn(item)) {
          if (request.id === '' || requestIds.has(request.id)) renew(offset + 1 + request.pos);
          requestIds.add(request.id);
        }
      });
      return tr === null ? null : (tr as Transaction).setMeta('addToHistory', false);
    },
  });
}
