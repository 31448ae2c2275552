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
  'meetings:delete',
  'meetings:duplicate',
  'bin:list',
  'bin:restore',
  'committees:archive',
  'library:undo-import',
  'library:import',
  'imports:start',
  'imports:add-files',
  'imports:progress',
  'imports:cancel',
  'library:open-sample',
  'library:leave-sample',
  'library:read-file',
  'search:query',
  'registers:open',
  'registers:page',
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
  'lifecycle:put-back-signed',
  'files:choose-to-import',
  'files:take-opened',
  'window:unsaved',
] as const;
export type Channel = (typeof channelNames)[number];

/**
 * What each call does, in the clerk's words, for messages about it ("Minute Book could not save the
 * meeting: …"): a channel's name is never shown to the clerk.
 */
export const channelPurposes: Record<Channel, string> = {
  'library:open': 'open the library',
  'committees:create': 'create the committee',
  'committees:update': 'save the committee',
  'meetings:create': 'create the meeting',
  'meetings:load': 'open the meeting',
  'meetings:save': 'save the meeting',
  'meetings:replaced-copies': 'list the copies an import replaced',
  'meetings:restore-replaced': 'bring back the replaced copy',
  'meetings:keep-unsaved': 'keep this window’s unsaved copy',
  'meetings:delete': 'move the meeting to the bin',
  'meetings:duplicate': 'duplicate the meeting',
  'bin:list': 'list the meetings in the bin',
  'bin:restore': 'restore the meeting from the bin',
  'committees:archive': 'archive the committee',
  'library:undo-import': 'undo the import',
  'library:import': 'import the minutes',
  'imports:start': 'begin importing the files',
  'imports:add-files': 'take the files to import',
  'imports:progress': 'tell how the import is getting on',
  'imports:cancel': 'cancel the import',
  'library:open-sample': 'open the sample library',
  'library:leave-sample': 'go back to your own library',
  'library:read-file': 'read the file',
  'search:query': 'search the library',
  'registers:open': 'open the registers',
  'registers:page': 'read the register',
  'requests:set-status': 'mark the request',
  'references:resolve': 'look up the minute references',
  'references:item': 'find the minutes that cite this item',
  'exports:pdf': 'make the PDF',
  'exports:committee-archive': 'make the committee’s archive',
  'exports:save': 'save the export',
  'recovery:write': 'keep your unsaved changes for recovery',
  'recovery:list': 'look for unsaved changes to recover',
  'recovery:discard': 'set the recovered changes aside',
  'history:list': 'list the versions',
  'history:open': 'open the version',
  'history:restore': 'restore the version',
  'preferences:get': 'read your name',
  'preferences:set': 'save your name',
  'lifecycle:circulate': 'circulate the minutes',
  'lifecycle:back-to-draft': 'put the minutes back to draft',
  'lifecycle:suggest': 'record the suggested correction',
  'lifecycle:agree': 'record the agreement',
  'lifecycle:sign': 'sign the minutes',
  'lifecycle:check': 'check the minutes',
  'lifecycle:publish': 'record the publication',
  'lifecycle:signed-version': 'find the version as signed',
  'lifecycle:put-back-signed': 'put back the version as signed',
  'files:choose-to-import': 'show the files to import',
  'files:take-opened': 'open the file you chose',
  'window:unsaved': 'note that this window has changes still to save',
};

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (channelNames as readonly string[]).includes(value);

/**
 * Commands the desktop application menu sends to the renderer, by name (the message, with any detail
 * such as the meeting of File → Open Recent, is `MenuMessage` in shared/contract.ts). The renderer
 * handles each in one dispatch table (renderer/src/menu/menuActions.ts).
 */
export const menuCommands = [
  // File
  'new-meeting',
  'open-recent',
  'import',
  'save',
  'export',
  'print',
  // Files given to the app (double-clicked, or passed to a second start) are waiting: files:take-opened.
  'open-files',
  // Edit
  'undo',
  'redo',
  'find',
  'replace',
  // View
  'toggle-side-by-side',
  'compare',
  'theme:light',
  'theme:dark',
  'theme:contrast',
  'theme:system',
  // Help
  'shortcuts',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

export const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (menuCommands as readonly string[]).includes(value);

/** The IPC channel on which the main process sends menu commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
