// The registers read off the seed minutes: resolutions, requests for information, declarations by member.
import { describe, expect, it } from 'vitest';
import type { MinutesNodeJSON } from '../../shared/model/meeting.js';
import { attendanceRegister, bySurname, declarationsByMember, memberName, requestsRegister, resolutionsRegister } from '../../shared/search/registers.js';
import { attendanceRegisterHtml, attendanceTables } from '../../shared/export/attendanceRegisterHtml.js';
import { noAttendance } from '../../shared/model/attendance.js';
import { committee10, meeting10 } from '../fixtures/issue10Meeting.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';
import { noDeclarations } from '../fixtures/minutesJson.js';
import { aCommittee, aMeeting, items } from './builders.js';

describe('the resolutions register', () => {
  const register = resolutionsRegister([meeting001], [committee001]);

  it('lists every resolution of the meeting with its citation, in agenda order', () => {
    expect(register.map((entry) => entry.citation)).toEqual(['81/16', '82/16', '84/16', '85/16']);
  });

  it('keeps a preamble as the opening words, and its bullets as the parts', () => {
    expect(register.find((entry) => entry.citation === '81/16')).toMatchObject({
      meetingId: meeting001.id,
      committeeId: committee001.id,
      date: '2017-04-27',
      minuteNumber: 81,
      title: 'One Strategic Plan for School Organisation',
      unanimous: false,
      opening:
        'RESOLVED that the Scrutiny Board noted the update and requested the following items be added to the work programme for the next municipal year:',
      parts: [
        { label: null, text: 'Home schooling', depth: 0 },
        { label: null, text: 'Local authority support following Ofsted action plan/progress report', depth: 0 },
      ],
    });
  });

  it('gives numbered parts their labels', () => {
    const item82 = register.find((entry) => entry.citation === '82/16');
    expect(item82?.title).toBe('Improving Quality and Performance of Social Workers');
    expect(item82?.opening).toBe('RESOLVED that');
    expect(item82?.parts).toEqual([
      {
        label: '1)',
        text: 'the Scrutiny Board noted progress and request further information about whether the 61 recently appointed Social Workers had been retained and how many had met their accreditation',
        depth: 0,
      },
      { label: '2)', text: 'a further report be considered in October, 2017', depth: 0 },
    ]);
  });

  it('keeps the bullets under a part one level down', () => {
    const item9 = resolutionsRegister([meeting004], [committee001]).find((entry) => entry.citation === '9/17');
    expect(item9?.parts.slice(0, 4)).toEqual([
      { label: '1)', text: 'The following be considered further by the Board', depth: 0 },
      { label: null, text: 'the task and finish group', depth: 1 },
      { label: null, text: 'private fostering', depth: 1 },
      { label: null, text: 'special and alternative provision including home schooling', depth: 1 },
    ]);
  });

  it('says when a resolution was unanimous', () => {
    const item3 = resolutionsRegister([meeting003], [committee003]).find((entry) => entry.citation === '3/22');
    expect(item3).toMatchObject({ unanimous: true, opening: 'RESOLVED unanimously that:' });
  });

  it('puts the newest meeting first', () => {
    const both = resolutionsRegister([meeting001, meeting004], [committee001]);
    expect(both[0]?.meetingId).toBe(meeting004.id);
    expect(both.at(-1)?.meetingId).toBe(meeting001.id);
  });
});

describe('the requests register', () => {
  it('lists the three open requests of the Ofsted item', () => {
    const register = requestsRegister([meeting001, meeting003, meeting004], [committee001, committee003]);
    expect(register).toEqual(
      ['The process/consequences of bidding for short term funding.', 'Up to date Census figures.', 'Services to support care leavers at risk of becoming homeless.'].map(
        (asked, index) => ({
          meetingId: meeting003.id,
          itemId: meeting003.items[3]!.id,
          committeeId: committee003.id,
          date: '2022-10-20',
          minuteNumber: 4,
          citation: '4/22',
          title: "Children's Services Ofsted Outcome",
          requestId: `request-${index + 1}`,
          asked,
          askedOf: '',
          status: 'open',
        }),
      ),
    );
  });
});

