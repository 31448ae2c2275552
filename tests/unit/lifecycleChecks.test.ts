// The checks before circulating and signing (shared/lifecycle/checks.ts), on the seed meetings as
// published and on hand-made faults: every check can fail, and says where in the clerk's words.
import { describe, expect, it } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import type { MotionAttrs } from '../../shared/editor/schema.js';
import { formatProseDate } from '../../shared/dates.js';
import { blockingChecks, checkCodes, checkKey, checkMeeting, meetingCitations, type Check, type CheckContext } from '../../shared/lifecycle/checks.js';
import { noAttendance } from '../../shared/model/attendance.js';
import type { Committee } from '../../shared/model/committee.js';
import { summarise, type Item, type Meeting, type MeetingSummary, type MinutesNodeJSON } from '../../shared/model/meeting.js';
import { buildReferenceIndex } from '../../shared/search/minuteReferences.js';
import { approval, minuteRef, p, part, resolved } from '../fixtures/minutesJson.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';

const seedMeetings = [meeting001, meeting003, meeting004];
const seedLibrary = seedMeetings.map(summarise);

/** The context the node side builds: the library's summaries and each citation resolved against the seeds' minutes. */
const references = buildReferenceIndex(seedMeetings, [committee001, committee003]);
function contextFor(meeting: Meeting, committee: Committee, options: { library?: readonly MeetingSummary[]; step?: CheckContext['step'] } = {}): CheckContext {
  const resolvedCitations = Object.fromEntries(meetingCitations(meeting).map((citation) => [citation, references.resolve(citation, committee.id, meeting.date)]));
  return { committee, library: options.library ?? seedLibrary, resolved: resolvedCitations, step: options.step ?? 'circulate' };
}

const brief = (checks: readonly Check[]) => checks.map(({ severity, code, message }) => `${severity} ${code}: ${message}`);

const itemOf003 = (minuteNumber: number) => meeting003.items.find((item) => item.minuteNumber === minuteNumber)!;
const with003Item = (minuteNumber: number, change: Partial<Item>): Meeting => ({
  ...meeting003,
  items: meeting003.items.map((item) => (item.minuteNumber === minuteNumber ? { ...item, ...change } : item)),
});
const check003 = (meeting: Meeting, options?: Parameters<typeof contextFor>[2]) => checkMeeting(meeting, contextFor(meeting, committee003, options));
const codesOf = (checks: readonly Check[]) => checks.map((check) => check.code);

const declaration = (member: string, item: string, kind = 'disclosable-pecuniary'): MinutesNodeJSON => ({
  type: 'declaration',
  attrs: { member, item, kind },
  content: [{ type: 'text', text: 'a governor of a school in the plan' }],
});
const declared = (...declarations: MinutesNodeJSON[]): MinutesNodeJSON[] => [{ type: 'declarations', content: declarations }];
/** A motion put to the vote, as live capture and the importers write it. */
const vote = (attrs: Partial<MotionAttrs>): MinutesNodeJSON => {
  const motion = blocks.motion('m1');
  return { ...motion, attrs: { ...motion.attrs, result: 'carried', ...attrs } };
};

