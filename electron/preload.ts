// The preload of a sandboxed, context-isolated window: exposes one small object, never ipcRenderer
// itself. Only the contract's channels can be invoked; the main process validates every payload.
import { contextBridge, ipcRenderer } from 'electron';
import { MENU_COMMAND_CHANNEL, isChannel, menuCommands, type MenuCommand } from '../shared/channels.js';
import type { DesktopBridge } from '../shared/contract.js';

const bridge: DesktopBridge = {
  invoke: (channel, input) => {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown call ${String(channel)}`));
    return ipcRenderer.invoke(channel, input);
  },
  onMenuCommand: (listener) => {
    const relay = (_event: unknown, command: unknown): void => {
      if ((menuCommands as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay);
    return () => ipcRenderer.off(MENU_COMMAND_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('minuteBook', bridge);
