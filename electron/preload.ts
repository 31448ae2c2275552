// The preload of a sandboxed, context-isolated window: exposes one small object, never ipcRenderer
// itself. Only the contract's channels can be invoked; the main process validates every payload.
import { contextBridge, ipcRenderer } from 'electron';
import { MENU_COMMAND_CHANNEL, isChannel, isMenuCommand } from '../shared/channels.js';
import type { DesktopBridge } from '../shared/contract.js';

const bridge: DesktopBridge = {
  invoke: (channel, input) => {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown call ${String(channel)}`));
    return ipcRenderer.invoke(channel, input);
  },
  onMenuCommand: (listener) => {
    // Only a message naming a known command is passed on; the window checks the rest (MenuMessage).
    const relay = (_event: unknown, message: unknown): void => {
      if (message !== null && typeof message === 'object' && isMenuCommand((message as { command?: unknown }).command)) listener(message);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay);
    return () => ipcRenderer.off(MENU_COMMAND_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('minuteBook', bridge);