describe('the seed meetings as published', () => {
  it('seed 003 (20 October 2022) has no errors, and one warning: the minutes it approves are not in the library', () => {
    expect(brief(check003(meeting003))).toEqual([
      'warning approval-meeting-missing: Minute 2: the minutes approved, of the meeting of 21 July 2022, are not in this library',
    ]);
  });

  // The Agenda and minutes page does not print who was present (the council's site lists it apart), so
  // these records hold no attendance, and minutes must name the members present.
  it('seed 001 (27 April 2017) has one error, no attendance, and warns of no apologies, the 6 April minutes and Minute 59/16 not in the library', () => {
    expect(brief(checkMeeting(meeting001, contextFor(meeting001, committee001)))).toEqual([
      'error attendance-none: Attendance: no members are recorded as present',
      'warning apologies-none: Apologies: none recorded — confirm if no apologies were given',
      'warning approval-meeting-missing: Minute 80: the minutes approved, of the meeting of 6 April 2017, are not in this library',
      'warning reference-unresolved: Minute 84: Minute 59/16 is not in this library',
    ]);
  });

  it('seed 004 (13 July 2017) likewise: no attendance; no apologies, the 29 June minutes and Minute 3/17 not in the library', () => {
    expect(brief(checkMeeting(meeting004, contextFor(meeting004, committee001)))).toEqual([
      'error attendance-none: Attendance: no members are recorded as present',
      'warning apologies-none: Apologies: none recorded — confirm if no apologies were given',
      'warning approval-meeting-missing: Minute 6: the minutes approved, of the meeting of 29 June 2017, are not in this library',
      'warning reference-unresolved: Minute 8: Minute 3/17 is not in this library',
    ]);
  });

  it('seeds 001 and 004 have no errors once their attendance is recorded; 004 starts its year at 5 as the clerk set', () => {
    const attendance = { ...noAttendance(), members: [{ name: 'Councillor K Sandhu', chair: true }], apologies: [{ name: 'Councillor R Lakha', note: '' }] };
    for (const meeting of [meeting001, meeting004]) {
      const checks = checkMeeting({ ...meeting, attendance }, contextFor(meeting, committee001));
      expect(checks.filter((check) => check.severity === 'error')).toEqual([]);
      expect(codesOf(checks)).toEqual(['approval-meeting-missing', 'reference-unresolved']);
    }
  });

  it('a minute the library holds is no warning: 004 approving the minutes of 27 April 2017 in a library with seed 001', () => {
    const approving = { ...meeting004, items: meeting004.items.map((item) => (item.minuteNumber === 6 ? { ...item, minutes: [approval('2017-04-27', 'Agreed.')] } : item)) };
    expect(codesOf(checkMeeting(approving, contextFor(approving, committee001)))).not.toContain('approval-meeting-missing');
    const citing = with003Item(5, { minutes: [p('Further to ', minuteRef('3/22'), ' the Board noted the plan.')] });
    expect(codesOf(check003(citing))).not.toContain('reference-unresolved');
  });
});

