// What the window does with each command of the desktop app's menu (shared/channels.ts menuCommands):
// one table, in App.tsx, with an entry for every command. Commands that act on the meeting the clerk
// is working in (Undo, Save, Export…) go on to that meeting's view (MeetingView.tsx `meetingCommand`);
// a command whose action the window does not have yet is `null`, and does nothing until it is given one.
import type { MenuCommand, MenuMessage } from '../../../shared/contract.js';

/** The commands a meeting's view carries out, the one the clerk is working in (Save: every one). */
export const meetingCommands = ['save', 'undo', 'redo', 'export', 'compare', 'find', 'replace', 'shortcuts', 'print'] as const satisfies readonly MenuCommand[];
export type MeetingCommand = (typeof meetingCommands)[number];

/**
 * What to do with each command: an action given the message, 'meeting' for the meeting's view, or null
 * for not yet built; and `withoutMeeting`, what the window does with a meeting command while no
 * meeting is open (the library, Search, Registers, the Bin), so that the menu item is never silent.
 */
export type MenuActions = {
  [C in MenuCommand]: C extends MeetingCommand ? 'meeting' : ((message: Extract<MenuMessage, { command: C }>) => void) | null;
} & { withoutMeeting: (command: MeetingCommand) => void };

type MeetingListener = (command: MeetingCommand) => void;
const meetingListeners = new Set<MeetingListener>();

/** A meeting's view hears the meeting commands; answers the unsubscribe. */
export function onMeetingCommand(listener: MeetingListener): () => void {
  meetingListeners.add(listener);
  return () => meetingListeners.delete(listener);
}

const isMeetingCommand = (command: MenuCommand): command is MeetingCommand => (meetingCommands as readonly string[]).includes(command);

/** Whether a meeting's view is open to hear the meeting commands (and its keys, such as F1). */
export const meetingOpen = (): boolean => meetingListeners.size > 0;

/**
 * Carries out `message` by `actions`: the action for its command, or the meeting's views for a
 * meeting command (`withoutMeeting` when none is open). A command without an action yet is logged,
 * so a menu item that does nothing is seen in development.
 */
export function dispatchMenuMessage(actions: MenuActions, message: MenuMessage): void {
  const { command } = message;
  if (isMeetingCommand(command)) {
    if (!meetingOpen()) actions.withoutMeeting(command);
    for (const listener of meetingListeners) listener(command);
    return;
  }
  const action = actions[command] as ((message: MenuMessage) => void) | null;
  if (action === null) console.info(`[minute-book] the menu's ${command} has nothing to do in this window yet`);
  else action(message);
}
