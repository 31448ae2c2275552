// How the renderer reaches the node side: the Electron preload's `window.minuteBook` in the desktop
// app, or the browser bridge's HTTP endpoint in Chromium. Both speak the one contract.
import {
  MinuteBookError,
  type CallResult,
  type Channel,
  type ChannelInput,
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

/** `keepalive`: the request must reach the node side even if the page is closing (bodies up to 64 kB). */
type Transport = (channel: Channel, input: unknown, options?: { keepalive?: boolean }) => Promise<CallResult<unknown>>;

/** The bridge's calls: the session cookie it set at launch goes with each (same-origin), never read by script. */
function bridgeTransport(): Transport {
  return async (channel, input, options) => {
    const response = await fetch('/api/call', {
      method: 'POST',
      keepalive: options?.keepalive === true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
    return (await response.json()) as CallResult<unknown>;
  };
}

const desktop = window.minuteBook;
const transport: Transport = desktop ? (channel, input) => desktop.invoke(channel, input) : bridgeTransport();

async function callWith<C extends Channel>(channel: C, input: ChannelInput<C>, options?: { keepalive?: boolean }): Promise<ChannelOutput<C>> {
  const result = await transport(channel, input, options);
  if (!result.ok) throw new MinuteBookError(result.error.code, result.error.message);
  return result.value as ChannelOutput<C>;
}

export const api: MinuteBookApi = { call: (channel, input) => callWith(channel, input) };

/**
 * A call made as the page goes away (pagehide): in the browser a `keepalive` request, which the
 * browser still delivers after the tab has closed; in the desktop app an ordinary call, the window
 * waiting for it. Its answer may never be read.
 */
export const callWhileLeaving = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  callWith(channel, input, { keepalive: true });

/** True in the desktop app, where closing the window must wait for the last save. */
export const isDesktop = desktop !== undefined;

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return desktop ? desktop.onMenuCommand(listener) : () => undefined;
}
