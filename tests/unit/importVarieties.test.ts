// Minutes from other councils, in the forms Minute Book reads but with other habits: "77/21"
// numbering, "RESOLVED:" with "(1)" parts, "•" and "◦" bullets, "Decision:" blocks, formal minutes
// as plain text, and an HTML page laid out in a table.
import { describe, expect, it } from 'vitest';
import { importDocument, type ImportOutcome, type ImportedMeeting } from '../../shared/import/index.js';
import { plainNumbering, withYearNumbering } from '../../shared/model/committee.js';
import type { MinutesNodeJSON } from '../../shared/model/meeting.js';
import { approval, bullets, minuteRef, p, part, resolved } from '../fixtures/minutesJson.js';

const read = (fileName: string, content: string): { outcome: ImportOutcome; meeting: ImportedMeeting } => {
  let next = 0;
  const outcome = importDocument(fileName, content, () => `id-${++next}`);
  return { outcome, meeting: outcome.meetings[0] as ImportedMeeting };
};

const minutesOf = (meeting: ImportedMeeting, minuteNumber: number): MinutesNodeJSON[] =>
  meeting.items.find((item) => item.minuteNumber === minuteNumber)?.minutes ?? [];

const planningPage = `Agenda and minutes

Planning Committee - Tuesday, 12th October, 2021 6.30 pm

Venue: Council Chamber, Town Hall, Market Street. View directions

Contact: Jane Smith  Tel: 01632 960 123  Email: jane.smith@example.gov.uk

Items
No. Item

77/21

Declarations of Interest

Minutes:

Councillor A Jones declared a disclosable pecuniary interest in item 79/21 as the owner of a neighbouring property.

Councillor B Patel declared an other registrable interest in item 80/21: she is a governor of the school.

78/21

Minutes of the previous meeting pdf icon PDF 120 KB

To confirm the minutes of the meeting held on 14 September 2021.

Minutes:

RESOLVED: That the minutes of the meeting held on 14 September 2021 be approved as a correct record.

79/21

Land at Mill Lane, Hampton pdf icon PDF 2 MB

Report of the Head of Planning

Minutes:

The Committee considered a report on an application for 24 homes. Further to Minute 42/21 the applicant had revised the layout.

Members raised the following:

• the height of the buildings
◦ in particular the three-storey block
• parking and access

RESOLVED:

(1) That planning permission be granted subject to:

• the conditions set out in the report
• a Section 106 agreement

(2) That the Head of Planning be authorised to agree the final wording of the conditions.

Decision:

(1) That planning permission be granted subject to:

• the conditions set out in the report
• a Section 106 agreement

(2) That the Head of Planning be authorised to agree the final wording of the conditions.

80/21

School Expansion - Northfield Primary

Report of the Director of Education

Decision:

a) The expansion be supported.
b) A further report be brought in March 2022.

81/21

Any Other Business

Minutes:

RESOLVED:

That the Chair write to the Secretary of State about the new planning rules.
`;

