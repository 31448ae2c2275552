// What the insert-block menu offers, in the order a clerk meets them in a meeting.
import type { Command } from 'prosemirror-state';
import * as blocks from '../../../shared/editor/blocks.js';
import { addDeclaration, addItem, ancestorOfType, appendToContainer, insertBlock, newId } from './commands.js';

export interface InsertAction {
  label: string;
  command: Command;
}

/** Inside a container, add to it; elsewhere start a new block of that kind. */
function addOrInsert(containerType: string, add: (pos: number) => Command, insert: () => Command): Command {
  return (state, dispatch) => {
    const container = ancestorOfType(state, containerType);
    return container === null ? insert()(state, dispatch) : add(container.pos)(state, dispatch);
  };
}

export const insertActions: InsertAction[] = [
  { label: 'Paragraph', command: insertBlock(blocks.paragraph()) },
  { label: 'Bullet list', command: insertBlock(blocks.bulletList()) },
  {
    label: 'Declaration of interest',
    command: addOrInsert('declarations', addDeclaration, () => insertBlock(blocks.declarations())),
  },
  { label: 'Approval of previous minutes', command: insertBlock(blocks.minutesApproval()) },
  {
    label: 'Request for information',
    command: addOrInsert(
      'information_requests',
      () => appendToContainer('information_requests', () => blocks.request(newId())),
      () => insertBlock(blocks.informationRequests(newId())),
    ),
  },
  { label: 'Resolution', command: insertBlock(blocks.resolution()) },
  { label: 'Resolution part', command: appendToContainer('resolution', blocks.resolutionPart) },
  { label: 'Motion or amendment', command: (state, dispatch) => insertBlock(blocks.motion(newId()))(state, dispatch) },
  { label: 'Arrival or departure', command: insertBlock(blocks.attendanceEvent({ member: '', event: 'arrived', time: '', reason: '' })) },
  { label: 'New item', command: addItem },
];
