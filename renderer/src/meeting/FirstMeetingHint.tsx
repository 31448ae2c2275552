// A short hint on the first meeting the clerk opens: how the minutes are made of blocks and how to
// add one (Ctrl+/). It belongs to that one meeting (issue 13: "a short guided hint on the first
// meeting"), not to every meeting opened after it; dismissed, it is gone for good. Both are kept in
// this computer's storage for the app.
import { useState } from 'react';

const KEY = 'minute-book:first-meeting-hint';
const DISMISSED = 'dismissed';

/**
 * Whether the hint shows on the meeting `meetingId`: on the first meeting it is asked about (which it
 * then keeps as its own, in `storage`), on that meeting only, and never once dismissed. Storage that
 * cannot be read or written shows no hint rather than one on every meeting.
 */
export function hintShowsOn(meetingId: string, storage: Pick<Storage, 'getItem' | 'setItem'>): boolean {
  try {
    const kept = storage.getItem(KEY);
    if (kept === null) {
      storage.setItem(KEY, `meeting:${meetingId}`);
      return true;
    }
    return kept === `meeting:${meetingId}`;
  } catch {
    return false;
  }
}

/** The hint, for the meeting `meetingId` (shown only if it is the clerk's first, see hintShowsOn). */
export function FirstMeetingHint({ meetingId }: { meetingId: string }) {
  const [shown, setShown] = useState(() => hintShowsOn(meetingId, localStorage));
  if (!shown) return null;
  const dismiss = () => {
    localStorage.setItem(KEY, DISMISSED);
    setShown(false);
  };
  return (
    <section className="first-meeting-hint" aria-label="Getting started">
      <h2>Getting started</h2>
      <p>
        Each item&apos;s minutes are made of <strong>blocks</strong>: paragraphs, bullet lists, resolutions, declarations of interest, requests for
        information. Type as in Word; press <kbd>Ctrl</kbd>+<kbd>/</kbd> anywhere in the meeting to insert a block at the caret. Typing “- ” starts a
        bullet, and “Minute 59/16” becomes a reference to that minute.
      </p>
      <button type="button" onClick={dismiss}>
        Got it, hide this hint
      </button>
    </section>
  );
}