describe('an Agenda and minutes page numbered "77/21", with "RESOLVED:" and a Decision block', () => {
  const { outcome, meeting } = read('planning.txt', planningPage);

  it('reads the header and the with-year numbering', () => {
    expect(outcome.report.form).toBe('page-text');
    expect(meeting.committee.name).toBe('Planning Committee');
    expect(meeting.date).toBe('2021-10-12');
    expect(meeting.startTime).toBe('18:30');
    expect(meeting.venue).toBe('Council Chamber, Town Hall, Market Street');
    expect(meeting.contact).toEqual({ name: 'Jane Smith', phone: '01632 960 123', email: 'jane.smith@example.gov.uk' });
    expect(meeting.numberingStyle).toEqual(withYearNumbering);
    expect(meeting.items.map((item) => [item.minuteNumber, item.title])).toEqual([
      [77, 'Declarations of Interest'],
      [78, 'Minutes of the previous meeting'],
      [79, 'Land at Mill Lane, Hampton'],
      [80, 'School Expansion - Northfield Primary'],
      [81, 'Any Other Business'],
    ]);
    expect(meeting.items[2]?.documents).toEqual([{ title: 'Land at Mill Lane, Hampton', sizeKb: 2048 }]);
    expect(meeting.items[1]?.agendaText).toBe('To confirm the minutes of the meeting held on 14 September 2021.');
  });

  it('reads each declaration: who, which item, what kind, and what', () => {
    expect(minutesOf(meeting, 77)).toEqual([
      {
        type: 'declarations',
        content: [
          {
            type: 'declaration',
            attrs: { member: 'Councillor A Jones', item: '79/21', kind: 'disclosable-pecuniary', action: '' },
            content: [{ type: 'text', text: 'as the owner of a neighbouring property.' }],
          },
          {
            type: 'declaration',
            attrs: { member: 'Councillor B Patel', item: '80/21', kind: 'other-registrable', action: '' },
            content: [{ type: 'text', text: 'she is a governor of the school.' }],
          },
        ],
      },
    ]);
  });

  it('reads a resolution agreeing the minutes as the approval of the minutes', () => {
    expect(minutesOf(meeting, 78)).toEqual([
      approval('2021-09-14', 'RESOLVED: That the minutes of the meeting held on 14 September 2021 be approved as a correct record.', 'agreed'),
    ]);
  });

  it('reads "(1)" parts with their bullets, nests a change of bullet character, and does not repeat the Decision; "RESOLVED:" keeps its words', () => {
    expect(minutesOf(meeting, 79)).toEqual([
      p('The Committee considered a report on an application for 24 homes. Further to ', minuteRef('42/21'), ' the applicant had revised the layout.'),
      p('Members raised the following:'),
      bullets(['the height of the buildings', ['in particular the three-storey block']], 'parking and access'),
      resolved(':', {
        lead: 'resolved',
        partStyle: '(1)',
        body: [
          part('That planning permission be granted subject to:', bullets('the conditions set out in the report', 'a Section 106 agreement')),
          part('That the Head of Planning be authorised to agree the final wording of the conditions.'),
        ],
      }),
    ]);
  });

  it('reads a Decision block without "RESOLVED" as a decision, with "a)" parts', () => {
    expect(minutesOf(meeting, 80)).toEqual([
      resolved('', { lead: 'decision', partStyle: 'a.', body: [part('The expansion be supported.'), part('A further report be brought in March 2022.')] }),
    ]);
  });

  it('takes the one "That …" sentence after "RESOLVED:" as the preamble', () => {
    expect(minutesOf(meeting, 81)).toEqual([resolved('the Chair write to the Secretary of State about the new planning rules.')]);
    expect(outcome.report.unplaced).toEqual([]);
    expect(outcome.report.warnings).toEqual([]);
  });
});

const cabinetMinutes = `Borsetshire County Council

Minutes of a meeting of the Cabinet held at County Hall, Felpersham on Tuesday 5 March 2024 at 10.30 am

Present: Councillor R Archer (Chair), Councillor J Aldridge, Councillor K Grundy (Vice-Chair)
Also present: Councillor P Snell (Cabinet Member for Highways)
Officers: Finance K Evans, T Brown (Section 151 Officer)
Apologies for absence: Councillor L Pargetter (illness)
Substitutes: Councillor E Grundy substituting for Councillor L Pargetter

Public Business

101/23 Declarations of Interest

Councillor J Aldridge declared a non-registrable interest in item 103/23 as a trustee of the village hall.

102/23 Minutes

RESOLVED that the minutes of the meeting held on 6 February 2024 be confirmed as a correct record subject to the following amendment:

"Minute 95/23, second paragraph: replace 'June' with 'July'."

103/23 Village Hall Grant

The Cabinet considered a report of the Director of Finance.

It was unanimously RESOLVED that a grant of £5,000 be awarded to Ambridge Village Hall.

Private Business

104/23 Property Disposal

RESOLVED that:
(a) the disposal of the depot be approved;
(b) the Director of Finance be authorised to complete the sale.

The meeting closed at 12.15 pm.

Chair
`;

