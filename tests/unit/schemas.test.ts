import { describe, expect, it } from 'vitest';
import { Committee } from '../../shared/model/committee.js';
import { Meeting } from '../../shared/model/meeting.js';
import { CURRENT_SCHEMA_VERSION, parseLibraryFile, parseMeetingFile } from '../../shared/model/files.js';
import { ValidationError, parseOrThrow } from '../../shared/model/validation.js';
import * as blocks from '../../shared/editor/blocks.js';
import { aCommittee, aMeeting } from './builders.js';

const failureOf = (run: () => unknown): ValidationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a validation failure');
};

describe('committee schema', () => {
  it('accepts a well-formed committee', () => {
    const committee = aCommittee();
    expect(parseOrThrow(Committee, committee, 'committee')).toEqual(committee);
  });

  it.each([
    ['name', { name: '  ' }, 'name: the committee needs a name'],
    ['contact email', { contact: { name: 'M Rose', phone: '', email: 'not-an-email' } }, 'contact.email: not an email address'],
    ['municipal year month', { municipalYearStartMonth: 13 }, 'municipalYearStartMonth: months run 1–12'],
    ['numbering style', { numberingStyle: 'roman' }, 'numberingStyle'],
    ['member role', { members: [{ name: 'Cllr X', role: 'mayor', voting: true }] }, 'members[0].role'],
  ])('rejects a bad %s, naming the field', (_field, override, message) => {
    const error = failureOf(() => parseOrThrow(Committee, { ...aCommittee(), ...override }, 'library.json'));
    expect(error.message).toContain('library.json');
    expect(error.message).toContain(message);
  });
});

describe('meeting schema', () => {
  const committee = aCommittee();

  it('accepts a well-formed meeting, structured blocks included', () => {
    const meeting = aMeeting(committee);
    meeting.items[2]!.minutes = [
      blocks.paragraph('The Board noted the report.'),
      blocks.declarations(),
      blocks.informationRequests('request-1'),
      { ...blocks.resolution(), attrs: { unanimous: true, partStyle: '1)' } },
    ];
    expect(parseOrThrow(Meeting, meeting, 'meeting')).toEqual(meeting);
    expect(() => parseMeetingFile({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }, 'meetings/x.json')).not.toThrow();
  });

  it.each([
    ['date', { date: '13/07/2017' }, 'date: expected a date such as 2017-07-13'],
    ['start time', { startTime: '25:00' }, 'startTime: expected a 24-hour time such as 14:00'],
    ['status', { status: 'finished' }, 'status'],
    ['items', { items: [] }, 'items: a meeting needs at least one item'],
    ['committee id', { committeeId: 'board-2' }, 'committeeId: not a committee id'],
  ])('rejects a bad %s, naming the field', (_field, override, message) => {
    const error = failureOf(() => parseOrThrow(Meeting, { ...aMeeting(committee), ...override }, 'meetings:save'));
    expect(error.message).toContain(message);
  });

  it('names the item whose minutes do not fit the editor schema', () => {
    const meeting = aMeeting(committee);
    meeting.items[1]!.minutes = [{ type: 'resolution', content: [{ type: 'paragraph' }] }];
    const error = failureOf(() => parseMeetingFile({ schemaVersion: 1, meeting }, 'meetings/a.json'));
    expect(error.message).toMatch(/^meetings\/a\.json: meeting\.items\[1\]\.minutes: /);
  });

  it('rejects a block attribute outside its allowed values', () => {
    const meeting = aMeeting(committee);
    meeting.items[0]!.minutes = [
      { type: 'declarations', content: [{ type: 'declaration', attrs: { member: 'Cllr X', item: '7', kind: 'Friendly Interest' } }] },
    ];
    const error = failureOf(() => parseMeetingFile({ schemaVersion: 1, meeting }, 'meetings/a.json'));
    expect(error.message).toContain('meeting.items[0].minutes');
    expect(error.message).toContain('Friendly Interest');
  });

  it('refuses a file written by a newer Minute Book rather than misreading it', () => {
    const error = failureOf(() => parseLibraryFile({ schemaVersion: 99, committees: [], meetings: [], stamps: {} }, 'library.json'));
    expect(error.message).toContain('written by a newer Minute Book (version 99');
  });
});
