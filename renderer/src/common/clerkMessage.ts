// What the clerk reads when something fails. Minute Book's own messages (the node side's, and the
// window's) say what happened and what to do, and are shown as they are; the browser's own errors
// ("Failed to fetch", "Cannot read properties of undefined") never are.

/** The message to show the clerk for a failure of any kind. */
export function clerkMessage(error: unknown): string {
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return 'This window has lost its connection to the library on this computer. It keeps trying by itself; if this lasts more than a minute, check that Minute Book is still running, then reload this page.';
  }
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError) {
    return `Something went wrong in this window (${error.message}). Try again; if it happens again, reload the page or restart Minute Book: everything saved is kept.`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
