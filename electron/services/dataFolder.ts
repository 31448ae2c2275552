// Where the library lives: a folder given with --library or MINUTE_BOOK_LIBRARY, else the user's data
// folder, the same one Electron's app.getPath('userData') gives, so the desktop app and the browser
// bridge open the same library.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Minute Book';

export function userDataFolder(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_NAME);
}

/** The folder named by `--library <dir>` (or `--library=<dir>`) or MINUTE_BOOK_LIBRARY, if any. */
export function chosenLibraryFolder(argv: readonly string[], env = process.env): string | null {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--library' && argv[index + 1] !== undefined) return resolve(argv[index + 1]!);
    if (arg.startsWith('--library=')) return resolve(arg.slice('--library='.length));
  }
  const fromEnv = env['MINUTE_BOOK_LIBRARY'];
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : null;
}
