// Importing each of the five published seeds. What every seed says (date, committee, venue, items,
// resolutions, declarations, approval of the minutes) is written out here by hand from reading the
// seed, not from the fixtures, and each import must place every line of its file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemToNode } from '../../shared/editor/meetingDocument.js';
import { importDocument, type ImportOutcome, type ImportedMeeting } from '../../shared/import/index.js';
import { plainNumbering } from '../../shared/model/committee.js';
import { Item, type MinutesNodeJSON } from '../../shared/model/meeting.js';
import { approval, bullets, minuteRef, noDeclarations, p, part, resolved } from '../fixtures/minutesJson.js';

const importSeed = (name: string): ImportOutcome => {
  let next = 0;
  return importDocument(name, readFileSync(join(import.meta.dirname, '..', '..', 'seeds', name), 'utf8'), () => `id-${++next}`);
};

const only = (outcome: ImportOutcome): ImportedMeeting => {
  expect(outcome.meetings).toHaveLength(1);
  return outcome.meetings[0] as ImportedMeeting;
};

const numbersAndTitles = (meeting: ImportedMeeting): [number, string][] => meeting.items.map((item) => [item.minuteNumber, item.title]);

/** The blocks of one type in each item that has any, keyed by minute number. */
const blocksByItem = (meeting: ImportedMeeting, type: string): Record<number, MinutesNodeJSON[]> =>
  Object.fromEntries(
    meeting.items.map((item) => [item.minuteNumber, item.minutes.filter((block) => block.type === type)]).filter(([, blocks]) => (blocks as []).length > 0),
  );

/** What an information_requests block should hold; the request ids come from newId and are not compared. */
const askedFor = (intro: string, ...asked: string[]) => ({
  type: 'information_requests',
  content: [
    { type: 'requests_intro', content: [{ type: 'text', text: intro }] },
    ...asked.map((text) => ({ type: 'request', attrs: { askedOf: '', status: 'open' }, content: [{ type: 'text', text }] })),
  ],
});

function expectValidItems(meeting: ImportedMeeting): void {
  for (const item of meeting.items) {
    expect(() => Item.parse(item)).not.toThrow();
    expect(() => itemToNode(item)).not.toThrow();
  }
}

