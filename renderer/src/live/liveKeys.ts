// Live capture's keys: one table drives both what a key does and what the screen says it does, so the
// keys shown are always the keys that work. Letters act on the member selected in the list (picked by
// their number or the arrow keys), so recording "member 4 arrived" is two keys: 4, then A.
export type LiveAction =
  | 'next-item'
  | 'previous-item'
  | 'present'
  | 'apologies'
  | 'absent'
  | 'arrived'
  | 'left'
  | 'left-for-item'
  | 'returned'
  | 'declaration'
  | 'motion'
  | 'vote'
  | 'write'
  | 'start'
  | 'adjourn'
  | 'close';

export interface LiveKey {
  /** KeyboardEvent.key, as pressed without Shift (letters in lower case). */
  key: string;
  /** How the key is shown and named ("N", "Enter"). */
  shown: string;
  /** What it does, in the clerk's words. */
  label: string;
}

export const liveKeys: Record<LiveAction, LiveKey> = {
  'next-item': { key: 'n', shown: 'N', label: 'Next item' },
  'previous-item': { key: 'b', shown: 'B', label: 'Back an item' },
  present: { key: 'p', shown: 'P', label: 'Present' },
  apologies: { key: 'x', shown: 'X', label: 'Apologies' },
  absent: { key: 'o', shown: 'O', label: 'Absent (no apologies)' },
  arrived: { key: 'a', shown: 'A', label: 'Arrived' },
  left: { key: 'l', shown: 'L', label: 'Left' },
  'left-for-item': { key: 'i', shown: 'I', label: 'Left for this item' },
  returned: { key: 'r', shown: 'R', label: 'Returned' },
  declaration: { key: 'd', shown: 'D', label: 'Declaration…' },
  motion: { key: 'm', shown: 'M', label: 'Motion or amendment…' },
  vote: { key: 'v', shown: 'V', label: 'Vote…' },
  write: { key: 'Enter', shown: 'Enter', label: 'Write in this item' },
  start: { key: 's', shown: 'S', label: 'Started now' },
  adjourn: { key: 'j', shown: 'J', label: 'Adjourned now' },
  close: { key: 'c', shown: 'C', label: 'Closed now' },
};

/** The action a key press asks for, or null. Keys with Ctrl, Alt or the Meta key belong to the window. */
export function liveActionOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): LiveAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const pressed = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const found = (Object.entries(liveKeys) as [LiveAction, LiveKey][]).find(([, { key }]) => key === pressed);
  return found?.[0] ?? null;
}

/** The key that selects the member at `index` of the list: 1–9, then 0 for the tenth; later members by the arrow keys. */
export const memberKey = (index: number): string => (index < 9 ? String(index + 1) : index === 9 ? '0' : '');

/** The list index a digit selects, or null. */
export function memberIndexOf(key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  return key === '0' ? 9 : Number(key) - 1;
}
