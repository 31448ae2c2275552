// Issue 10's other structures in the model: attendance events and their sentences, the kinds of
// interest (presets and labels), a declaration's action, a resolution's lead words.
import { describe, expect, it } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { minutesSchema, resolutionLeads, type ResolutionLead } from '../../shared/editor/schema.js';
import { attendanceEventText } from '../../shared/model/attendanceEvents.js';
import { barsFromVote, declarationKindLabel, DeclarationKinds, modelCode2020, walesAndOlderCodes } from '../../shared/model/declarationKinds.js';
import { Meeting, adjournmentsOf } from '../../shared/model/meeting.js';
import { aCommittee, aMeeting } from './builders.js';

describe('attendance events', () => {
  const event = (attrs: Partial<Parameters<typeof attendanceEventText>[0]>) => attendanceEventText({ member: 'Councillor Bigham', event: 'arrived', time: '', reason: '', ...attrs });

  it('reads as the council prints it', () => {
    expect(event({ event: 'arrived', time: '14:15' })).toBe('Councillor Bigham arrived at the meeting at 2.15 pm.');
    expect(event({ event: 'arrived' })).toBe('Councillor Bigham arrived at the meeting during consideration of this item.');
    expect(event({ event: 'left', time: '15:40' })).toBe('Councillor Bigham left the meeting at 3.40 pm.');
    expect(event({ event: 'left-for-item', reason: 'declared a prejudicial interest' })).toBe(
      'Councillor Bigham, having declared a prejudicial interest, left the meeting during consideration of this item.',
    );
    expect(event({ event: 'returned' })).toBe('Councillor Bigham returned to the meeting.');
    expect(event({ event: 'took-chair', member: 'Councillor Ali (Vice-Chair)' })).toBe('Councillor Ali (Vice-Chair) took the Chair for this item.');
    expect(event({ event: 'left-chair' })).toBe('Councillor Bigham vacated the Chair.');
    expect(event({ event: 'adjourned', time: '15:10', reason: 'for a comfort break' })).toBe('The meeting adjourned at 3.10 pm for a comfort break.');
    expect(event({ event: 'resumed', time: '15:25' })).toBe('The meeting reconvened at 3.25 pm.');
    expect(event({ member: '', event: 'left' })).toBe('A member left the meeting.');
  });

  it('a new block carries the sentence; the schema refuses a bad time or event', () => {
    const block = blocks.attendanceEvent({ member: 'Councillor Bigham', event: 'left', time: '15:40', reason: '' });
    expect(block).toEqual({
      type: 'attendance_event',
      attrs: { member: 'Councillor Bigham', event: 'left', time: '15:40', reason: '' },
      content: [{ type: 'text', text: 'Councillor Bigham left the meeting at 3.40 pm.' }],
    });
    expect(() => minutesSchema.nodeFromJSON({ ...block, attrs: { ...block.attrs, time: '3.40 pm' } }).check()).toThrow(/24-hour time/);
    expect(() => minutesSchema.nodeFromJSON({ ...block, attrs: { ...block.attrs, event: 'wandered-off' } }).check()).toThrow(/expected one of arrived/);
  });
});