describe('each check, on a hand-made fault', () => {
  const seen = new Set<string>();
  const faulty = (meeting: Meeting, options?: Parameters<typeof contextFor>[2]) => {
    const checks = check003(meeting, options);
    for (const check of checks) seen.add(check.code);
    // Seed 003's own warning (the minutes of 21 July 2022 are not in the library) stands in every case.
    return brief(checks).filter((line) => !line.endsWith('the minutes approved, of the meeting of 21 July 2022, are not in this library'));
  };

  it('an item with no minutes', () => {
    expect(faulty(with003Item(5, { minutes: [p(''), p('  '), p('\u200b\u200b')] }))).toEqual([
      'error item-no-minutes: Minute 5: no minutes are recorded for “Work Programme and Outstanding Issues”',
    ]);
  });

  it('a resolution with no text, or with nothing after "that:"', () => {
    expect(faulty(with003Item(5, { minutes: [p('The Board noted the work programme.'), resolved('')] }))).toEqual(['error resolution-empty: Minute 5: the resolution has no text']);
    expect(faulty(with003Item(5, { minutes: [p('Noted.'), resolved(':'), resolved('the programme be updated.')] }))).toEqual([
      'error resolution-empty: Minute 5: resolution 1 has no text',
    ]);
  });

  it('a resolution with an empty part, named by its label', () => {
    const minutes = [resolved('the Scrutiny Board:', { partStyle: '1.', body: [part('Notes the report.'), part(''), part('Asks for a further report.')] })];
    expect(faulty(with003Item(4, { minutes }))).toEqual(['error resolution-empty-part: Minute 4: the resolution has an empty part 2.']);
  });

  it('a sub-item printed “3.1” shares its item’s number without a repeat (a gap after it is still one)', () => {
    expect(faulty(with003Item(4, { minuteNumber: 3, printedNumber: '3.1' }))).toEqual(['warning numbering-gap: Minute 5: minute 4 is missing before it']);
    expect(faulty(with003Item(4, { minuteNumber: 3, printedNumber: '4.1' })).filter((check) => check.includes('numbering-repeat'))).toHaveLength(1);
  });

  it('numbers repeated within the meeting, or also used by another meeting of the municipal year', () => {
    expect(faulty(with003Item(4, { minuteNumber: 3 }))).toEqual([
      'error numbering-repeat: Minute 3: comes after Minute 3: each item needs its own number, in agenda order',
      'warning numbering-gap: Minute 5: minute 4 is missing before it',
    ]);
    const earlier: MeetingSummary = { ...summarise(meeting003), id: '7a1d9c44-2b6e-4c8f-a3d0-5f4e2c1b0099', date: '2022-07-21', firstMinuteNumber: 1, lastMinuteNumber: 2 };
    expect(faulty(meeting003, { library: [earlier] })).toEqual(['error numbering-repeat: Minute 1: minutes 1–2 are also numbered in the meeting of 21 July 2022']);
    // A draft's numbers are its next save's to fix: a draft of the year does not clash.
    expect(faulty(meeting003, { library: [{ ...earlier, status: 'draft' }] }).filter((check) => check.includes('numbering-repeat'))).toEqual([]);
    // The same numbers in the next municipal year are no repeat.
    expect(faulty(meeting003, { library: [{ ...earlier, date: '2023-07-20' }] })).toEqual([]);
  });

  it('numbering gaps: within the meeting, after the year’s previous meeting, before its next, or a year started past 1 unasked', () => {
    const renumbered = (first: number, firstMinuteNumber: number | null): Meeting => ({
      ...meeting003,
      firstMinuteNumber,
      items: meeting003.items.map((item, index) => ({ ...item, minuteNumber: first + index })),
    });
    expect(faulty(with003Item(6, { minuteNumber: 8 }))).toEqual(['warning numbering-gap: Minute 8: minutes 6–7 are missing before it']);
    const previous: MeetingSummary = { ...summarise(meeting003), id: '7a1d9c44-2b6e-4c8f-a3d0-5f4e2c1b0098', date: '2022-07-21', firstMinuteNumber: 1, lastMinuteNumber: 8 };
    expect(faulty(renumbered(10, null), { library: [previous] })).toEqual([
      'warning numbering-gap: Minute 10: minute 9 is in no meeting: the meeting of 21 July 2022 ended at minute 8',
    ]);
    const next: MeetingSummary = { ...previous, date: '2022-12-01', firstMinuteNumber: 9, lastMinuteNumber: 12 };
    expect(faulty(meeting003, { library: [next] })).toEqual(['warning numbering-gap: Minute 6: minutes 7–8 are in no meeting: the meeting of 1 December 2022 starts at minute 9']);
    expect(faulty(renumbered(10, null), { library: [] })).toEqual([
      'warning numbering-gap: Minute 10: numbering starts at 10 but no earlier meeting of 2022/23 is in the library; set First minute number if its minutes are kept elsewhere',
    ]);
    // The clerk's First minute number says the earlier minutes are kept elsewhere.
    expect(faulty(renumbered(10, 10), { library: [] })).toEqual([]);
  });

  it('no attendance recorded, and no apologies recorded', () => {
    expect(faulty({ ...meeting003, attendance: { ...meeting003.attendance, members: [], coOpted: [], substitutes: [{ name: ' ', substitutingFor: '' }] } })).toEqual([
      'error attendance-none: Attendance: no members are recorded as present',
    ]);
    expect(faulty({ ...meeting003, attendance: { ...meeting003.attendance, apologies: [] } })).toEqual([
      'warning apologies-none: Apologies: none recorded — confirm if no apologies were given',
    ]);
  });

  it('before signing: the meeting held after the meeting recorded as agreeing its minutes', () => {
    const agreedAt = (meetingDate: string) => ({ ...meeting003, lifecycle: { agreed: { meetingDate } } }) as Meeting;
    expect(faulty(agreedAt('2022-07-21'), { step: 'sign' })).toEqual([
      'error agreed-before-meeting: The meeting: it was held on 20 October 2022, after the meeting that agreed its minutes (21 July 2022)',
    ]);
    expect(faulty(agreedAt('2022-12-01'), { step: 'sign' })).toEqual([]);
    expect(faulty(agreedAt('2022-07-21'), { step: 'circulate' })).toEqual([]);
    // A lifecycle record of another shape reads as not recorded.
    expect(faulty({ ...meeting003, lifecycle: { agreed: { meetingDate: 20221201 } } } as unknown as Meeting, { step: 'sign' })).toEqual([]);
  });

  it('an approval of minutes of this meeting or a later one, or not saying which', () => {
    expect(faulty(with003Item(2, { minutes: [approval('2022-10-20', 'The minutes were agreed.')] }))).toEqual([
      'error approval-date-not-earlier: Minute 2: the minutes approved are of 20 October 2022, not of a meeting before this one (20 October 2022)',
    ]);
    expect(faulty(with003Item(2, { minutes: [approval('', 'The minutes were agreed.')] }))).toEqual([
      'warning approval-meeting-missing: Minute 2: the approval of the minutes does not say which meeting’s minutes it approves',
    ]);
  });

  it('minutes recording their agreement at this meeting, where no item approves them, or dated after it', () => {
    const approvedDate = meeting003.items.flatMap((item) => item.minutes).find((block) => block.type === 'minutes_approval')!.attrs!['meetingDate'] as string;
    const agreedHere: MeetingSummary = { ...summarise(meeting003), id: '7a1d9c44-2b6e-4c8f-a3d0-5f4e2c1b0098', date: approvedDate, agreedAt: meeting003.id };
    expect(codesOf(checkMeeting(meeting003, { ...contextFor(meeting003, committee003), library: [agreedHere] }))).not.toContain('agreement-not-minuted');
    const withoutApproval = { ...meeting003, items: meeting003.items.map((item) => ({ ...item, minutes: item.minutes.filter((block) => block.type !== 'minutes_approval') })) };
    expect(faulty(withoutApproval, { library: [agreedHere] })).toContainEqual(
      `warning agreement-not-minuted: Approval of minutes: the minutes of ${formatProseDate(approvedDate)} record that they were agreed at this meeting, but no item here approves them — confirm if their approval is minuted in other words`,
    );
    // A file edited on disk to date this meeting before the minutes it agreed.
    expect(faulty(meeting003, { library: [{ ...agreedHere, date: '2022-12-01' }] })).toContainEqual(
      'error agreement-not-later: Approval of minutes: the minutes of 1 December 2022 record that they were agreed at this meeting, but this meeting (20 October 2022) is not later than them',
    );
    // Agreed at another meeting: not approved again here (a duplicated meeting carries the approval).
    const elsewhere: MeetingSummary = { ...summarise(meeting003), id: '0b6f3c2a-8d4e-4f1a-9c7b-2e5d8a1f3c44', date: '2022-09-15' };
    expect(faulty(meeting003, { library: [{ ...agreedHere, agreedAt: elsewhere.id }, elsewhere] })).toContainEqual(
      `error approval-agreed-elsewhere: Minute ${meeting003.items.find((item) => item.minutes.some((block) => block.type === 'minutes_approval'))!.minuteNumber}: the minutes of ${formatProseDate(approvedDate)} were agreed at the meeting of 15 September 2022: they are not approved again here`,
    );
    // Minutes agreed elsewhere are not this meeting's to minute.
    expect(codesOf(checkMeeting(withoutApproval, { ...contextFor(withoutApproval, committee003), library: [{ ...agreedHere, agreedAt: null }] }))).not.toContain('agreement-not-minuted');
  });

  it('minute references the library does not hold, named together per item', () => {
    const citing = with003Item(4, { minutes: [p('Further to ', minuteRef('59/16'), ' and Minutes 12/21 and 14/21, the Board noted the report.')] });
    expect(faulty(citing)).toEqual(['warning reference-unresolved: Minute 4: Minute 59/16, Minute 12/21 and Minute 14/21 are not in this library']);
    // A citation the caller did not resolve counts as not in the library.
    expect(codesOf(checkMeeting(citing, { ...contextFor(citing, committee003), resolved: {} }))).toContain('reference-unresolved');
  });

  it('declarations by people not recorded as present, or by no one', () => {
    const minutes = declared(declaration('Councillor Z Nobody', '4'), declaration('Cllr J Innes', '4'), declaration('', '4'));
    expect(faulty(with003Item(1, { minutes }))).toEqual([
      'warning declaration-not-present: Minute 1: Councillor Z Nobody declared an interest but is not recorded as present; a declaration does not say who made it',
    ]);
  });

  it('a recorded vote counting more than the voting members present', () => {
    // Seed 003: seven members and one voting co-opted member; Mr G Vohra is invited, not voting.
    const item3 = itemOf003(3);
    expect(faulty(with003Item(3, { minutes: [...item3.minutes, vote({ counts: { for: 6, against: 2, abstain: 1 } })] }))).toEqual([
      'error vote-count-exceeds-present: Minute 3: a vote counts 9 (for 6, against 2, abstained 1) but only 8 voting members are recorded as present',
    ]);
    expect(faulty(with003Item(3, { minutes: [...item3.minutes, vote({ counts: { for: 5, against: 3, abstain: 0 } })] }))).toEqual([]);
    // A named vote counts its names.
    const nine = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((initial) => `Councillor ${initial} Smith`);
    expect(faulty(with003Item(3, { minutes: [...item3.minutes, vote({ named: { for: nine.slice(0, 7), against: nine.slice(7), abstain: [] } })] }))).toEqual([
      'error vote-count-exceeds-present: Minute 3: a vote counts 9 (for 7, against 2, abstained 0) but only 8 voting members are recorded as present',
    ]);
  });

  it('a vote cast by a member who declared a pecuniary or prejudicial interest in that item', () => {
    const withVote = (kind: string, votedOn: number): Meeting => ({
      ...meeting003,
      items: meeting003.items.map((item) => {
        if (item.minuteNumber === 1) return { ...item, minutes: declared(declaration('Councillor P Akhtar', 'item 4', kind)) };
        if (item.minuteNumber === votedOn) return { ...item, minutes: [...item.minutes, vote({ named: { for: ['Cllr P Akhtar', 'Councillor J Innes'], against: [], abstain: [] } })] };
        return item;
      }),
    });
    expect(faulty(withVote('disclosable-pecuniary', 4))).toEqual([
      'error vote-by-interested-member: Minute 4: Cllr P Akhtar voted for, having declared a disclosable pecuniary interest in this item',
    ]);
    // A kind of the Welsh and older codes, not in this committee's list, still bars the member.
    expect(faulty(withVote('personal-and-prejudicial', 4))).toEqual([
      'error vote-by-interested-member: Minute 4: Cllr P Akhtar voted for, having declared a personal and prejudicial interest in this item',
    ]);
    expect(faulty(withVote('personal', 4))).toEqual([]);
    expect(faulty(withVote('other-registrable', 4))).toEqual([]);
    expect(faulty(withVote('disclosable-pecuniary', 5))).toEqual([]);
    // The committee's own list decides: a kind it marks prejudicial bars the vote, with its label.
    const council = { ...committee003, declarationKinds: [...committee003.declarationKinds, { id: 'council-tenancy', label: 'council tenancy interest', prejudicial: true }] };
    expect(brief(checkMeeting(withVote('council-tenancy', 4), contextFor(withVote('council-tenancy', 4), council))).filter((line) => line.startsWith('error'))).toEqual([
      'error vote-by-interested-member: Minute 4: Cllr P Akhtar voted for, having declared a council tenancy interest in this item',
    ]);
  });

  it('signing out of order: a later meeting signed already, or earlier minutes not yet signed', () => {
    // In other municipal years than seed 003's, so that their minute numbers do not meet its own.
    const other = (id: string, date: string, status: MeetingSummary['status'], signed: boolean): MeetingSummary => ({
      ...summarise({ ...meeting003, id, date, status }),
      signed,
      chain: signed ? { previousHash: null, chainHash: `sha256-${id.slice(0, 8)}`, covers: 'signed-record' } : null,
    });
    const earlierAgreed = other('11111111-1111-4111-8111-111111111111', '2022-03-17', 'agreed', false);
    const earlierDraft = other('22222222-2222-4222-8222-222222222222', '2022-02-10', 'draft', false);
    const archived = other('33333333-3333-4333-8333-333333333333', '2022-01-13', 'published', false);
    const laterSigned = other('44444444-4444-4444-8444-444444444444', '2023-06-15', 'signed', true);
    const signing = (library: MeetingSummary[]) => faulty(meeting003, { step: 'sign', library: [summarise(meeting003), ...library] });
    expect(signing([earlierAgreed, earlierDraft, archived])).toEqual([
      'warning earlier-unsigned: Signing: the minutes of 10 February 2022 (draft), 17 March 2022 (agreed) are each not signed: once these are, they can never be — sign them first',
    ]);
    expect(signing([earlierAgreed, laterSigned])).toEqual([
      'error signed-later: Signing: the minutes of 15 June 2023 are signed already: minutes are signed in the order of their meetings, so these can no longer be signed',
    ]);
    // Minutes before the last signed ones cannot be signed whatever is done now: not warned of again.
    const signedBetween = other('55555555-5555-4555-8555-555555555555', '2022-04-14', 'signed', true);
    expect(signing([earlierAgreed, earlierDraft, signedBetween])).toEqual([]);
    // Minutes kept as published from an archive are not signed here, and circulating is not signing.
    expect(signing([archived])).toEqual([]);
    expect(faulty(meeting003, { step: 'circulate', library: [summarise(meeting003), earlierAgreed, laterSigned] })).toEqual([]);
  });

  it('covers every check code', () => {
    expect([...seen].sort()).toEqual([...checkCodes].sort());
  });
});

describe('confirming warnings', () => {
  const checks = checkMeeting(meeting001, contextFor(meeting001, committee001));

  it('keys each check of a meeting uniquely by code and item', () => {
    expect(checks.map(checkKey)).toEqual([
      'attendance-none:',
      'apologies-none:',
      'approval-meeting-missing:0c3e5a10-0001-4000-8000-000000000080',
      'reference-unresolved:0c3e5a10-0001-4000-8000-000000000084',
    ]);
  });

  it('errors always block; a warning blocks until its key is confirmed', () => {
    expect(codesOf(blockingChecks(checks, []))).toEqual(codesOf(checks));
    expect(codesOf(blockingChecks(checks, checks.map(checkKey)))).toEqual(['attendance-none']);
    expect(codesOf(blockingChecks(checks, ['apologies-none:']))).toEqual(['attendance-none', 'approval-meeting-missing', 'reference-unresolved']);
  });
});
