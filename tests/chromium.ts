// Debian's Chromium, launched as these machines allow (see ../shared/TOOLCHAIN.md): as root, so
// without its sandbox, and with the network-quietening flags the app's own PDF printing uses.
import { findChromium, offlineChromiumArgs } from '../electron/services/chromiumPdf.js';

export const chromiumPath = findChromium() ?? '/usr/bin/chromium';
export const chromiumArgs = ['--no-sandbox', ...offlineChromiumArgs];
