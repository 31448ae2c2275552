// A short hint on the first meeting the clerk opens: how the minutes are made of blocks and how to
// add one (Ctrl+/). Dismissed once, it stays dismissed (kept in this computer's storage for the app).
import { useState } from 'react';

const KEY = 'minute-book:first-meeting-hint';

const dismissed = (): boolean => {
  try {
    return localStorage.getItem(KEY) === 'dismissed';
  } catch {
    return false;
  }
};

export function FirstMeetingHint() {
  const [hidden, setHidden] = useState(dismissed);
  if (hidden) return null;
  const dismiss = () => {
    localStorage.setItem(KEY, 'dismissed');
    setHidden(true);
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
