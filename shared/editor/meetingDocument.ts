// Converts between the stored shape of a meeting's items and the single ProseMirror document the
// editor works on. Pure: used by the renderer, and by the node side to check every stored minute.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Item, MinutesNodeJSON } from '../model/meeting.js';
import { minutesSchema, type PrintedNumberAttr } from './schema.js';

const textNodes = (text: string): MinutesNodeJSON[] => (text === '' ? [] : [{ type: 'text', text }]);

/** Builds (and thereby checks) the editor node for one item; throws a RangeError if the minutes do not fit the schema. */
export function itemToNode(item: Item): ProseMirrorNode {
  const node = minutesSchema.nodeFromJSON({
    type: 'item',
    attrs: {
      id: item.id,
      business: item.business,
      agendaText: item.agendaText,
      documents: item.documents,
      printedNumber: item.printedNumber === undefined ? null : { minuteNumber: item.minuteNumber, text: item.printedNumber },
    },
    content: [
      { type: 'item_title', content: textNodes(item.title) },
      { type: 'item_source', content: textNodes(item.source) },
      ...item.minutes,
    ],
  });
  node.check();
  return node;
}

export function itemsToDoc(items: readonly Item[]): ProseMirrorNode {
  return minutesSchema.node('doc', null, items.map(itemToNode));
}

export type UnnumberedItem = Omit<Item, 'minuteNumber' | 'printedNumber'> & { printed: PrintedNumberAttr | null };

/** The number the item was imported with, while it still stands where it was printed (numbering moves it otherwise). */
export const printedNumberAt = (printed: PrintedNumberAttr | null, minuteNumber: number): string | null =>
  printed !== null && printed.minuteNumber === minuteNumber ? printed.text : null;

function nodeToUnnumberedItem(node: ProseMirrorNode): UnnumberedItem {
  const minutes: MinutesNodeJSON[] = [];
  // Children 0 and 1 are the title and source; the rest are the minutes' blocks.
  for (let index = 2; index < node.childCount; index++) minutes.push(node.child(index).toJSON() as MinutesNodeJSON);
  const attrs = node.attrs as { id: string; business: Item['business']; agendaText: string; documents: Item['documents']; printedNumber: PrintedNumberAttr | null };
  return {
    id: attrs.id,
    title: node.child(0).textContent,
    source: node.child(1).textContent,
    business: attrs.business,
    agendaText: attrs.agendaText,
    documents: attrs.documents,
    minutes,
    printed: attrs.printedNumber,
  };
}

/**
 * Reads the items back out of an editor document, numbered from `firstMinuteNumber`. ProseMirror shares
 * unchanged nodes between states, so `cache` lets a save re-serialise only the items that were edited.
 */
export function docToItems(
  doc: ProseMirrorNode,
  firstMinuteNumber: number,
  cache: WeakMap<ProseMirrorNode, UnnumberedItem> = new WeakMap(),
): Item[] {
  const items: Item[] = [];
  doc.forEach((node, _offset, index) => {
    let item = cache.get(node);
    if (item === undefined) {
      item = nodeToUnnumberedItem(node);
      cache.set(node, item);
    }
    const { printed, ...rest } = item;
    const minuteNumber = firstMinuteNumber + index;
    const printedNumber = printedNumberAt(printed, minuteNumber);
    items.push({ ...rest, minuteNumber, ...(printedNumber === null ? {} : { printedNumber }) });
  });
  return items;
}
