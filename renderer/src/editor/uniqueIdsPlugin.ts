// Items, requests and motions carry ids that registers, references and amendments rely on. Splitting a
// request with Enter or pasting an item copies or drops them; this gives every such node a fresh id
// unique in the meeting. The ids within an item are cached per item node, and ProseMirror keeps
// unchanged items as the same nodes, so a keystroke only rescans the item it changed.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import { newId } from './commands.js';

interface IdInItem {
  id: string;
  /** Position relative to the start of the item's content. */
  pos: number;
}

const idsByItem = new WeakMap<ProseMirrorNode, IdInItem[]>();

function idsIn(item: ProseMirrorNode): IdInItem[] {
  let ids = idsByItem.get(item);
  if (ids === undefined) {
    const found: IdInItem[] = [];
    item.descendants((node, pos) => {
      if (node.type.name === 'request' || node.type.name === 'motion') found.push({ id: String(node.attrs['id']), pos });
      // Text blocks hold no requests or motions: do not walk their text.
      return !node.isTextblock;
    });
    ids = found;
    idsByItem.set(item, ids);
  }
  return ids;
}

export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const itemIds = new Set<string>();
      const blockIds = new Set<string>();
      let tr: Transaction | null = null;
      const renew = (pos: number): void => {
        tr ??= newState.tr;
        tr.setNodeAttribute(pos, 'id', newId());
      };
      newState.doc.forEach((item, offset) => {
        const id = String(item.attrs['id']);
        if (id === '' || itemIds.has(id)) renew(offset);
        itemIds.add(id);
        for (const block of idsIn(item)) {
          if (block.id === '' || blockIds.has(block.id)) renew(offset + 1 + block.pos);
          blockIds.add(block.id);
        }
      });
      return tr === null ? null : (tr as Transaction).setMeta('addToHistory', false);
    },
  });
}
