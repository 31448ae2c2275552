// The one rule for which link addresses Minute Book keeps: absolute http, https and mailto addresses,
// and nothing else. Published pages have no script and no CSP of the clerk's choosing, so a
// `javascript:` (or `data:`, `vbscript:`, `file:`…) link carried from an archive or typed into the
// Link dialog would run in whoever opens the page. An allow-list rather than a block-list, as OWASP's
// XSS Prevention Cheat Sheet advises ("URL contexts: allow-list http and https").
//
// Browsers read an href the way the WHATWG URL Standard's basic URL parser does: it first strips
// leading and trailing C0 controls and spaces, and removes every ASCII tab and newline inside, and
// scheme names are case-insensitive, so "  JaVa\tScRiPt:alert(1)" is a javascript: URL. The check
// therefore cleans the address the same way and then asks the WHATWG parser itself (global `URL`, in
// Node, Chromium and Electron alike) for the scheme. Character references are the HTML reader's job
// (shared/import/htmlToLines.ts decodes them before an address gets here).

/** The schemes a link may use, as the WHATWG parser reports them (`URL.protocol`). */
export const allowedLinkSchemes = ['http:', 'https:', 'mailto:'] as const;

/** What the Link dialog and the import report say about a refused address. */
export const linkRule = 'links may only be web (http, https) or email (mailto) addresses';

/** The WHATWG URL parser, present in every runtime shared/ runs in; typed here because shared/ has no DOM types. */
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => { protocol: string } }).URL;

/** Removes what the WHATWG parser removes before it reads a URL: outer C0 controls and spaces, inner tabs and newlines. */
export const cleanLinkAddress = (address: string): string =>
  // eslint-disable-next-line no-control-regex
  address.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');

/**
 * The address cleaned as a browser cleans it when it is an absolute http, https or mailto URL; null
 * for anything else (another scheme, a relative or unparseable address, an empty one). The cleaned
 * form is what is stored, so what was checked is exactly what every export writes.
 */
export function safeLinkAddress(address: unknown): string | null {
  if (typeof address !== 'string') return null;
  const cleaned = cleanLinkAddress(address);
  // Controls and lone surrogates left inside would be read differently by other consumers (Word, Markdown renderers).
  // eslint-disable-next-line no-control-regex
  if (cleaned === '' || /[\u0000-\u001f\u007f]|[\ud800-\udfff]/.test(cleaned.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) return null;
  let protocol: string;
  try {
    protocol = new WhatwgUrl(cleaned).protocol;
  } catch {
    return null;
  }
  return (allowedLinkSchemes as readonly string[]).includes(protocol) ? cleaned : null;
}

/**
 * What the Link dialog stores for an address the clerk typed: `{ href }`, or `{ refused }` saying why
 * in a sentence. An address without a scheme ("www.…") is a web address (http://). Refused: spaces
 * inside (browsers differ: Chromium keeps "https://exa mple.org" whole, others cut the link at the
 * space), an address starting "//" (scheme-relative: it means "as the page was opened", which an
 * exported file does not know, and http:// in front of it would make "http:////evil.example"; not
 * guessed as https:// because the clerk may have meant something else entirely), and anything
 * safeLinkAddress refuses.
 */
export function typedLinkAddress(typed: string): { href: string } | { refused: string } {
  const address = typed.trim();
  if (/\s/.test(address)) return { refused: 'That address cannot be a link: it has a space in it.' };
  if (address.startsWith('//')) return { refused: 'That address cannot be a link: start it with https:// or http://.' };
  const href = safeLinkAddress(/^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `http://${address}`);
  return href === null ? { refused: `That address cannot be a link: ${linkRule}.` } : { href };
}

export const isSafeLinkAddress = (address: unknown): address is string => safeLinkAddress(address) === address;

/**
 * A copy of JSON read from outside (a meeting file, an archive) in which every link mark holds an
 * allowed address: one that only needed cleaning is stored cleaned, any other link mark is removed and
 * its text kept. `dropped` lists the removed addresses, for the import report. Files written before
 * this rule are repaired by it rather than set aside. The value's depth is bounded by the caller
 * (parseBoundedJson, wellFormedDeep).
 */
export function withSafeLinks(value: unknown): { value: unknown; dropped: string[] } {
  const dropped: string[] = [];
  const markOf = (mark: unknown): unknown[] => {
    const { type, attrs } = (mark ?? {}) as { type?: unknown; attrs?: { href?: unknown } };
    if (type !== 'link') return [mark];
    const safe = safeLinkAddress(attrs?.href);
    if (safe === null) {
      dropped.push(typeof attrs?.href === 'string' ? attrs.href : JSON.stringify(attrs?.href ?? null));
      return [];
    }
    return [{ ...(mark as object), attrs: { ...attrs, href: safe } }];
  };
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(walk);
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const repaired = key === 'marks' && Array.isArray(child) ? child.flatMap(markOf) : walk(child);
      Object.defineProperty(copy, key, { value: repaired, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  return { value: walk(value), dropped };
}
