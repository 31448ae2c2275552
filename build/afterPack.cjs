// electron-builder's afterPack hook (build/electron-builder.yml): flips the fuses of build/fuses.cjs in
// the packaged Electron binary, after the app is copied in and before it is signed. A failure stops
// the build: an app that was meant to be locked down must not ship without it.
'use strict';
const { fuseSettingsFor } = require('./fuses.cjs');

/** @param {import('app-builder-lib').AfterPackContext} context */
module.exports = async function afterPack(context) {
  const flipped = await context.packager.addElectronFuses(context, fuseSettingsFor(context.electronPlatformName));
  if (typeof flipped === 'number' && flipped < 1) throw new Error('@electron/fuses found no fuse wire in the packaged Electron binary');
};
