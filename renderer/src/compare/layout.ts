// How the workspace is laid out, kept across restarts like a word processor's window layout: what is
// open beside the meeting, where the divider stands and whether the panes scroll together. It is the
// window's preference, not the record, so it lives in the renderer's own storage; it is validated when
// read, and anything unreadable gives the default layout.
import { z } from 'zod';

/** The narrowest either pane may be, as a share of the workspace. */
export const MIN_PANE_SHARE = 0.2;

const STORAGE_KEY = 'minute-book.layout.v1';

const Beside = z.object({
  meetingId: z.uuid(),
  /** A version of the meeting (history:open) rather than the meeting as it stands. */
  revision: z.number().int().nonnegative().nullable(),
});
export type Beside = z.infer<typeof Beside>;

export const Layout = z.object({
  /** The meeting open in the left pane, reopened at start-up. */
  meetingId: z.uuid().nullable(),
  /** What the right pane shows, or null for one pane. */
  beside: Beside.nullable(),
  /** The left pane's share of the width. */
  share: z.number().min(MIN_PANE_SHARE).max(1 - MIN_PANE_SHARE),
  /** Scrolling one pane keeps the aligned item in view in the other. */
  linked: z.boolean(),
  /** The right pane shows the differences from the left rather than the meeting itself. */
  differences: z.boolean(),
});
export type Layout = z.infer<typeof Layout>;

export const defaultLayout: Layout = { meetingId: null, beside: null, share: 0.5, linked: true, differences: false };

/** The layout last kept, or the default when there is none or it cannot be read. */
export function readLayout(storage: Pick<Storage, 'getItem'> = localStorage): Layout {
  try {
    const parsed = Layout.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : defaultLayout;
  } catch {
    return defaultLayout;
  }
}

/** Keeps the layout; a full or refused storage only means the next start uses the default. */
export function keepLayout(layout: Layout, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Private windows and full storage refuse; the layout is a preference, not the record.
  }
}

/** A divider position kept inside the bounds either pane needs. */
export const clampShare = (share: number): number => Math.min(1 - MIN_PANE_SHARE, Math.max(MIN_PANE_SHARE, share));
