// The desktop shell's decisions, tested without Electron: which permissions a page is granted (none),
// and which links leave the window (web and email addresses, after a dialog naming them).
import { describe, expect, it } from 'vitest';
import { isAppAddress } from '../../electron/shell/appProtocol.js';
import { EXTERNAL_LINK_BUTTONS, EXTERNAL_LINK_OPEN, decideExternalLink } from '../../electron/shell/externalLinks.js';
import { GRANTED_PERMISSIONS, decidePermission } from '../../electron/shell/permissions.js';

describe('decidePermission', () => {
  // Every name Electron 45 can ask about (Session.setPermissionRequestHandler / setPermissionCheckHandler), and one it may add.
  const permissions = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media',
    'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection',
    'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem', 'hid', 'serial', 'usb',
    'deprecated-sync-clipboard-read', 'background-sync', 'a-permission-of-electron-46',
  ];

  it('grants nothing: the app uses no permission', () => {
    expect(GRANTED_PERMISSIONS).toEqual([]);
  });

  it.each(permissions)('denies %s to the app’s own top frame, to a sub-frame and to any other origin', (permission) => {
    for (const [requestingUrl, isMainFrame] of [
      ['app://minute-book/index.html', true],
      ['app://minute-book/index.html', false],
      ['about:srcdoc', false],
      ['https://evil.example/', true],
      ['file:///etc/passwd', true],
      ['', true],
    ] as const) {
      expect(decidePermission({ permission, requestingUrl, isMainFrame }, isAppAddress), `${permission} from ${requestingUrl}`).toBe(false);
    }
  });
});

describe('decideExternalLink', () => {
  it.each([
    ['https://www.coventry.gov.uk/meetings', 'https://www.coventry.gov.uk/meetings', 'Open this address in your web browser?'],
    ['http://example.org/a b', 'http://example.org/a%20b', 'Open this address in your web browser?'],
    ['HTTPS://EXAMPLE.ORG', 'https://example.org/', 'Open this address in your web browser?'],
    ['mailto:committee.services@coventry.gov.uk', 'mailto:committee.services@coventry.gov.uk', 'Write an email to this address?'],
  ])('asks before opening %s, naming the address it will open', (url, address, message) => {
    const decision = decideExternalLink(url);
    expect(decision).toMatchObject({ kind: 'confirm', address, message });
    if (decision.kind === 'confirm') expect(decision.detail.split('\n')[0]).toBe(address);
  });

  it('shows a look-alike host name in punycode, so it cannot pass for the real one', () => {
    const decision = decideExternalLink('https://соvеntry.gov.uk/'); // Cyrillic с, о, е
    expect(decision.kind).toBe('confirm');
    if (decision.kind === 'confirm') {
      expect(decision.address).toMatch(/^https:\/\/xn--/);
      expect(decision.detail).not.toContain('соvеntry');
    }
  });

  it.each([
    ['file:///etc/passwd', 'file: addresses are not opened'],
    ['javascript:alert(1)', 'javascript: addresses are not opened'],
    ['  JaVa\tScRiPt:alert(1)', 'javascript: addresses are not opened'],
    ['data:text/html,<script>alert(1)</script>', 'data: addresses are not opened'],
    ['smb://server/share', 'smb: addresses are not opened'],
    ['ms-msdt:/id PCWDiagnostic', 'ms-msdt: addresses are not opened'],
    ['vscode://file/etc/passwd', 'vscode: addresses are not opened'],
    ['app://minute-book/index.html', 'app: addresses are not opened'],
    ['https://user:password@example.org/', 'an address carrying a user name or password'],
    [`https://example.org/${'a'.repeat(3000)}`, 'an address too long to check'],
    ['/relative/path', 'not an address'],
    ['', 'not an address'],
  ])('refuses %s without asking', (url, reason) => {
    expect(decideExternalLink(url)).toEqual({ kind: 'refuse', reason });
  });

  it('puts the safe answer first, so Enter and Escape cancel', () => {
    expect(EXTERNAL_LINK_BUTTONS[0]).toBe('Cancel');
    expect(EXTERNAL_LINK_BUTTONS[EXTERNAL_LINK_OPEN]).toBe('Open');
  });
});
