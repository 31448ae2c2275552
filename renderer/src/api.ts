// How the renderer reaches the node side: the Electron preload's `window.minuteBook` in the desktop
// app, or the browser bridge's HTTP endpoint in Chromium. Both speak the one contract.
import { BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../shared/channels.js';
import {
  MinuteBookError,
  type CallResult,
  type Channel,
  type ChannelOutput,
  type DesktopBridge,
  type MenuCommand,
  type MinuteBookApi,
} from '../../shared/contract.js';

declare global {
  interface Window {
    minuteBook?: DesktopBridge;
  }
}

type Transport = (channel: Channel, input: unknown) => Promise<CallResult<unknown>>;

function bridgeTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${BRIDGE_TOKEN_META}"]`)?.content ?? '';
  return async (channel, input) => {
    const response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [BRIDGE_TOKEN_HEADER]: token },
      body: JSON.stringify({ channel, input }),
    });
    return (await response.json()) as CallResult<unknown>;
  };
}

const desktop = window.minuteBook;
const transport: Transport = desktop ? (channel, input) => desktop.invoke(channel, input) : bridgeTransport();

export const api: MinuteBookApi = {
  async call(channel, input) {
    const result = await transport(channel, input);
    if (!result.ok) throw new MinuteBookError(result.error.code, result.error.message);
    return result.value as ChannelOutput<typeof channel>;
  },
};

/** True in the desktop app, where closing the window must wait for the last save. */
export const isDesktop = desktop !== undefined;

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return desktop ? desktop.onMenuCommand(listener) : () => undefined;
}
