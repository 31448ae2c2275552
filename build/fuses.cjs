// The Electron fuses flipped in every packaged Minute Book (by build/afterPack.cjs, before signing).
// Fuses are switches compiled into the Electron binary that no command-line flag or environment
// variable can turn back: https://www.electronjs.org/docs/latest/tutorial/fuses and the security
// checklist's "Use Electron fuses". Each entry says why. Read by tests/unit/packaging.test.ts.
'use strict';
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/**
 * The fuse settings, as @electron/fuses' flipFuses takes them (`{ version, [FuseV1Options.X]: boolean }`).
 * @electron/fuses 1.8.0 (the last release for Node 20) knows the first eight fuses; Electron 45's
 * ninth, WasmTrapHandlers, keeps its default (on), which is a speed and robustness setting for
 * WebAssembly, not a way in. strictlyRequireAllFuses is therefore off.
 */
const fuseSettings = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.js for any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted at rest with the OS's keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload arbitrary code into the main process (--require).
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process to anyone on the machine.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar checked against the hash electron-builder embeds (Info.plist on macOS, a resource on
  // Windows); Electron validates on macOS and Windows only, and ignores the fuse on Linux.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded (no app/ folder beside it), so the integrity check cannot be sidestepped.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // One V8 snapshot for every process: the app ships no browser-specific snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The window loads app://, never file://: file: pages get no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * The settings for one packaged app: on macOS the ad-hoc signature is redone after the binary changes
 * (an arm64 Mac refuses to run an ad-hoc signed binary whose signature no longer matches).
 * @param {string} electronPlatformName 'linux', 'win32', 'darwin' or 'mas'
 */
function fuseSettingsFor(electronPlatformName) {
  return { ...fuseSettings, resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas' };
}

module.exports = { fuseSettings, fuseSettingsFor };
