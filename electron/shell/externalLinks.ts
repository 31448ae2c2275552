// Links out of the desktop window. A link in the minutes (often from an imported page) is opened in
// the clerk's own browser or mail program only after a dialog that names the exact address, and only
// for web and email addresses: the same allow-list the minutes themselves use
// (shared/model/linkAddress.ts). Anything else — file:, javascript:, smb:, ms-msdt: and every other
// handler the operating system registers — is refused without asking, since shell.openExternal would
// hand it to the OS. Sources: the Electron security checklist, "Do not use shell.openExternal with
// untrusted content" and "Limit navigation"/"Limit the creation of new windows". Pure, tested in
// tests/unit/shellPolicy.test.ts; electron/main.ts shows the dialog and opens the address.

import { allowedLinkSchemes, safeLinkAddress } from '../../shared/model/linkAddress.js';

/** Longer addresses are refused: nobody can check one by reading it, and none is needed in minutes. */
export const MAX_EXTERNAL_ADDRESS_LENGTH = 2048;

/** The decision on an address the window tried to open. */
export type ExternalLinkDecision =
  | {
      kind: 'confirm';
      /** The address as parsed and serialised (WHATWG URL): exactly what is shown and what is opened. */
      address: string;
      /** The dialog's question and its detail, naming the address and where it will open. */
      message: string;
      detail: string;
    }
  | { kind: 'refuse'; reason: string };

/**
 * Decides what to do with `url`, asked to open by a link (a new window, a middle or Ctrl+click, or a
 * navigation of the window, which is always prevented). `http:`, `https:` and `mailto:` addresses
 * that pass the minutes' own allow-list (safeLinkAddress), carry no user name or password and are at most MAX_EXTERNAL_ADDRESS_LENGTH long are
 * to be confirmed, naming the serialised address (host names in punycode, so a look-alike written in
 * another script shows as `xn--…`); everything else is refused with the reason. Never throws.
 */
export function decideExternalLink(url: string): ExternalLinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refuse', reason: 'not an address' };
  }
  if (!(allowedLinkSchemes as readonly string[]).includes(parsed.protocol) || safeLinkAddress(url) === null) {
    return { kind: 'refuse', reason: `${parsed.protocol} addresses are not opened` };
  }
  if (parsed.username !== '' || parsed.password !== '') return { kind: 'refuse', reason: 'an address carrying a user name or password' };
  const address = parsed.href;
  if (address.length > MAX_EXTERNAL_ADDRESS_LENGTH) return { kind: 'refuse', reason: 'an address too long to check' };
  if (parsed.protocol === 'mailto:') {
    return { kind: 'confirm', address, message: 'Write an email to this address?', detail: `${address}\n\nYour email program will open.` };
  }
  if (parsed.hostname === '') return { kind: 'refuse', reason: 'a web address with no host' };
  return { kind: 'confirm', address, message: 'Open this address in your web browser?', detail: `${address}\n\nIt leaves Minute Book; check it is the address you expect.` };
}

/** The dialog's buttons, the safe one first as the default and the Escape answer. */
export const EXTERNAL_LINK_BUTTONS = ['Cancel', 'Open'] as const;
/** The index of "Open" in EXTERNAL_LINK_BUTTONS: only that answer opens the address. */
export const EXTERNAL_LINK_OPEN = 1;
