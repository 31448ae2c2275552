// What each structured block looks like when it is first inserted, as ProseMirror JSON. The insert
// menu and new meetings built from the standard agenda both start from these.
import { formatProseDate } from '../dates.js';
import type { MinutesNodeJSON } from '../model/meeting.js';
import { attendanceEventText } from '../model/attendanceEvents.js';
import { minutesSchema, type ApprovalOutcome, type AttendanceEventAttrs, type MotionKind, type ResolutionLead } from './schema.js';

const text = (value: string): MinutesNodeJSON[] => (value === '' ? [] : [{ type: 'text', text: value }]);

/** ProseMirror's own JSON for the block (every attribute present, empty content left out), so stored minutes compare equal. */
const canonical = (json: MinutesNodeJSON): MinutesNodeJSON => minutesSchema.nodeFromJSON(json).toJSON() as MinutesNodeJSON;

export const paragraph = (value = ''): MinutesNodeJSON => canonical({ type: 'paragraph', content: text(value) });

export const bulletList = (...entries: string[]): MinutesNodeJSON =>
  canonical({
    type: 'bullet_list',
    content: (entries.length === 0 ? [''] : entries).map((entry) => ({ type: 'list_item', content: [paragraph(entry)] })),
  });

export const noDeclarations = (statement = 'There were no disclosable pecuniary interests.'): MinutesNodeJSON =>
  canonical({ type: 'declarations', content: [{ type: 'declarations_none', content: text(statement) }] });

/** An empty declaration of the given kind (an id from the committee's list; the model code's first by default). */
export const declaration = (kind = 'disclosable-pecuniary'): MinutesNodeJSON => canonical({ type: 'declaration', attrs: { kind } });

export const declarations = (): MinutesNodeJSON => canonical({ type: 'declarations', content: [declaration()] });

/** "The minutes of the meeting held on 6 April 2017 were agreed and signed as a true record." */
export function approvalStatement(meetingDate: string, outcome: ApprovalOutcome): string {
  const held = meetingDate === '' ? 'the previous meeting' : `the meeting held on ${formatProseDate(meetingDate)}`;
  const amended = outcome === 'agreed-with-amendments' ? ' subject to the following amendment:' : '.';
  return `The minutes of ${held} were agreed and signed as a true record${amended}`;
}

export const minutesApproval = (meetingDate = ''): MinutesNodeJSON =>
  canonical({
    type: 'minutes_approval',
    attrs: { meetingDate, outcome: 'agreed' },
    content: [{ type: 'approval_statement', content: text(approvalStatement(meetingDate, 'agreed')) }],
  });

export const amendment = (): MinutesNodeJSON => canonical({ type: 'amendment', content: [paragraph()] });

export const mattersArising = (): MinutesNodeJSON => canonical({ type: 'matters_arising', content: [paragraph()] });

export const request = (id: string): MinutesNodeJSON => canonical({ type: 'request', attrs: { id, status: 'open' } });

export const informationRequests = (firstRequestId: string): MinutesNodeJSON =>
  canonical({
    type: 'information_requests',
    content: [
      { type: 'requests_intro', content: text('Members requested that the following information be circulated to them:') },
      request(firstRequestId),
    ],
  });

export const resolutionPart = (): MinutesNodeJSON => canonical({ type: 'resolution_part', content: [paragraph()] });

export const resolution = (lead: ResolutionLead = 'resolved-that'): MinutesNodeJSON =>
  canonical({ type: 'resolution', attrs: { unanimous: false, partStyle: '1)', lead }, content: [{ type: 'resolution_preamble' }] });

const leadWords: Record<ResolutionLead, string> = {
  'resolved-that': 'RESOLVED that',
  resolved: 'RESOLVED',
  'resolved-to-note': 'Resolved to note',
  'unanimously-resolved': 'UNANIMOUSLY RESOLVED',
  agreed: 'AGREED',
  noted: 'NOTED',
  decision: 'Decision:',
  'recommended-to-council': 'RESOLVED – That Council be RECOMMENDED to',
  'committee-resolved': 'The Committee resolved:-',
};

/**
 * The words a resolution opens with, printed in bold before its preamble: the lead's own words
 * (DOMAIN.md, "Decisions"), with "RESOLVED unanimously that" for the default lead of a unanimous
 * resolution, as minutes before leads were kept print it. `lead` is absent in files written before
 * schema version 2 (the schema's default, 'resolved-that').
 */
export const resolutionLead = (attrs: { unanimous: boolean; lead?: ResolutionLead | undefined }): string => {
  const lead = attrs.lead ?? 'resolved-that';
  return lead === 'resolved-that' && attrs.unanimous ? 'RESOLVED unanimously that' : leadWords[lead];
};

/** A new motion (or an amendment of the motion `amends`), not yet put: one empty paragraph for the words moved. */
export const motion = (id: string, kind: MotionKind = 'motion', amends = ''): MinutesNodeJSON =>
  canonical({ type: 'motion', attrs: { id, kind, amends }, content: [paragraph()] });

/** An attendance event with the council's sentence for it (shared/model/attendanceEvents.ts). */
export const attendanceEvent = (attrs: AttendanceEventAttrs): MinutesNodeJSON =>
  canonical({ type: 'attendance_event', attrs: { ...attrs }, content: text(attendanceEventText(attrs)) });

/** Punctuation follows the lead directly ("RESOLVED unanimously that:"); words follow a space. */
export const preambleJoinsLead = (preamble: string): boolean => /^[:;,.]/.test(preamble);