describe('declarations by member', () => {
  const declaration = (member: string, item: string, kind: string, text: string): MinutesNodeJSON => ({
    type: 'declaration',
    attrs: { member, item, kind },
    content: [{ type: 'text', text }],
  });
  const declarationsItem = (minutes: MinutesNodeJSON[]) => ({ ...items(1)[0]!, title: 'Declarations of Interests', minutes });

  const committee = aCommittee();
  const autumn = aMeeting(committee, {
    date: '2017-10-12',
    items: [
      declarationsItem([
        {
          type: 'declarations',
          content: [
            declaration('Cllr J Smith', '5', 'disclosable-pecuniary', 'Employed by a school in the city.'),
            declaration(' Mrs  S Hanson ', '6', 'non-registrable', 'A governor of Stoke Park School.'),
          ],
        },
      ]),
      ...items(2).map((item) => ({ ...item, minuteNumber: item.minuteNumber + 1 })),
    ],
  });
  const winter = aMeeting(committee, {
    date: '2018-01-18',
    items: [declarationsItem([{ type: 'declarations', content: [declaration('Councillor  J Smith', '7', 'other-registrable', 'A trustee of the Carers Trust.')] }])],
  });
  // The nil statement, whether in its own block or typed into an unnamed declaration.
  const quiet = aMeeting(committee, {
    date: '2018-03-01',
    items: [
      declarationsItem([noDeclarations('There were no disclosable pecuniary interests.')]),
      { ...declarationsItem([{ type: 'declarations', content: [declaration('', '', 'disclosable-pecuniary', 'There were no declarations of interest.')] }]), minuteNumber: 2 },
    ],
  });

  it('groups Cllr and Councillor as one member, members by surname, newest first, and lists no nil statements', () => {
    const members = declarationsByMember([autumn, quiet, winter, meeting001], [committee, committee001]);
    expect(members.map((member) => [member.member, member.declarations.length])).toEqual([
      ['Mrs S Hanson', 1],
      ['Councillor J Smith', 2],
    ]);
    expect(members[1]?.declarations).toEqual([
      expect.objectContaining({ member: 'Councillor  J Smith', kind: 'other-registrable', item: '7', text: 'A trustee of the Carers Trust.', date: '2018-01-18', citation: '1/17', meetingId: winter.id }),
      expect.objectContaining({ member: 'Cllr J Smith', kind: 'disclosable-pecuniary', item: '5', text: 'Employed by a school in the city.', date: '2017-10-12', citation: '1/17', title: 'Declarations of Interests' }),
    ]);
  });

  it('settles names: spaces, and the councillor title however it is written', () => {
    expect(['Cllr J Smith', 'cllr. J Smith', ' Councillor\u00a0 J  Smith ', 'Councillor J Smith'].map(memberName)).toEqual(Array(4).fill('Councillor J Smith'));
    // Only a title: a surname that starts with the same letters is left alone.
    expect(memberName('Cllrson J')).toBe('Cllrson J');
  });
});

describe('declarations by member, with the kind as the committee prints it, the item and what the member did', () => {
  it('reads issue 10’s declaration of a prejudicial interest, the member leaving the room', () => {
    const [bigham] = declarationsByMember([meeting10], [committee10]);
    expect(bigham?.declarations).toEqual([
      expect.objectContaining({ member: 'Councillor R Bigham', kind: 'prejudicial', kindLabel: 'prejudicial interest', item: '4', action: 'left-room', actionWords: 'left the room for the item', text: 'her husband is employed by the applicant.' }),
    ]);
  });

  it('a kind no longer in the list still has a label, and a declaration written before actions were kept has none', () => {
    const committee = aCommittee();
    const meeting = aMeeting(committee, {
      items: [{ ...items(1)[0]!, minutes: [{ type: 'declarations', content: [{ type: 'declaration', attrs: { member: 'Cllr A', item: '2', kind: 'close-associate' } }] }] }],
    });
    expect(declarationsByMember([meeting], [committee])[0]?.declarations[0]).toMatchObject({ kindLabel: 'close associate interest', action: '', actionWords: '' });
  });
});

