// The window's one table of menu actions: each command goes to its action, or to the meeting's views.
import { describe, expect, it, vi } from 'vitest';
import { dispatchMenuMessage, meetingCommands, onMeetingCommand, type MenuActions } from '../../renderer/src/menu/menuActions.js';

const table = (): MenuActions => ({
  'new-meeting': vi.fn(),
  'open-recent': vi.fn(),
  import: vi.fn(),
  'open-files': vi.fn(),
  print: 'meeting',
  find: 'meeting',
  replace: 'meeting',
  'toggle-side-by-side': vi.fn(),
  'theme:light': null,
  'theme:dark': null,
  'theme:contrast': null,
  'theme:system': null,
  shortcuts: 'meeting',
  save: 'meeting',
  undo: 'meeting',
  redo: 'meeting',
  export: 'meeting',
  compare: 'meeting',
  withoutMeeting: vi.fn(),
});

describe('dispatchMenuMessage', () => {
  it('gives a command with an action its message', () => {
    const actions = table();
    const message = { command: 'open-recent', meetingId: '6f1c2b1e-8a7d-4c1e-9f3a-2b5d7e9c1a01' } as const;
    dispatchMenuMessage(actions, message);
    expect(actions['open-recent']).toHaveBeenCalledWith(message);
    expect(actions.import).not.toHaveBeenCalled();
  });

  it('sends the meeting commands to the meeting views listening, and no longer once they stop', () => {
    const heard: string[] = [];
    const stop = onMeetingCommand((command) => heard.push(command));
    for (const command of meetingCommands) dispatchMenuMessage(table(), { command });
    stop();
    dispatchMenuMessage(table(), { command: 'save' });
    expect(heard).toEqual([...meetingCommands]);
  });

  it('gives a meeting command to the window while no meeting is open (F1 in Search, Print in the library), and to the meeting once one is', () => {
    const actions = table();
    dispatchMenuMessage(actions, { command: 'shortcuts' });
    dispatchMenuMessage(actions, { command: 'print' });
    expect(vi.mocked(actions.withoutMeeting).mock.calls).toEqual([['shortcuts'], ['print']]);
    const heard: string[] = [];
    const stop = onMeetingCommand((command) => heard.push(command));
    dispatchMenuMessage(actions, { command: 'print' });
    stop();
    expect(heard).toEqual(['print']);
    expect(actions.withoutMeeting).toHaveBeenCalledTimes(2);
  });

  it('does nothing but say so for a command the window has no action for yet', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    dispatchMenuMessage(table(), { command: 'theme:dark' });
    expect(info).toHaveBeenCalledWith(expect.stringContaining('theme:dark'));
    info.mockRestore();
  });
});