describe('seed 001, the Agenda and minutes page of 27 April 2017', () => {
  const outcome = importSeed('001_a919da4fdd24a8d9.txt');
  const meeting = only(outcome);

  it('reads the header', () => {
    expect(outcome.report.form).toBe('page-text');
    expect(meeting.committee).toEqual({ name: "Education and Children's Services Scrutiny Board (2)", council: null });
    expect(meeting.date).toBe('2017-04-27');
    expect(meeting.startTime).toBe('14:00');
    expect(meeting.venue).toBe('Committee Room 3 - Council House');
    expect(meeting.contact).toEqual({ name: 'Michelle Rose', phone: '024 7683 3111', email: 'michelle.rose@coventry.gov.uk' });
    expect(meeting.numberingStyle).toEqual(plainNumbering);
  });

  it('reads items 79–87 with their titles, sources and documents', () => {
    expect(numbersAndTitles(meeting)).toEqual([
      [79, 'Declarations of Interests'],
      [80, 'Minutes'],
      [81, 'One Strategic Plan for School Organisation'],
      [82, 'Improving Quality and Performance of Social Workers'],
      [83, "Commissioned Children's Services"],
      [84, 'Improvement Board'],
      [85, 'Outstanding Issues'],
      [86, 'Work Programme'],
      [87, 'Any Other Business'],
    ]);
    const item81 = meeting.items[2];
    expect(item81?.source).toBe('Report of the Director of Education, Libraries and Adult Learning');
    expect(item81?.documents).toEqual([
      { title: 'One Strategic Plan for School Organisation', sizeKb: 51 },
      { title: 'Additional document', sizeKb: null },
    ]);
    expect(meeting.items[1]?.agendaText).toBe('a)\u00a0 To agree the minutes of the meeting held on 6th April, 2017\nb)\u00a0 Matters Arising');
  });

  it('reads the resolutions, the declarations and the approval of the minutes', () => {
    expect(blocksByItem(meeting, 'resolution')).toEqual({
      81: [
        resolved('the Scrutiny Board noted the update and requested the following items be added to the work programme for the next municipal year:', {
          body: [bullets('Home schooling', 'Local authority support following Ofsted action plan/progress report')],
        }),
      ],
      82: [
        resolved('', {
          body: [
            part(
              'the Scrutiny Board noted progress and request further information about whether the 61 recently appointed Social Workers had been retained and how many had met their accreditation',
            ),
            part('a further report be considered in October, 2017'),
          ],
        }),
      ],
      84: [resolved('the Scrutiny Board noted the progress and requested the Ofsted Action Plan be considered at a future meeting')],
      85: [resolved('the officers responsible for outstanding actions be contacted.')],
    });
    expect(blocksByItem(meeting, 'declarations')).toEqual({ 79: [noDeclarations('There were no Disclosable Pecuniary Interests')] });
    expect(blocksByItem(meeting, 'minutes_approval')).toEqual({
      80: [approval('2017-04-06', 'The minutes of the meeting held on the 6th April, 2017 were approved.', 'agreed')],
    });
    expect(meeting.items[5]?.minutes[0]?.content?.[1]).toEqual(minuteRef('59/16'));
  });

  it('places every line and warns of nothing', () => {
    expect(outcome.report.unplaced).toEqual([]);
    expect(outcome.report.warnings).toEqual([]);
    expectValidItems(meeting);
  });
});

describe('seed 004, the Agenda and minutes page of 13 July 2017, cut short in items 7 and 8', () => {
  const outcome = importSeed('004_b658104d70fdaac4.txt');
  const meeting = only(outcome);

  it('reads the header and items 5–10', () => {
    expect(outcome.report.form).toBe('page-text');
    expect(meeting.committee.name).toBe("Education and Children's Services Scrutiny Board (2)");
    expect(meeting.date).toBe('2017-07-13');
    expect(meeting.startTime).toBe('10:00');
    expect(meeting.venue).toBe('Committee Room 3 - Council House');
    expect(numbersAndTitles(meeting)).toEqual([
      [5, 'Declarations of Interests'],
      [6, 'Minutes'],
      [7, 'Support to Young Carers'],
      [8, 'Improvement Board'],
      [9, 'Work Programme'],
      [10, 'Any Other Business'],
    ]);
  });

  it('reads the resolutions, the declarations and the approval of the minutes', () => {
    expect(blocksByItem(meeting, 'resolution')).toEqual({
      8: [
        resolved('', {
          body: [
            part('The Scrutiny Board request that redesign of children’s services be considered at their meeting in September, 2017.'),
            part('The redesign of children’s services consultation document be sent to Members of the Board including co-opted members.'),
            part('The Chair of the Board and the Cabinet'),
          ],
        }),
      ],
      9: [
        resolved('', {
          body: [
            part(
              'The following be considered further by the Board',
              bullets('the task and finish group', 'private fostering', 'special and alternative provision including home schooling'),
            ),
            part(
              'Further consideration be given to an item on challenging issues in secondary schools including',
              bullets('Stoke park support', 'Progress Tile Hill and Woodlands merge'),
            ),
            part(
              'Further consideration be given about whether any school which receives an inadequate rating from Ofsted should have their action plan automatically considered at the Education Scrutiny Board',
            ),
          ],
        }),
      ],
    });
    expect(blocksByItem(meeting, 'declarations')).toEqual({ 5: [noDeclarations('There were no Disclosable Pecuniary Interests.')] });
    expect(blocksByItem(meeting, 'minutes_approval')).toEqual({
      6: [approval('2017-06-29', 'The minutes of the meeting held on 29th June, 2017 were approved.', 'agreed')],
    });
  });

  it('keeps the text before each cut and names the cut items in the report', () => {
    const item7 = meeting.items[2]?.minutes.at(-1);
    expect(item7?.content?.at(-1)).toEqual({
      type: 'list_item',
      content: [p('Resources and funding – some of the funding currently accessed by the Carers Trust was coming to an end and')],
    });
    expect(outcome.report.warnings).toEqual([
      expect.stringContaining('item 7 (Support to Young Carers)'),
      expect.stringContaining('item 8 (Improvement Board)'),
    ]);
    expect(outcome.report.unplaced).toEqual([]);
    expectValidItems(meeting);
  });
});

