import { describe, expect, it } from 'vitest';
import { clampShare, defaultLayout, keepLayout, readLayout, type Layout } from '../../renderer/src/compare/layout.js';

/** A Storage of the renderer, in memory. */
function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('the window layout kept across restarts', () => {
  it('comes back as it was kept', () => {
    const storage = memoryStorage();
    const layout: Layout = {
      meetingId: '0c3e5a10-0000-4000-8000-000000000001',
      beside: { meetingId: '0c3e5a10-0000-4000-8000-000000000002', revision: 7 },
      share: 0.4,
      linked: false,
      differences: true,
    };
    keepLayout(layout, storage);
    expect(readLayout(storage)).toEqual(layout);
  });

  it('is the default when nothing is kept, or what is kept cannot be read', () => {
    expect(readLayout(memoryStorage())).toEqual(defaultLayout);
    for (const kept of ['{', '"text"', '{"meetingId":"not-a-uuid","beside":null,"share":0.5,"linked":true,"differences":false}', '{"meetingId":null,"beside":null,"share":0.99,"linked":true,"differences":false}']) {
      expect(readLayout(memoryStorage({ 'minute-book.layout.v1': kept }))).toEqual(defaultLayout);
    }
    const refusing = { getItem: () => { throw new Error('denied'); } };
    expect(readLayout(refusing)).toEqual(defaultLayout);
  });

  it('keeps either pane at least a fifth of the width, and survives storage that refuses', () => {
    expect(clampShare(0.05)).toBe(0.2);
    expect(clampShare(0.95)).toBe(0.8);
    expect(clampShare(0.55)).toBe(0.55);
    expect(() => keepLayout(defaultLayout, { setItem: () => { throw new Error('quota'); } })).not.toThrow();
  });
});