describe('the attendance register', () => {
  const committee = aCommittee({
    members: [
      { name: 'Councillor J Innes', role: 'chair', voting: true },
      { name: 'Councillor P Akhtar', role: 'member', voting: true },
      { name: 'Councillor F Abbott', role: 'member', voting: true },
    ],
  });
  const held = (date: string, attendance: Partial<ReturnType<typeof noAttendance>>) => aMeeting(committee, { date, attendance: { ...noAttendance(), ...attendance } });
  const meetings = [
    held('2017-06-01', { members: [{ name: 'Councillor J Innes', chair: true }, { name: 'Cllr P Akhtar', chair: false }], apologies: [{ name: 'Councillor F Abbott', note: '' }] }),
    held('2017-09-14', { members: [{ name: 'Councillor J Innes', chair: true }], substitutes: [{ name: 'Councillor T Khan', substitutingFor: 'Councillor P Akhtar' }] }),
    held('2018-02-01', { members: [{ name: 'Councillor J Innes', chair: true }, { name: 'Councillor F Abbott', chair: false }] }),
    // The next municipal year, from May.
    held('2018-06-07', { members: [{ name: 'Councillor J Innes', chair: true }] }),
  ];
  const register = attendanceRegister(meetings, [committee]);
  const row = (year: string, member: string) => register.find((record) => record.municipalYear === year && record.member === member);

  it('counts each member’s meetings of the year: present, apologies (sent or substituted), absent, with percentages', () => {
    expect(register.map((record) => [record.municipalYear, record.member])).toEqual([
      ['2018/19', 'Councillor F Abbott'],
      ['2018/19', 'Councillor P Akhtar'],
      ['2018/19', 'Councillor J Innes'],
      ['2017/18', 'Councillor F Abbott'],
      ['2017/18', 'Councillor P Akhtar'],
      ['2017/18', 'Councillor J Innes'],
      ['2017/18', 'Councillor T Khan'],
    ]);
    expect(row('2017/18', 'Councillor J Innes')).toMatchObject({ meetings: 3, present: 3, apologies: 0, absent: 0, percentPresent: 100 });
    expect(row('2017/18', 'Councillor P Akhtar')).toMatchObject({ meetings: 3, present: 1, apologies: 1, absent: 1, substituted: 1, percentPresent: 33, percentApologies: 33, percentAbsent: 33 });
    expect(row('2017/18', 'Councillor F Abbott')).toMatchObject({ meetings: 3, present: 1, apologies: 1, absent: 1, substituted: 0 });
    // A substitute who is not a member of the committee counts only the meetings attended.
    expect(row('2017/18', 'Councillor T Khan')).toMatchObject({ meetings: 1, present: 1, asSubstitute: 1, absent: 0, percentPresent: 100 });
    expect(row('2018/19', 'Councillor P Akhtar')).toMatchObject({ meetings: 1, present: 0, absent: 1, percentAbsent: 100 });
  });
});

describe('members by surname', () => {
  it('orders by surname whatever the title, then by initials', () => {
    const names = ['Councillor T Khan', 'Mrs S Hanson', 'Cllr A Khan', 'Councillor A Ali', 'Dr M de Souza', 'Councillor R Bigham'];
    expect([...names].sort(bySurname)).toEqual(['Councillor A Ali', 'Councillor R Bigham', 'Mrs S Hanson', 'Cllr A Khan', 'Councillor T Khan', 'Dr M de Souza']);
  });
});

describe('the attendance register on paper', () => {
  const committee = aCommittee({ members: [{ name: 'Councillor <b>Innes</b>', role: 'chair', voting: true }, { name: 'Councillor P Akhtar', role: 'member', voting: true }] });
  const meetings = [
    aMeeting(committee, { date: '2017-06-01', attendance: { ...noAttendance(), members: [{ name: 'Councillor <b>Innes</b>', chair: true }], apologies: [{ name: 'Councillor P Akhtar', note: '' }] } }),
    aMeeting(committee, { date: '2018-06-07', attendance: { ...noAttendance(), members: [{ name: 'Councillor <b>Innes</b>', chair: true }, { name: 'Councillor P Akhtar', chair: false }] } }),
  ];
  const records = attendanceRegister(meetings, [committee]);

  it('groups the register into a table per committee and municipal year, newest first, keeping the members’ order', () => {
    expect(attendanceTables(records).map((table) => [table.municipalYear, table.records.map((record) => record.member)])).toEqual([
      ['2018/19', ['Councillor <b>Innes</b>', 'Councillor P Akhtar']],
      ['2017/18', ['Councillor <b>Innes</b>', 'Councillor P Akhtar']],
    ]);
  });

  it('prints each row with its counts and per cents, every name escaped, no script', () => {
    const html = attendanceRegisterHtml(records, 'Attendance register');
    expect(html).toContain('Scrutiny Board (2), municipal year 2017/18</caption>');
    expect(html).toContain('<tr><th scope="row">Councillor P Akhtar</th><td class="number">1</td><td class="number">0 (0%)</td><td class="number">1 (100%)</td><td class="number">0 (0%)</td>');
    expect(html).toContain('Councillor &lt;b&gt;Innes&lt;/b&gt;');
    expect(html).not.toContain('<b>Innes');
    expect(html).not.toMatch(/<script/i);
  });

  it('says so when nothing is recorded', () => {
    expect(attendanceRegisterHtml([], 'Attendance register')).toContain('No attendance is recorded for these meetings.');
  });
});
