// Straight quotes as a printed document has them: ‘single’ and “double” curly quotes, and the
// apostrophe as a closing single quote (don’t, Members’), as the council's published minutes print them.

/** Characters after which a quote opens rather than closes. */
const opensAfter = /[\s([{\u2014\u2013\-/‘“]/u;

/**
 * `text` with its straight quotes curled; `before` is the character just before it in the paragraph
 * ('' at the start of one), which decides whether a leading quote opens or closes.
 */
export function curlQuotes(text: string, before = ''): string {
  let previous = before;
  let curled = '';
  for (const character of text) {
    if (character === '"' || character === "'") {
      const opening = previous === '' || opensAfter.test(previous);
      curled += character === '"' ? (opening ? '“' : '”') : opening ? '‘' : '’';
    } else {
      curled += character;
    }
    previous = character;
  }
  return curled;
}
