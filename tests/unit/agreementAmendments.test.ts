// Issue 9 (QA F21, F22, F2/F5): what the agreement dialog can amend in an earlier minute, how it
// starts from the approval block's amendments, and refusals in the clerk's words.
import { describe, expect, it } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { minutesSchema } from '../../shared/editor/schema.js';
import type { Item } from '../../shared/model/meeting.js';
import { inClerkWords } from '../../shared/clerkWords.js';
import { minutesOutline, textOf } from '../../shared/export/outline.js';
import {
  amendablePartsOf,
  approvalBlockOf,
  changesItem,
  itemNamedBy,
  likeliestPart,
  withCorrections,
  withPartCorrected,
} from '../../renderer/src/lifecycle/amendmentParts.js';

const text = (value: string) => [{ type: 'text', text: value }];
const item = (minuteNumber: number, title: string, minutes: Item['minutes']): Item => ({
  id: `item-${minuteNumber}`,
  minuteNumber,
  title,
  source: '',
  business: 'public',
  agendaText: '',
  documents: [],
  minutes,
});

const declarations = item(1, 'Declarations of Interests', [{ type: 'declarations', content: [{ type: 'declarations_none', content: text('There were no disclosable pecuniary interests.') }] }]);
const resolution = item(3, 'Outstanding Issues', [
  blocks.paragraph('The Committee considered the report.'),
  {
    type: 'resolution',
    attrs: { unanimous: false, partStyle: '1)', lead: 'resolved-that' },
    content: [
      { type: 'resolution_preamble', content: text('The report be noted') },
      { type: 'resolution_part', content: [blocks.paragraph('An update be brought to the next meeting')] },
    ],
  },
]);
const approval = item(2, 'Minutes', [
  {
    type: 'minutes_approval',
    attrs: { meetingDate: '2026-04-09', outcome: 'agreed-with-amendments' },
    content: [
      { type: 'approval_statement', content: text('The minutes of the meeting held on 9 April 2026 were agreed and signed as a true record subject to the following amendment:') },
      { type: 'amendment', attrs: { minute: '17', heading: 'Outstanding Issues' }, content: [blocks.paragraph('BLOCK-ONLY AMENDMENT: the Committee asked for a report.')] },
    ],
  },
]);

/** The item's minutes as the editor would hold them: nothing the schema refuses. */
const wellFormed = (amended: Item) => expect(() => minutesSchema.nodeFromJSON({ type: 'item', attrs: { id: amended.id }, content: [{ type: 'item_title' }, { type: 'item_source' }, ...amended.minutes] }).check()).not.toThrow();

describe('the parts of a minute an amendment can correct', () => {
  it('offers every block holding words: a resolution’s opening words and parts, declarations, the approval, besides the heading, a new paragraph and all the text', () => {
    expect(amendablePartsOf(resolution).map(({ key, label, text }) => [key, label, text])).toEqual([
      ['title', 'Heading', 'Outstanding Issues'],
      ['0', 'Paragraph', 'The Committee considered the report.'],
      ['1.0', 'Resolution, opening words', 'The report be noted'],
      ['1.1.0', 'Resolution, part 1', 'An update be brought to the next meeting'],
      ['end', 'A new paragraph at the end of the minute', ''],
      ['all', 'All of the minute’s words, replaced at once', 'The Committee considered the report.\nThe report be noted\nAn update be brought to the next meeting'],
    ]);
    expect(amendablePartsOf(declarations).map((part) => part.label)).toContain('Declarations');
    expect(amendablePartsOf(approval).map((part) => part.label)).toEqual(expect.arrayContaining(['Approval of the minutes', 'Amendment quoted']));
  });

  it('corrects the part chosen, and nothing else, in minutes the editor can open', () => {
    const lead = withPartCorrected(resolution, '1.0', 'The report be noted and welcomed');
    expect(lead.minutes[1]!.content![0]).toEqual({ type: 'resolution_preamble', content: text('The report be noted and welcomed') });
    expect(lead.minutes[0]).toEqual(resolution.minutes[0]);
    wellFormed(lead);
    const declared = withPartCorrected(declarations, '0.0', 'Councillor A Chair declared a pecuniary interest in Minute 3.');
    expect(changesItem(declarations, declared)).toBe(true);
    expect(declared.minutes[0]!.content![0]!.content).toEqual(text('Councillor A Chair declared a pecuniary interest in Minute 3.'));
    wellFormed(declared);
    const added = withPartCorrected(declarations, 'end', 'Councillor B declared an other registrable interest.');
    expect(added.minutes).toHaveLength(2);
    wellFormed(added);
    const all = withPartCorrected(resolution, 'all', 'First.\n\nSecond.');
    expect(all.minutes).toEqual([blocks.paragraph('First.'), blocks.paragraph('Second.')]);
    expect(withPartCorrected(resolution, 'title', 'Outstanding Matters').title).toBe('Outstanding Matters');
    // Unchanged words change nothing: the dialog says so before the node side would.
    expect(changesItem(resolution, withPartCorrected(resolution, '0', 'The Committee considered the report.'))).toBe(false);
  });

  it('applies several corrections of one minute together, a paragraph made two not moving the blocks after it', () => {
    const after = withCorrections(resolution, [
      { part: '0', text: 'The Committee considered the report.\nIt thanked the officers.' },
      { part: '1.1.0', text: 'An update be brought to the November meeting' },
    ]);
    expect(after.minutes.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'resolution']);
    expect(after.minutes[2]!.content![1]!.content![0]).toEqual(blocks.paragraph('An update be brought to the November meeting'));
    wellFormed(after);
  });
});

