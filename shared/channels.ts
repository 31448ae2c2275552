// The names of every call and menu command between renderer and node side. Kept apart from the
// contract's schemas so the Electron preload can list them without bundling the validation library.
export const channelNames = [
  'library:open',
  'committees:create',
  'committees:update',
  'meetings:create',
  'meetings:load',
  'meetings:save',
  'meetings:replaced-copies',
  'meetings:restore-replaced',
  'meetings:keep-unsaved',
  'library:import',
  'library:read-file',
  'search:query',
  'registers:open',
  'requests:set-status',
  'references:resolve',
  'references:item',
  'exports:pdf',
  'exports:committee-archive',
  'exports:save',
  'recovery:write',
  'recovery:list',
  'recovery:discard',
  'history:list',
  'history:open',
  'history:restore',
  'preferences:get',
  'preferences:set',
  'lifecycle:circulate',
  'lifecycle:back-to-draft',
  'lifecycle:suggest',
  'lifecycle:agree',
  'lifecycle:sign',
  'lifecycle:check',
  'lifecycle:publish',
  'lifecycle:signed-version',
] as const;
export type Channel = (typeof channelNames)[number];

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (channelNames as readonly string[]).includes(value);

/** Commands the desktop application menu sends to the renderer. */
export const menuCommands = ['new-meeting', 'import', 'save', 'undo', 'redo', 'export', 'compare'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The IPC channel on which the main process sends menu commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

