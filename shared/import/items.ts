// Putting an item together once a form has found its parts, the same way for every form: a fresh
// id, and a placeholder paragraph (with a warning) when the archive printed no minutes for it.
import { paragraph } from '../editor/blocks.js';
import type { Item } from '../model/meeting.js';
import type { Ledger } from './ledger.js';

/** How warnings name an item: "item 7 (Support to Young Carers)". */
export const itemLabel = (minuteNumber: number, title: string): string => `item ${minuteNumber}${title === '' ? '' : ` (${title})`}`;

export function assembleItem(parts: Omit<Item, 'id'>, newId: () => string, ledger: Ledger): Item {
  const label = itemLabel(parts.minuteNumber, parts.title);
  if (parts.title === '') ledger.warn(`The file gives no title for ${label}.`);
  if (parts.minutes.length > 0) return { id: newId(), ...parts };
  ledger.warn(`The file has no minutes for ${label}; it is imported with an empty paragraph.`);
  return { id: newId(), ...parts, minutes: [paragraph()] };
}