describe('kinds of interest', () => {
  it('presets: the 2020 model code by default, the Welsh and older codes, each kind marked whether it bars the vote', () => {
    expect(aCommittee().declarationKinds).toEqual(modelCode2020);
    expect(modelCode2020.filter((kind) => kind.prejudicial).map((kind) => kind.id)).toEqual(['disclosable-pecuniary']);
    expect(walesAndOlderCodes.map((kind) => [kind.id, kind.prejudicial])).toEqual([
      ['personal', false],
      ['prejudicial', true],
      ['personal-and-prejudicial', true],
    ]);
  });

  it('labels: the committee’s, a known kind’s, or the id in words', () => {
    const kinds = [...modelCode2020, { id: 'council-tenancy', label: 'council tenancy interest', prejudicial: false }];
    expect(declarationKindLabel(kinds, 'council-tenancy')).toBe('council tenancy interest');
    expect(declarationKindLabel(kinds, 'lobbying')).toBe('declaration of lobbying');
    expect(declarationKindLabel(kinds, 'close-associate')).toBe('close associate interest');
    expect(barsFromVote(kinds, 'significant-other')).toBe(true);
    expect(barsFromVote(kinds, 'close-associate')).toBe(false);
  });

  it('a committee’s list is validated: ids, labels, each once, at least one', () => {
    expect(DeclarationKinds.safeParse([...modelCode2020, ...walesAndOlderCodes]).success).toBe(true);
    expect(DeclarationKinds.safeParse([]).error?.issues[0]?.message).toBe('a committee needs at least one kind of interest');
    expect(DeclarationKinds.safeParse([modelCode2020[0], modelCode2020[0]]).error?.issues[0]?.message).toBe('each kind of interest is listed once');
    expect(DeclarationKinds.safeParse([{ id: 'Personal Interest', label: 'x', prejudicial: false }]).error?.issues[0]?.message).toMatch(/lower-case words/);
  });

  it('a new meeting says there were no interests in its committee’s scheme’s words', () => {
    const nilStatement = (committee: ReturnType<typeof aCommittee>) => aMeeting(committee).items[0]!.minutes[0]!.content?.[0]?.content?.[0]?.text;
    expect(nilStatement(aCommittee())).toBe('There were no disclosable pecuniary interests.');
    // No disclosable pecuniary interests exist under the Welsh code: "none of them" would misstate the law.
    expect(nilStatement(aCommittee({ declarationKinds: [...walesAndOlderCodes] }))).toBe('There were no declarations of interest.');
  });

  it('a declaration holds any kind id and what the member did', () => {
    const declaration = { ...blocks.declaration('prejudicial'), attrs: { ...blocks.declaration('prejudicial').attrs, member: 'Cllr X', action: 'left-room' } };
    expect(blocks.declaration('prejudicial').attrs).toEqual({ member: '', item: '', kind: 'prejudicial', action: '' });
    expect(() => minutesSchema.nodeFromJSON(declaration).check()).not.toThrow();
    expect(() => minutesSchema.nodeFromJSON({ ...declaration, attrs: { ...declaration.attrs, action: 'walked out' } }).check()).toThrow(/expected one of , left-room/);
  });
});

describe('resolution leads', () => {
  const printed = (lead: ResolutionLead, unanimous = false) => blocks.resolutionLead({ lead, unanimous });

  it('print the words councils use, and the words before leads were kept', () => {
    expect(resolutionLeads.map((lead) => printed(lead))).toEqual([
      'RESOLVED that',
      'RESOLVED',
      'Resolved to note',
      'UNANIMOUSLY RESOLVED',
      'AGREED',
      'NOTED',
      'Decision:',
      'RESOLVED – That Council be RECOMMENDED to',
      'The Committee resolved:-',
    ]);
    expect(printed('resolved-that', true)).toBe('RESOLVED unanimously that');
    expect(blocks.resolutionLead({ unanimous: false })).toBe('RESOLVED that');
    expect(blocks.resolution('agreed').attrs).toEqual({ unanimous: false, partStyle: '1)', lead: 'agreed' });
  });
});

describe('adjournments', () => {
  it('are optional on a meeting (none before version 2), each from a time to a time or none', () => {
    const meeting = aMeeting(aCommittee());
    expect(adjournmentsOf(meeting)).toEqual([]);
    const adjourned = { ...meeting, adjournments: [{ from: '15:10', to: '15:25', note: 'for a comfort break' }, { from: '16:00', to: null, note: '' }] };
    expect(adjournmentsOf(Meeting.parse(adjourned))).toEqual(adjourned.adjournments);
    expect(Meeting.safeParse({ ...meeting, adjournments: [{ from: '3.10 pm', to: null, note: '' }] }).error?.issues[0]?.message).toBe('expected a 24-hour time such as 14:00');
  });
});
