// Finds the Electron binary, if this machine has one. `require('electron')` answers its path, or
// throws when the binary was never downloaded (as on machines that cannot reach GitHub).
import { createRequire } from 'node:module';

export function electronBinary() {
  if (process.env.ELECTRON_PATH) return process.env.ELECTRON_PATH;
  try {
    return createRequire(import.meta.url)('electron');
  } catch {
    return null;
  }
}