describe('seed 003, the formal minutes of 20 October 2022 (Markdown)', () => {
  const outcome = importSeed('003_4d226feff2281d8f.txt');
  const meeting = only(outcome);

  it('reads the title, date, times and attendance', () => {
    expect(outcome.report.form).toBe('formal-md');
    expect(meeting.committee).toEqual({ name: "Education and Children's Services Scrutiny Board (2)", council: 'Coventry City Council' });
    expect(meeting.date).toBe('2022-10-20');
    expect(meeting.startTime).toBe('14:30');
    expect(meeting.closingTime).toBe('16:30');
    expect(meeting.venue).toBe('');
    expect(meeting.contact).toBeNull();
    expect(meeting.attendance).toEqual({
      members: [
        { name: 'Councillor J Innes', chair: true },
        { name: 'Councillor P Akhtar', chair: false },
        { name: 'Councillor J Blundell', chair: false },
        { name: 'Councillor S Keough', chair: false },
        { name: 'Councillor R Thay', chair: false },
        { name: 'Councillor CE Thomas', chair: false },
        { name: 'Councillor A Tucker', chair: false },
      ],
      coOpted: [{ name: 'Mrs S Hanson', voting: true }],
      invited: [{ name: 'Mr G Vohra', capacity: '' }],
      otherMembers: [{ name: 'Councillor P Seaman', portfolio: 'Cabinet Member for Children and Young People' }],
      employees: [
        { name: 'S Bhambra', directorate: "Children's Services" },
        { name: 'M Clayton', directorate: "Children's Services" },
        { name: 'J Gregg (Director)', directorate: "Children's Services" },
        { name: 'C Heeley', directorate: "Children's Services" },
        { name: 'N', directorate: "Children's Services" },
        { name: 'Macdonald', directorate: 'Education and Skills' },
        { name: 'A Whitrick', directorate: 'Education and Skills' },
        { name: 'G Holmes', directorate: 'Law and Governance' },
        { name: 'C Taylor', directorate: 'Law and Governance' },
      ],
      apologies: [
        { name: 'Councillor F Abbott', note: '' },
        { name: 'Councillor Gittins', note: 'Deputy Cabinet Member for Children and Young People' },
        { name: 'Councillor A Masih', note: '' },
        { name: 'Cllr Sandhu', note: 'Cabinet Member for Education and Skills' },
      ],
      substitutes: [],
    });
  });

  it('reads items 1–6 under Public Business, whatever their heading style', () => {
    expect(meeting.numberingStyle).toEqual(plainNumbering);
    expect(numbersAndTitles(meeting)).toEqual([
      [1, 'Declarations of Interests'],
      [2, 'Minutes'],
      [3, 'Co-option of Other Faiths Representatives to the Scrutiny Board'],
      [4, "Children's Services Ofsted Outcome"],
      [5, 'Work Programme and Outstanding Issues'],
      [6, 'Any Other Business'],
    ]);
    expect(meeting.items.map((item) => item.business)).toEqual(Array(6).fill('public'));
  });

  it('reads the resolutions, requests, declarations and the approval of the minutes', () => {
    expect(blocksByItem(meeting, 'resolution')).toEqual({
      3: [
        resolved(':', {
          unanimous: true,
          body: [
            bullets(
              "The Education and Children's Services Scrutiny Board (2) approves the co-option of Mr Ghulam Vohra as a non-voting co-optee to the Board under Part 2D, Section 6.1 (e) of the constitution.",
            ),
          ],
        }),
      ],
      4: [
        resolved('the Scrutiny Board:', {
          partStyle: '1.',
          body: [
            part('Consider the recommendations highlighted in the Inspection report and requested a further report on progress implementation.'),
            part('Receives the Development Plan at a future meeting in response to the Inspection report.'),
            part("It was unanimously agreed to write to the Children's Services team to congratulate them on the recent Ofsted result."),
          ],
        }),
      ],
      5: [resolved('the work programme be updated.')],
    });
    expect(blocksByItem(meeting, 'information_requests')).toMatchObject({
      4: [
        askedFor(
          'The Board also requested information on the following:',
          'The process/consequences of bidding for short term funding.',
          'Up to date Census figures.',
          'Services to support care leavers at risk of becoming homeless.',
        ),
      ],
    });
    expect(blocksByItem(meeting, 'declarations')).toEqual({ 1: [noDeclarations('There were no disclosable interests.')] });
    expect(blocksByItem(meeting, 'minutes_approval')).toEqual({
      2: [approval('2022-07-21', 'The minutes of the meeting held on 21 July 2022 were agreed.', 'agreed')],
    });
  });

  it('places every line', () => {
    expect(outcome.report.unplaced).toEqual([]);
    expect(outcome.report.warnings).toEqual([]);
    expectValidItems(meeting);
  });
});