describe('formal minutes as plain text, numbered "101/23", with private business', () => {
  const { outcome, meeting } = read('cabinet.txt', cabinetMinutes);

  it('reads the title, the place and the times', () => {
    expect(outcome.report.form).toBe('formal-md');
    expect(meeting.committee).toEqual({ name: 'Cabinet', council: 'Borsetshire County Council' });
    expect(meeting.date).toBe('2024-03-05');
    expect(meeting.startTime).toBe('10:30');
    expect(meeting.closingTime).toBe('12:15');
    expect(meeting.venue).toBe('County Hall, Felpersham');
    expect(meeting.numberingStyle).toEqual(withYearNumbering);
  });

  it('reads attendance written several to a line', () => {
    expect(meeting.attendance).toEqual({
      members: [
        { name: 'Councillor R Archer', chair: true },
        { name: 'Councillor J Aldridge', chair: false },
        { name: 'Councillor K Grundy (Vice-Chair)', chair: false },
      ],
      coOpted: [],
      invited: [],
      otherMembers: [{ name: 'Councillor P Snell', portfolio: 'Cabinet Member for Highways' }],
      employees: [
        { name: 'K Evans', directorate: 'Finance' },
        { name: 'T Brown (Section 151 Officer)', directorate: 'Finance' },
      ],
      apologies: [{ name: 'Councillor L Pargetter', note: 'illness' }],
      substitutes: [{ name: 'Councillor E Grundy', substitutingFor: 'Councillor L Pargetter' }],
    });
  });

  it('reads the items, their business, and the resolutions', () => {
    expect(meeting.items.map((item) => [item.minuteNumber, item.title, item.business])).toEqual([
      [101, 'Declarations of Interest', 'public'],
      [102, 'Minutes', 'public'],
      [103, 'Village Hall Grant', 'public'],
      [104, 'Property Disposal', 'private'],
    ]);
    expect(minutesOf(meeting, 101)[0]?.content?.[0]?.attrs).toEqual({ member: 'Councillor J Aldridge', item: '103/23', kind: 'non-registrable', action: '' });
    expect(minutesOf(meeting, 102)[0]).toMatchObject({
      type: 'minutes_approval',
      attrs: { meetingDate: '2024-02-06', outcome: 'agreed-with-amendments' },
      content: [{ type: 'approval_statement' }, { type: 'amendment', attrs: { minute: '95/23', heading: '' } }],
    });
    expect(minutesOf(meeting, 103)[1]).toEqual(resolved('a grant of £5,000 be awarded to Ambridge Village Hall.', { unanimous: true }));
    expect(minutesOf(meeting, 104)).toEqual([
      resolved(':', { partStyle: '(a)', body: [part('the disposal of the depot be approved;'), part('the Director of Finance be authorised to complete the sale.')] }),
    ]);
  });

  it('leaves the signature line unplaced, with its line number', () => {
    expect(outcome.report.unplaced).toEqual([{ line: 39, text: 'Chair' }]);
  });
});

