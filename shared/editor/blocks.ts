// What each structured block looks like when it is first inserted, as ProseMirror JSON. The insert
// menu and new meetings built from the standard agenda both start from these.
import { formatProseDate } from '../dates.js';
import type { MinutesNodeJSON } from '../model/meeting.js';
import type { ApprovalOutcome } from './schema.js';

const text = (value: string): MinutesNodeJSON[] => (value === '' ? [] : [{ type: 'text', text: value }]);

export const paragraph = (value = ''): MinutesNodeJSON => ({ type: 'paragraph', content: text(value) });

export const bulletList = (...entries: string[]): MinutesNodeJSON => ({
  type: 'bullet_list',
  content: (entries.length === 0 ? [''] : entries).map((entry) => ({ type: 'list_item', content: [paragraph(entry)] })),
});

export const noDeclarations = (statement = 'There were no disclosable pecuniary interests.'): MinutesNodeJSON => ({
  type: 'declarations',
  content: [{ type: 'declarations_none', content: text(statement) }],
});

export const declaration = (): MinutesNodeJSON => ({ type: 'declaration', attrs: { kind: 'disclosable-pecuniary' } });

export const declarations = (): MinutesNodeJSON => ({ type: 'declarations', content: [declaration()] });

/** "The minutes of the meeting held on 6 April 2017 were agreed and signed as a true record." */
export function approvalStatement(meetingDate: string, outcome: ApprovalOutcome): string {
  const held = meetingDate === '' ? 'the previous meeting' : `the meeting held on ${formatProseDate(meetingDate)}`;
  const amended = outcome === 'agreed-with-amendments' ? ' subject to the following amendment:' : '.';
  return `The minutes of ${held} were agreed and signed as a true record${amended}`;
}

export const minutesApproval = (meetingDate = ''): MinutesNodeJSON => ({
  type: 'minutes_approval',
  attrs: { meetingDate, outcome: 'agreed' },
  content: [{ type: 'approval_statement', content: text(approvalStatement(meetingDate, 'agreed')) }],
});

export const amendment = (): MinutesNodeJSON => ({ type: 'amendment', content: [paragraph()] });

export const mattersArising = (): MinutesNodeJSON => ({ type: 'matters_arising', content: [paragraph()] });

export const request = (id: string): MinutesNodeJSON => ({ type: 'request', attrs: { id, status: 'open' } });

export const informationRequests = (firstRequestId: string): MinutesNodeJSON => ({
  type: 'information_requests',
  content: [
    { type: 'requests_intro', content: text('Members requested that the following information be circulated to them:') },
    request(firstRequestId),
  ],
});

export const resolutionPart = (): MinutesNodeJSON => ({ type: 'resolution_part', content: [paragraph()] });

export const resolution = (): MinutesNodeJSON => ({
  type: 'resolution',
  attrs: { unanimous: false, partStyle: '1)' },
  content: [{ type: 'resolution_preamble' }],
});