describe('seed 002, a single Agenda item page', () => {
  const outcome = importSeed('002_649d194bed661f2d.txt');
  const meeting = only(outcome);

  it('reads the item; the page names no committee or date', () => {
    expect(outcome.report.form).toBe('item');
    expect(meeting.committee).toEqual({ name: '', council: null });
    expect(meeting.date).toBeNull();
    expect(meeting.venue).toBe('');
    expect(meeting.numberingStyle).toBeNull();
    expect(numbersAndTitles(meeting)).toEqual([[1, "Children's Services Resources and Efficiency Peer Challenge Progress Against the Recommendations"]]);
    expect(meeting.items[0]?.source).toBe('Briefing Note of the Director of Children’s and Education Services.');
    expect(meeting.items[0]?.documents).toEqual([]);
  });

  it('keeps "Resolved to note" in running text as a paragraph, and reads the bullets', () => {
    const minutes = meeting.items[0]?.minutes ?? [];
    expect(minutes.filter((block) => block.type !== 'paragraph').map((block) => block.type)).toEqual(['bullet_list']);
    expect(minutes.at(-1)).toEqual(
      p('The Education and Children’s Services Scrutiny Board (2) Resolved to note the contents of the briefing note and had no further recommendations for the Cabinet Member.'),
    );
    expect(minutes.find((block) => block.type === 'bullet_list')?.content).toHaveLength(4);
    expect(outcome.report.unplaced).toEqual([]);
    expectValidItems(meeting);
  });
});