const licensingPage = `<!DOCTYPE html>
<html><head><title>Agenda and minutes - Licensing Committee</title></head>
<body>
<h1>Agenda and minutes</h1>
<p>Licensing Committee - Wednesday, 3rd November, 2021 7.00 pm</p>
<p>Venue: Civic Centre, Room 2. View directions</p>
<p>Contact: Sam Lee  Email: <a href="mailto:sam.lee@example.gov.uk">sam.lee@example.gov.uk</a></p>
<table>
<tr><td>12.</td>
<td><p><a href="/item/12">Apologies for Absence</a></p>
<p><strong>Minutes:</strong></p>
<p>Apologies were received from Councillor <b>Smith</b>.</p></td></tr>
<tr><td>13.</td>
<td><p>Review of Licensing Policy <span class="doc">PDF 300 KB</span></p>
<p>Report of the Head of Regulatory Services</p>
<p>Minutes:</p>
<p>Further to Minute 5/21 the Committee reviewed the draft policy.</p>
<p><strong>RESOLVED</strong> that:</p>
<ol><li>the policy be approved;</li><li>officers consult on the fees.</li></ol></td></tr>
</table>
</body></html>`;

describe('an HTML page laid out in a table', () => {
  const { outcome, meeting } = read('licensing.html', licensingPage);

  it('reads the header and the items in the table cells', () => {
    expect(outcome.report.form).toBe('page-html');
    expect(meeting.committee.name).toBe('Licensing Committee');
    expect(meeting.date).toBe('2021-11-03');
    expect(meeting.startTime).toBe('19:00');
    expect(meeting.venue).toBe('Civic Centre, Room 2');
    expect(meeting.contact).toEqual({ name: 'Sam Lee', phone: '', email: 'sam.lee@example.gov.uk' });
    expect(meeting.items.map((item) => [item.minuteNumber, item.title, item.source, item.documents])).toEqual([
      [12, 'Apologies for Absence', '', []],
      [13, 'Review of Licensing Policy', 'Report of the Head of Regulatory Services', [{ title: 'Review of Licensing Policy', sizeKb: 300 }]],
    ]);
  });

  it('keeps bold words, citations and a numbered list of resolutions', () => {
    expect(minutesOf(meeting, 12)).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Apologies were received from Councillor ' }, { type: 'text', marks: [{ type: 'strong' }], text: 'Smith' }, { type: 'text', text: '.' }] },
    ]);
    expect(minutesOf(meeting, 13)).toEqual([
      p('Further to ', minuteRef('5/21'), ' the Committee reviewed the draft policy.'),
      resolved(':', { partStyle: '1.', body: [part('the policy be approved;'), part('officers consult on the fees.')] }),
    ]);
    expect(outcome.report.unplaced).toEqual([]);
  });
});

const cabinetItem = `Skip to content

Agenda item

Meeting: 22/10/2025 - Cabinet (Item 6.)

Budget Monitoring Quarter 2

Report of the Director of Finance

Minutes:

The Cabinet considered the report.

RESOLVED that the report be noted.

Decision:

RESOLVED that the report be noted.

Supporting documents:

Budget Monitoring Quarter 2 pdf icon PDF 400 KB

Appendix A PDF 120 KB
`;

describe('an Agenda item page that names its meeting', () => {
  const { outcome, meeting } = read('item.txt', cabinetItem);

  it('reads the meeting line, the supporting documents and one resolution for minutes and decision alike', () => {
    expect(outcome.report.form).toBe('item');
    expect(meeting.committee.name).toBe('Cabinet');
    expect(meeting.date).toBe('2025-10-22');
    // "(Item 6.)" on the meeting line gives the item its minute number.
    expect(meeting.numberingStyle).toEqual(plainNumbering);
    expect(meeting.items.map((item) => [item.minuteNumber, item.title, item.source, item.documents])).toEqual([
      [
        6,
        'Budget Monitoring Quarter 2',
        'Report of the Director of Finance',
        [
          { title: 'Budget Monitoring Quarter 2', sizeKb: 400 },
          { title: 'Appendix A', sizeKb: 120 },
        ],
      ],
    ]);
    expect(meeting.items[0]?.minutes).toEqual([p('The Cabinet considered the report.'), resolved('the report be noted.')]);
    // The website's own navigation is not minutes.
    expect(outcome.report.unplaced).toEqual([{ line: 1, text: 'Skip to content' }]);
  });
});
