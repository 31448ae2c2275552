// What a web page in the desktop app may be granted: nothing. Minute Book's window needs no camera,
// microphone, location, notifications, MIDI, HID, serial, USB, screen capture, fullscreen by the page,
// pointer lock, clipboard reads or idle detection — the menu's Cut/Copy/Paste are native roles and
// need no permission. Electron grants every permission by default unless a handler decides, so
// electron/main.ts installs these decisions as the session's permission request, check and device
// handlers. Source: the Electron security checklist, "Handle session permission requests from remote
// content". Pure (no Electron import), tested in tests/unit/shellPolicy.test.ts.

/**
 * Permissions the window's own page may have, and only from the app's own origin. Empty: the app
 * uses none. Kept as a list so that adding one is a visible, reviewed change to this file.
 */
export const GRANTED_PERMISSIONS: readonly string[] = [];

/** What the decision looks at: the permission's name as Electron gives it, and who asks. */
export interface PermissionQuestion {
  /** Electron's permission name: 'media', 'notifications', 'geolocation', 'clipboard-read', … */
  permission: string;
  /** The origin or address of the frame asking (Electron's `requestingOrigin`, `requestingUrl` or the frame's URL); '' if unknown. */
  requestingUrl: string;
  /** Whether the asking frame is the window's top frame. */
  isMainFrame: boolean;
}

/**
 * True only for a permission in GRANTED_PERMISSIONS asked by the top frame of the app's own origin
 * (`isAppAddress`); false for everything else, including any unknown or future permission name, a
 * sub-frame (the export preview), an empty or unparsable origin. Used for both
 * `setPermissionRequestHandler` (the answer to the callback) and `setPermissionCheckHandler`.
 */
export function decidePermission(question: PermissionQuestion, isAppAddress: (url: string) => boolean): boolean {
  return GRANTED_PERMISSIONS.includes(question.permission) && question.isMainFrame && isAppAddress(question.requestingUrl);
}