describe('starting from the approval block', () => {
  it('reads the outcome and each amendment typed in the block', () => {
    expect(approvalBlockOf(approval, '2026-04-09')).toEqual({
      outcome: 'agreed-with-amendments',
      amendments: [{ minute: '17', heading: 'Outstanding Issues', text: 'BLOCK-ONLY AMENDMENT: the Committee asked for a report.' }],
    });
    expect(approvalBlockOf(approval, '2026-05-14')).toBeNull();
  });

  it('finds the minute an amendment names by number ("3", "Minute 3", "3/26"), else by its heading', () => {
    const items = [declarations, approval, resolution];
    expect(itemNamedBy(items, { minute: '3', heading: '' })).toBe(resolution);
    expect(itemNamedBy(items, { minute: 'Minute 3/26', heading: '' })).toBe(resolution);
    expect(itemNamedBy(items, { minute: '17', heading: 'outstanding issues' })).toBe(resolution);
    expect(itemNamedBy(items, { minute: '17', heading: 'Nothing like it' })).toBeNull();
  });

  it('takes the part sharing most words with the corrected text', () => {
    expect(likeliestPart(resolution, 'An update be brought to the November meeting')).toBe('1.1.0');
    expect(likeliestPart(resolution, 'The report be noted with concern')).toBe('1.0');
    expect(likeliestPart(resolution, 'Zebra')).toBe('0');
  });
});

describe('refusals in the clerk’s words', () => {
  it('drops the channel and names the field as the dialog does', () => {
    expect(inClerkWords('preferences:set: clerkName: a name needs at least one letter')).toBe('Your name needs at least one letter');
    expect(inClerkWords('lifecycle:sign: chair: a name needs at least one letter')).toBe('The Chair’s name needs at least one letter');
    expect(inClerkWords('lifecycle:sign: signedOn: 1 March 2027 is in the future: minutes are signed on the day the Chair signs them')).toBe(
      'The date of signing, 1 March 2027, is in the future: minutes are signed on the day the Chair signs them',
    );
    expect(inClerkWords('lifecycle:agree: amendments: Minute 1 is unchanged: an amendment gives the corrected text')).toBe('Minute 1 is unchanged: an amendment gives the corrected text');
    expect(inClerkWords('lifecycle:circulate: Minute 3: no minutes are recorded; Apologies: none')).toBe('Minute 3: no minutes are recorded; Apologies: none');
  });

  it('leaves other messages as they are', () => {
    expect(inClerkWords('Not saved: the disk is full')).toBe('Not saved: the disk is full');
    expect(inClerkWords('lifecycle:sign: items[3].title: too long')).toBe('Items[3].title: too long');
  });
});

describe('the approving meeting as published', () => {
  const approval = (statement: string) => ({
    type: 'minutes_approval',
    attrs: { meetingDate: '2017-07-13', outcome: 'agreed-with-amendments' },
    content: [
      { type: 'approval_statement', content: [{ type: 'text', text: statement }] },
      { type: 'amendment', attrs: { minute: '3', heading: 'Outstanding Issues' }, content: [blocks.paragraph('The report was deferred to November.')] },
    ],
  });

  it('names the minute each amendment corrects, as seed 000 does, unless the statement names it', () => {
    const printed = minutesOutline([approval('The minutes of the meeting held on 13 July 2017 were agreed and signed as a true record subject to the following amendment:')]);
    expect(printed.map((block) => (block.kind === 'paragraph' ? textOf(block.spans) : block.kind))).toEqual([
      'The minutes of the meeting held on 13 July 2017 were agreed and signed as a true record subject to the following amendment:',
      'Amendment to Minute 3 headed “Outstanding Issues”:',
      'quote',
    ]);
    const named = minutesOutline([approval('The minutes were agreed subject to the following amendment to Minute 3 headed, “Outstanding Issues”:')]);
    expect(named.map((block) => block.kind)).toEqual(['paragraph', 'quote']);
  });
});