describe('seed 000, the page flattened through a table', () => {
  const outcome = importSeed('000_f89e8ca412644775.txt');
  const meeting = only(outcome);

  it('reads what the page has: venue and contact, but no committee, date or minute numbers', () => {
    expect(outcome.report.form).toBe('page-table');
    expect(meeting.committee.name).toBe('');
    expect(meeting.date).toBeNull();
    expect(meeting.venue).toBe('Diamond Rooms 1 and 2 - Council House');
    expect(meeting.contact).toEqual({ name: 'Tom Robinson', phone: '', email: 'tom.robinson@coventry.gov.uk' });
    expect(meeting.numberingStyle).toBeNull();
  });

  it('splits each flattened heading into title, source and agenda text', () => {
    expect(numbersAndTitles(meeting)).toEqual([
      [1, 'Declarations of Interests'],
      [2, 'Minutes'],
      [3, 'Coventry Education Performance'],
      [4, "Children's Services Resources and Efficiency Peer Challenge"],
      [5, ''],
      [6, 'Any Other Business'],
    ]);
    expect(meeting.items.map((item) => item.source)).toEqual([
      '',
      '',
      'Briefing Note of the Director of Children and Education.',
      'Briefing Note of the Director of Children’s Services and Education',
      'Briefing Note of the Scrutiny Co-ordinator',
      '',
    ]);
    expect(meeting.items[1]?.agendaText).toBe('a) To agree the minutes of the meeting held on the 16th of January 2025\nb) Matters Arising');
    expect(meeting.items[5]?.agendaText).toBe(
      'Any other items of business which the Chair decides to take as matters of urgency because of the special circumstances involved.',
    );
  });

  it('reads the approval with its amendment to Minute 60/24', () => {
    expect(blocksByItem(meeting, 'minutes_approval')).toEqual({
      2: [
        {
          type: 'minutes_approval',
          attrs: { meetingDate: '2025-01-16', outcome: 'agreed-with-amendments' },
          content: [
            {
              type: 'approval_statement',
              content: [
                {
                  type: 'text',
                  text: 'The Minutes of the meeting held on the 16th of January 2025 were agreed and signed as a true record subject to the following amendment to ',
                },
                minuteRef('60/24'),
                { type: 'text', text: ' headed, “Coventry Safeguarding Children\'s Partnership Yearly Report”.' },
                { type: 'hard_break' },
                { type: 'text', text: 'The following change to be inserted, this replacing the refence to this issue in the earlier Minutes:' },
              ],
            },
            {
              type: 'amendment',
              attrs: { minute: '60/24', heading: "Coventry Safeguarding Children's Partnership Yearly Report" },
              content: [
                p(
                  '“The Chair outlined her views on the recent comments at Parliament concerning grooming gangs in Coventry and the steps the local authority had taken in preventing and combating child exploitation. This was challenged by a Member of the Board and noted.”',
                ),
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads the requests flattened into one line, the declarations and the resolutions', () => {
    expect(blocksByItem(meeting, 'information_requests')).toMatchObject({
      3: [
        askedFor(
          'Members requested that the following information be circulated to them:',
          'Further information from SACRE on the numbers of children receiving religious education (if available).',
          'Data regarding the proportion of unaccompanied asylum seekers in receipt of free school meals.',
          'The Report of the Task and Finish Group on Autism.',
          'The One Strategic Plan Sufficiency Report from 2023-24.',
          'The new model for managing exclusions be added to the work programme for 25/26.',
        ),
      ],
    });
    expect(blocksByItem(meeting, 'declarations')).toEqual({ 1: [noDeclarations('There were no disclosable pecuniary interests.')] });
    expect(blocksByItem(meeting, 'resolution')).toEqual({
      // The page lost this resolution's parts when it was flattened: only the preamble is left.
      3: [resolved('the Education and Children’s Services Scrutiny Board (2):')],
      4: [
        resolved('the Children’s and Young People Scrutiny Board (2):', {
          body: [
            part('Notes the information in the Briefing Note on the Children’s Services Resources and Efficiency Peer Challenge.'),
            part('Requested that a further report be submitted to a future meeting of the Board on the Progress on the Peer Review Action Plan.'),
          ],
        }),
      ],
      5: [resolved('the Children’s and Young People Scrutiny Board (2) notes the Work Programme 2024/25 and that:')],
    });
  });

  it('places every line and warns that item 5 has lost its title', () => {
    expect(outcome.report.unplaced).toEqual([]);
    expect(outcome.report.warnings).toEqual([expect.stringContaining('item 5')]);
    expectValidItems(meeting);
  });
});
