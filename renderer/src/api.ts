// How the renderer reaches the node side: the Electron preload's `window.minuteBook` in the desktop
// app, or the browser bridge's HTTP endpoint in Chromium. Both speak the one contract.
import { channelPurposes } from '../../shared/channels.js';
import {
  MinuteBookError,
  type CallResult,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type DesktopBridge,
  MenuMessage,
  type MinuteBookApi,
} from '../../shared/contract.js';
import { connection } from './nodeSideConnection.js';

declare global {
  interface Window {
    minuteBook?: DesktopBridge;
  }
}

/** `keepalive`: the request must reach the node side even if the page is closing (bodies up to 64 kB). */
type Transport = (channel: Channel, input: unknown, options?: { keepalive?: boolean }) => Promise<CallResult<unknown>>;

/** The call never reached the node side, or what answered was not it: worth trying again. */
class LostConnection extends Error {}

/** The waits before each new try of a call that found the connection lost (about 15 s in all); then the clerk is told. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

const couldNot = (channel: Channel): string => `Minute Book could not ${channelPurposes[channel]}`;

const lostMessage = (channel: Channel): string =>
  `${couldNot(channel)}: this window has lost its connection to the library on this computer. It keeps trying by itself ` +
  'and what you have typed stays in this window. If this lasts more than a minute, check that Minute Book is still running ' +
  '(the window it was started from), then reload this page.';

/**
 * Calls that add to the library with nothing to say they were made already: one whose answer the
 * connection cut off may have been made, so it is not made again unasked.
 */
const notRepeated: ReadonlySet<Channel> = new Set<Channel>(['committees:create', 'meetings:create', 'library:import']);

const mayHaveBeenMade = (channel: Channel): string =>
  `${couldNot(channel)}: this window lost its connection to the library on this computer before the answer came. ` +
  'Once the line at the top of the window says it is connected again, look in the library to see whether it was done, and try again if not.';

const pageMessage = (channel: Channel): string =>
  `${couldNot(channel)}: this page is no longer the one Minute Book is serving. Reload the page (F5); everything saved is kept.`;

/**
 * The browser bridge: POST /api/call, with the session cookie the bridge set at launch going with each
 * (same-origin; never read by script). A bridge started again since (after the machine slept, or the
 * process was restarted) keeps its session, so the calls go on; the page it serves is how a lost
 * connection is probed.
 */
function bridgeTransport(): { call: Transport; probe: () => Promise<boolean> } {
  const probe = async (): Promise<boolean> => {
    try {
      return (await fetch('/', { cache: 'no-store', credentials: 'same-origin' })).ok;
    } catch {
      return false;
    }
  };
  const post = async (channel: Channel, input: unknown, keepalive: boolean): Promise<{ status: number; result: CallResult<unknown> }> => {
    let response: Response;
    try {
      response = await fetch('/api/call', {
        method: 'POST',
        keepalive,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel, input }),
      });
    } catch {
      throw new LostConnection(); // the browser's "Failed to fetch": nothing answered
    }
    try {
      return { status: response.status, result: (await response.json()) as CallResult<unknown> };
    } catch {
      throw new LostConnection(); // the answer was cut off, or did not come from Minute Book
    }
  };
  const call: Transport = async (channel, input, options) => {
    const keepalive = options?.keepalive === true;
    let answer = await post(channel, input, keepalive);
    if (answer.status === 403 && (await probe())) answer = await post(channel, input, keepalive);
    const { status, result } = answer;
    if (result.ok || status === 200) return result;
    // The bridge's own refusals are worded for developers ("Refused: …"): say what the clerk was doing.
    if (status === 403) return { ok: false, error: { code: 'unavailable', message: pageMessage(channel) } };
    return { ok: false, error: { ...result.error, message: `${couldNot(channel)}: ${result.error.message.replace(/^Refused: /, '')}` } };
  };
  return { call, probe };
}

/** The desktop app's IPC. The node side is the app's own main process, so it is never lost while the window lives. */
function desktopTransport(desktop: DesktopBridge): Transport {
  return async (channel, input) => {
    try {
      return await desktop.invoke(channel, input);
    } catch {
      // Electron's own message names the channel; the clerk needs what to do.
      const message = `${couldNot(channel)}: the window could not reach the rest of Minute Book. Close Minute Book and start it again; everything saved is kept.`;
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}

const desktop = window.minuteBook;
const bridge = desktop ? null : bridgeTransport();
const transport: Transport = desktop ? desktopTransport(desktop) : bridge!.call;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One call of the contract. A call that finds the connection lost is tried again by itself, sooner if
 * the connection comes back meanwhile, and fails with an 'unavailable' MinuteBookError saying what to
 * do only after about 15 s; a call made as the page leaves is not retried. A call that the connection
 * dropped after the node side had it may so be made twice: saves and the lifecycle's steps carry the
 * revision they change and are refused rather than doubled; creating and importing (notRepeated) are
 * never made again unasked.
 */
async function callWith<C extends Channel>(channel: C, input: ChannelInput<C>, options?: { keepalive?: boolean }): Promise<ChannelOutput<C>> {
  for (let attempt = 0; ; attempt += 1) {
    let result: CallResult<unknown>;
    try {
      result = await transport(channel, input, options);
    } catch (error) {
      if (!(error instanceof LostConnection)) throw error;
      connection.lost(bridge!.probe);
      if (notRepeated.has(channel)) throw new MinuteBookError('unavailable', mayHaveBeenMade(channel));
      if (options?.keepalive === true || attempt >= RETRY_DELAYS_MS.length) throw new MinuteBookError('unavailable', lostMessage(channel));
      await Promise.race([wait(RETRY_DELAYS_MS[attempt]!), connection.whenConnected()]);
      continue;
    }
    connection.reached();
    if (!result.ok) throw new MinuteBookError(result.error.code, result.error.message);
    return result.value as ChannelOutput<C>;
  }
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

/**
 * Listens for the desktop app's menu commands, each checked against MenuMessage (one that is not is
 * logged and dropped); never called in the browser, which has no application menu. Answers the unsubscribe.
 */
export function onMenuCommand(listener: (message: MenuMessage) => void): () => void {
  if (!desktop) return () => undefined;
  return desktop.onMenuCommand((raw) => {
    const parsed = MenuMessage.safeParse(raw);
    if (parsed.success) listener(parsed.data);
    else console.warn('[minute-book] a menu command was not understood and is ignored', parsed.error.issues);
  });
}
