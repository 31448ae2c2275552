// The general reader (shared/import/generalReader.ts) against its development corpus,
// tests/fixtures/reader-dev: minutes in house styles unlike the seeds and the evaluation corpus (a
// district council's PDF-like text behind a cover letter, a parish council, Markdown with no item
// numbers, a Word-like HTML page with "MINUTES" under the committee's name, a Scottish "Minute of
// Meeting" with "Decision" blocks), each read from its bytes as the app reads it and compared with
// what expected.json, written by hand, says a reader sees. Then the signals one by one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/services/importFile.js';
import { readGeneralMinutes } from '../../shared/import/generalReader.js';
import type { ImportedMeeting, ImportOutcome } from '../../shared/import/index.js';
import { Ledger } from '../../shared/import/ledger.js';
import { textLines } from '../../shared/import/lines.js';
import { noMeetingNotes } from '../../shared/import/meetingNotes.js';
import { citationsIn } from '../../shared/search/minuteReferences.js';
import { knownDeclarationKinds } from '../../shared/model/declarationKinds.js';
import type { Item, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { minutesOutline } from '../../shared/export/outline.js';
import { minuteYearsOf, printedMinuteNumber } from '../../shared/numbering.js';
import type { ExpectedMeeting } from '../../scripts/eval-import.js';

const folder = join(import.meta.dirname, '..', 'fixtures', 'reader-dev');

/** The same shape as the evaluation corpus's expected results. */
type Expected = ExpectedMeeting;

const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, Expected | string>;
const documents = Object.entries(expected).filter((entry): entry is [string, Expected] => !entry[0].startsWith('$'));

const read = (file: string): Promise<ImportOutcome> => {
  let next = 0;
  return readImportFile(file, new Uint8Array(readFileSync(join(folder, file))), () => `id-${++next}`);
};

const same = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
/** "Councillor R Okafor (Chair)" → "r okafor". */
const person = (name: string) => same(name.replace(/\([^)]*\)/g, '').replace(/^(?:councillors?|cllr\.?|mr|mrs|ms|dr)\s+/i, ''));

const nodesOf = (nodes: readonly MinutesNodeJSON[] | undefined, type: string): MinutesNodeJSON[] =>
  (nodes ?? []).flatMap((node) => [...(node.type === type ? [node] : []), ...nodesOf(node.content, type)]);

/** The item's number as printed beside it ("71", "35/26"), or null where the document does not number its items. */
const numberOf = (meeting: ImportedMeeting, index: number): string | null =>
  meeting.numberingStyle === null || meeting.date === null ? null : printedMinuteNumber(meeting.items[index] ?? { minuteNumber: 0 }, minuteYearsOf(meeting.date, 5), meeting.numberingStyle).replace(/\.$/, '');

/**
 * What the reader does not yet read in these documents, each test expected to fail until it does (so
 * that one passing again is noticed): an agenda item page names its council only in the site's header,
 * which is dropped with the navigation; a copied "Agenda and minutes" page's decision that starts inside
 * a paragraph after its "Minutes:" label ("… an update on the works. RESOLVED that …") is not read as
 * one (the page forms read decisions that open a line; the general reader splits such lines).
 */
const knownGaps: Record<string, readonly string[]> = {
  'r14-thornwick-agenda-item.html': ['meeting'],
  'r39-brackley-moor-scrutiny.txt': ['decisions'],
};
const check = (file: string, gap: string) => ((knownGaps[file] ?? []).includes(gap) ? it.fails : it);
const keyOf = (meeting: ImportedMeeting, index: number) => numberOf(meeting, index) ?? meeting.items[index]?.title ?? '';

describe.each(documents)('%s', (file, want) => {
  const reading = read(file);

  it('is read, not refused: as minutes in a layout no form knows, as formal minutes, or as a copied page', async () => {
    const { report } = await reading;
    expect(['general-text', 'general-html', 'formal-md', 'formal-html', 'page-text', 'page-html', 'page-table', 'item']).toContain(report.form);
  });

  check(file, 'meeting')('reads the meeting: council, committee, date and times, never a cover letter’s or the next meeting’s date', async () => {
    const meeting = (await reading).meetings[0] as ImportedMeeting;
    expect(meeting.committee.council === null ? null : same(meeting.committee.council)).toBe(want.council === null ? null : same(want.council));
    expect(same(meeting.committee.name)).toBe(same(want.committee));
    expect([meeting.date, meeting.startTime, meeting.closingTime]).toEqual([want.date, want.startTime, want.closingTime]);
  });

  check(file, 'items')('finds every item, with its number and title, and nothing else', async () => {
    const meeting = (await reading).meetings[0] as ImportedMeeting;
    expect(meeting.items.map((item, index) => [numberOf(meeting, index), item.title])).toEqual(want.items);
  });

  check(file, 'decisions')('reads each item’s decisions, and no decision where there is none', async () => {
    const meeting = (await reading).meetings[0] as ImportedMeeting;
    const counts = Object.fromEntries(meeting.items.map((item, index) => [keyOf(meeting, index), nodesOf(item.minutes, 'resolution').length]).filter(([, count]) => count !== 0));
    expect(counts).toEqual(want.resolutions);
  });

  it('reads the declarations of the kinds Minute Book knows, one for each member named; another kind stays a paragraph, with a warning', async () => {
    const { meetings, report } = await reading;
    const meeting = meetings[0] as ImportedMeeting;
    // "in Minute 74" keeps its word in the declaration (a citation of the minute); the expected results name the item alone.
    const declared = meeting.items
      .flatMap((item) => nodesOf(item.minutes, 'declaration'))
      .map((node) => ({ member: person(String(node.attrs?.['member'])), item: String(node.attrs?.['item']).replace(/^Minute /, ''), kind: String(node.attrs?.['kind']) }));
    const known = want.declarations.filter((each) => knownDeclarationKinds.some((kind) => kind.id === each.kind));
    expect(declared).toEqual(known.map((each) => ({ ...each, member: person(each.member) })));
    for (const other of want.declarations.filter((each) => !known.includes(each))) expect(report.warnings.join('\n')).toContain(`a “${other.kind}” interest is not a kind`);
  });

  it('reads the attendance: members present, with names listed after “Councillors” each their own, and the apologies', async () => {
    const { attendance } = (await reading).meetings[0] as ImportedMeeting;
    expect([...attendance.members, ...attendance.coOpted, ...attendance.substitutes].map((each) => person(each.name))).toEqual(want.present.map(person));
    expect(attendance.apologies.map((each) => person(each.name))).toEqual(want.apologies.map(person));
  });

  check(file, 'references')('links the minute references, with their year or without (“Minute 74”, “Minute No. 31”, “Minute 43 below”)', async () => {
    const meeting = (await reading).meetings[0] as ImportedMeeting;
    const cited = meeting.items.flatMap((item, index) => citationsIn(item).map((to) => ({ from: keyOf(meeting, index), to })));
    expect(cited).toEqual(want.references);
  });
});

describe('the general reader’s signals', () => {
  const reading = (text: string) => {
    const lines = textLines(text);
    const ledger = new Ledger(lines);
    return { meeting: readGeneralMinutes(lines, { ledger, newId: () => 'id', kinds: knownDeclarationKinds, notes: noMeetingNotes() }), ledger };
  };

  it('takes the date from the meeting heading, not from a summons before it or the approval of the last minutes', () => {
    const { meeting } = reading(
      [
        'Dear Councillor, you are summoned to a meeting to be held on 4 March 2026.',
        'This page is intentionally left blank',
        'Audit Committee',
        'Minutes of the meeting held on Wednesday 11 March 2026 at 2.00 pm',
        '1. Minutes',
        'The minutes of the meeting held on 10 December 2025 were approved as a correct record.',
        '2. Internal Audit Plan',
        'RESOLVED that the plan be approved.',
      ].join('\n'),
    );
    expect([meeting.committee.name, meeting.date, meeting.startTime]).toEqual(['Audit Committee', '2026-03-11', '14:00']);
    expect(meeting.items.map((item) => item.title)).toEqual(['Minutes', 'Internal Audit Plan']);
  });

  it('does not read the agenda of a summons before the minutes as their items', () => {
    const { meeting } = reading(
      [
        'Dear Councillor, you are summoned to the Cabinet.',
        '1. Apologies',
        '2. Budget',
        '3. Close',
        'This page is intentionally left blank',
        'Cabinet',
        'Tuesday 3 June 2025',
        '1. Apologies',
        'Apologies were received from Councillor A Khan.',
        '2. Budget',
        'AGREED that the budget be recommended to Council.',
      ].join('\n'),
    );
    expect([meeting.committee.name, meeting.date]).toEqual(['Cabinet', '2025-06-03']);
    expect(meeting.items.map((item) => [item.minuteNumber, item.title])).toEqual([
      [1, 'Apologies'],
      [2, 'Budget'],
    ]);
    expect(meeting.attendance.apologies.map((each) => each.name)).toEqual(['Councillor A Khan']);
  });

  it('does not take the meeting’s own lines in capitals for items where items are not numbered', () => {
    const { meeting } = reading(
      ['MINUTES', 'TUESDAY 3 JUNE 2025', 'PUBLIC BUSINESS', 'HARBOUR DUES', 'The Board agreed: to keep the dues.', 'MOORINGS', 'The Board noted the waiting list.'].join('\n'),
    );
    expect([meeting.date, meeting.items.map((item) => item.title)]).toEqual(['2025-06-03', ['HARBOUR DUES', 'MOORINGS']]);
  });

  it('reads “Resolved:-” alone on its line with the decision below it, and “Decision” blocks', () => {
    const { meeting } = reading(
      ['Minutes of the Standards Committee held on 9 May 2025', '1. Complaints', 'Resolved:-', 'The annual report be noted.', '2. Training', 'Decision', 'To hold a training session in July.'].join('\n'),
    );
    const preambles = meeting.items.map((item) => nodesOf(item.minutes, 'resolution').map((node) => JSON.stringify(nodesOf(node.content, 'text').map((text) => text.text))));
    expect(preambles).toEqual([['["The annual report be noted."]'], ['["To hold a training session in July."]']]);
  });

  it('reads declarations listed with letters, each tied to its item', () => {
    const { meeting } = reading(
      [
        'Minutes of the Planning Committee held on 9 May 2025',
        '1. Declarations of Interest',
        '(a) Councillor P Shah declared a disclosable pecuniary interest in item 3 and left the room.',
        '(b) Councillors R Bell and T Wood declared a non-registrable interest in item 4.',
        '2. Minutes',
        'The minutes of the meeting held on 4 April 2025 were approved as a correct record.',
      ].join('\n'),
    );
    const declared = nodesOf(meeting.items[0]?.minutes, 'declaration').map((node) => [node.attrs?.['member'], node.attrs?.['item'], node.attrs?.['kind'], node.attrs?.['action']]);
    expect(declared).toEqual([
      ['Councillor P Shah', '3', 'disclosable-pecuniary', 'left-room'],
      ['Councillor R Bell', '4', 'non-registrable', ''],
      ['Councillor T Wood', '4', 'non-registrable', ''],
    ]);
  });

  it('reads a P–A list, on one line a member or a table’s cells a line each', () => {
    const { meeting, ledger } = reading(
      [
        'Minutes of the Meeting of Elmbridge Town Council held on 9 May 2025',
        'Cllr A Smith  P',
        'Cllr B Jones | Ap',
        'Cllr C Lee',
        'P',
        'Cllr D Moss',
        'A',
        '1. Mayor’s announcements',
        'The Mayor thanked the volunteers.',
        '2. Close',
        'None.',
      ].join('\n'),
    );
    expect(meeting.attendance.members.map((each) => each.name)).toEqual(['Cllr A Smith', 'Cllr C Lee']);
    expect(meeting.attendance.apologies.map((each) => each.name)).toEqual(['Cllr B Jones']);
    expect(ledger.unplaced()).toEqual([]);
  });

  it('reads a date and time run together, as text taken from a table comes', () => {
    const { meeting } = reading(['MINUTES', 'Licensing Committee', '4.00pm1 July 2021', '1. Licence review', 'RESOLVED that the licence be revoked.', '2. Any other business', 'None.'].join('\n'));
    expect([meeting.committee.name, meeting.date, meeting.startTime]).toEqual(['Licensing Committee', '2021-07-01', '16:00']);
  });

  it('does not take numbered resolution parts for items', () => {
    const { meeting } = reading(
      ['Minutes of the Finance Panel held on 2 June 2025', '1. Budget', 'RESOLVED that:', '1. the budget be noted;', '2. a further report be brought.', '2. Close'].join('\n'),
    );
    expect(meeting.items.map((item) => [item.minuteNumber, item.title])).toEqual([
      [1, 'Budget'],
      [2, 'Close'],
    ]);
    expect(nodesOf(meeting.items[0]?.minutes, 'resolution_part')).toHaveLength(2);
  });

  it('reads items numbered through the year with the number alone on its line, and upper-case headings where there are no numbers', () => {
    const numbered = reading(['Minutes of the Cabinet held on 3 April 2025', '88.', 'Housing Strategy', 'AGREED that the strategy be adopted.', '89.', 'Urgent Business', 'There was none.'].join('\n')).meeting;
    expect(numbered.items.map((item) => [item.minuteNumber, item.title])).toEqual([
      [88, 'Housing Strategy'],
      [89, 'Urgent Business'],
    ]);
    const capitals = reading(['Minutes of the Harbour Board held on 3 April 2025', 'HARBOUR DUES', 'The Board agreed: to keep the dues.', 'MOORINGS', 'The Board noted the waiting list.'].join('\n')).meeting;
    expect([capitals.numberingStyle, capitals.items.map((item) => item.title)]).toEqual([null, ['HARBOUR DUES', 'MOORINGS']]);
    expect(nodesOf(capitals.items[0]?.minutes, 'resolution')).toHaveLength(1);
  });
  it('reads a table kept as text row by row: a number in the first column heads an item, a table of declarations gives declarations', () => {
    const { meeting, ledger } = reading(
      [
        'Minutes of the Parks Panel held on 2 June 2025',
        '| No. | Item |',
        '|---|---|',
        '| 4. | Declarations |',
        '| Member | Minute | Nature of interest |',
        '| Councillor J Oyelaran | 5 | Personal interest – allotment holder |',
        '| 5. | Allotment Rents |',
        '| | The Panel reviewed the rents. RESOLVED that rents rise by 3%. |',
      ].join('\n'),
    );
    expect(meeting.items.map((item) => [item.minuteNumber, item.title])).toEqual([
      [4, 'Declarations'],
      [5, 'Allotment Rents'],
    ]);
    expect(nodesOf(meeting.items[0]?.minutes, 'declaration').map((node) => [node.attrs?.['member'], node.attrs?.['item'], node.attrs?.['kind']])).toEqual([['Councillor J Oyelaran', '5', 'personal']]);
    expect(nodesOf(meeting.items[1]?.minutes, 'resolution')).toHaveLength(1);
    expect(ledger.unplaced()).toEqual([]);
  });

  it('does not take an item headed “Minutes of the previous meeting” for the meeting heading', () => {
    const { meeting } = reading(
      ['HEATHFIELD COUNCIL', 'LICENSING PANEL', 'Minutes of a meeting of the Licensing Panel held on 3 March 2025 at 10.00 am', '7', 'MINUTES OF THE PREVIOUS MEETING', 'Approved.', '8', 'TAXI FARES', 'RESOLVED that the fares be kept.'].join('\n'),
    );
    expect([meeting.committee.name, meeting.date, meeting.items.map((item) => item.minuteNumber)]).toEqual(['Licensing Panel', '2025-03-03', [7, 8]]);
  });

  it('reads attendance lists separated by semicolons, surnames after “Councillors”, and a substitute listed as “A for B”', () => {
    const { meeting } = reading(
      [
        'Minutes of the Cabinet held on 3 March 2025',
        'Present: Councillor A Frost (Chair); Councillors Bird, Carr and Dunn; Councillor T Dale for Councillor U Ellis',
        '1. Budget',
        'RESOLVED that the budget be recommended.',
        '2. Close',
        'None.',
      ].join('\n'),
    );
    expect(meeting.attendance.members.map((each) => each.name)).toEqual(['Councillor A Frost', 'Councillor Bird', 'Councillor Carr', 'Councillor Dunn']);
    expect(meeting.attendance.substitutes).toEqual([{ name: 'Councillor T Dale', substitutingFor: 'Councillor U Ellis' }]);
  });

  it('keeps each item’s number as printed and reads the committee’s style from them: prefix and year, the year first, the calendar year', () => {
    const styleOf = (numbers: readonly string[], date: string) => {
      const { meeting } = reading(
        [`Minutes of the meeting of the Planning Committee held on ${date}`, `${numbers[0]} Site visits`, 'Members noted the visits.', `${numbers[1]} Land at Mill Lane`, 'RESOLVED that permission be granted.'].join('\n'),
      );
      return { printed: meeting.items.map((item) => [item.minuteNumber, item.printedNumber]), style: meeting.numberingStyle };
    };
    expect(styleOf(['PLN84/23', 'PLN85/23'], '16 November 2023')).toEqual({
      printed: [[84, 'PLN84/23'], [85, 'PLN85/23']],
      style: { prefix: 'PLN', yearAt: 'after', yearOf: 'municipal', yearDigits: 2, separator: '/', terminator: '', subItems: 'decimal' },
    });
    expect(styleOf(['26/14', '26/15'], '4 February 2026')).toMatchObject({ printed: [[14, '26/14'], [15, '26/15']], style: { yearAt: 'before', yearOf: 'calendar' } });
    expect(styleOf(['35/26', '36/26'], '17 March 2026')).toMatchObject({ printed: [[35, '35/26'], [36, '36/26']], style: { yearAt: 'after', yearOf: 'calendar' } });
    expect(styleOf(['EX23.', 'EX24.'], '6 February 2024')).toMatchObject({ printed: [[23, 'EX23.'], [24, 'EX24.']], style: { prefix: 'EX', yearAt: 'none', terminator: '.' } });
  });

  it('does not take a labelled line such as “Contact:” for the committee’s name', () => {
    const { meeting } = reading(
      ['Harbourside District Council', 'Contact: Jo Webb, Committee Services Group', 'Licensing Committee', 'Minutes of the meeting held on 9 April 2025 at 6.00 pm', '1. Apologies', 'None.', '2. Street trading', 'RESOLVED that the policy be adopted.'].join('\n'),
    );
    expect([meeting.committee.council, meeting.committee.name]).toEqual(['Harbourside District Council', 'Licensing Committee']);
  });

  it('reads a table copied without its opening “|”: under “Item | Minutes |” a row holding only its title cell heads an item, its paper’s link left out', () => {
    const { meeting, ledger } = reading(
      [
        'Minutes of the Cabinet held on 14 October 2025',
        'Item | Minutes |',
        'Declarations of Interest |',
        'None were declared.',
        'Garden Waste Charges PDF 140 KB |',
        'RESOLVED that the charge be £52.',
        'Grants |',
        'RESOLVED that the grants be awarded.',
      ].join('\n'),
    );
    expect(meeting.items.map((item) => [item.title, item.documents.map((document) => document.sizeKb)])).toEqual([
      ['Declarations of Interest', []],
      ['Garden Waste Charges', [140]],
      ['Grants', []],
    ]);
    expect(meeting.items.map((item) => nodesOf(item.minutes, 'resolution').length)).toEqual([0, 1, 1]);
    expect(ledger.unplaced()).toEqual([]);
    // Without the header row a line ending in "|" is only a line.
    expect(reading(['Minutes of the Cabinet held on 14 October 2025', '1. Grants', 'The totals were £4 | £5 |', '2. Close', 'Noted.'].join('\n')).meeting.items).toHaveLength(2);
  });

  it('reads “The meeting commenced at 4.00 pm” as the start, in the header or under the first item, where the heading gives no time', () => {
    const minutes = (where: 'header' | 'item') =>
      reading(
        [
          'Minutes of the Scrutiny Panel held on Wednesday 11 March 2026',
          ...(where === 'header' ? ['The meeting began at 6.30 pm.'] : []),
          '1. Apologies',
          ...(where === 'item' ? ['The meeting commenced at 6.30 pm.'] : []),
          'None.',
          '2. Work programme',
          'RESOLVED that the programme be agreed.',
          'The meeting closed at 8.05 pm.',
        ].join('\n'),
      );
    for (const where of ['header', 'item'] as const) {
      const { meeting, ledger } = minutes(where);
      expect([meeting.startTime, meeting.closingTime]).toEqual(['18:30', '20:05']);
      expect(ledger.unplaced()).toEqual([]);
    }
    // A time the heading gives is the start; a later "commenced" sentence stays the item's.
    expect(reading(['Minutes of the Panel held on 4 March 2026 at 2.00 pm', '1. Site visit', 'The meeting commenced at 3.00 pm on site.', '2. Close', 'Noted.'].join('\n')).meeting.startTime).toBe('14:00');
  });

  it('reads apologies in prose: names before “sent their apologies”, after “The Chair reported that …”, and without the reasons given with them', () => {
    const apologies = (sentence: string) => reading(['Minutes of the Parish Council held on 2 June 2025', '1. Apologies for absence', sentence, '2. Finance', 'RESOLVED that the payments be approved.'].join('\n')).meeting.attendance.apologies.map((each) => each.name);
    expect(apologies('Cllr D Fairweather and Cllr M Jessop sent their apologies, which were accepted.')).toEqual(['Cllr D Fairweather', 'Cllr M Jessop']);
    expect(apologies('The Chair reported that apologies had been received from Councillor N Parr and Councillor O Quinn.')).toEqual(['Councillor N Parr', 'Councillor O Quinn']);
    expect(apologies('It was noted that apologies had been received from Councillors Parr and Quinn.')).toEqual(['Councillor Parr', 'Councillor Quinn']);
    expect(apologies('Apologies were received from Cllrs Elwood (holiday) and Frane (illness) and accepted.')).toEqual(['Cllr Elwood', 'Cllr Frane']);
    expect(apologies('Apologies for absence were received from Cllr G Elwood, who was on holiday.')).toEqual(['Cllr G Elwood']);
    expect(apologies('There were apologies from Councillor G Elwood.')).toEqual(['Councillor G Elwood']);
    expect(apologies('Cllr G Elwood had given apologies.')).toEqual(['Cllr G Elwood']);
    // Who reported is not who sent apologies; a sentence about something else names nobody.
    expect(apologies('The Clerk reported that the bench had been installed.')).toEqual([]);
  });

  it('reads a declaration on several items as one for each, paired with the members named “respectively”', () => {
    const { meeting } = reading(
      [
        'Minutes of the Harbour Board held on 20 November 2025',
        '51. Declarations of interest',
        'Councillor J Beaton declared other registrable interests in items 53 and 54 as a boat owner.',
        'Councillor S Cairns and Mr T Imlach (co-opted member) declared non-registrable interests in items 53 and 55 respectively.',
        '52. Harbour dues',
        'RESOLVED that the dues rise.',
      ].join('\n'),
    );
    expect(nodesOf(meeting.items[0]?.minutes, 'declaration').map((node) => [node.attrs?.['member'], node.attrs?.['item'], node.attrs?.['kind']])).toEqual([
      ['Councillor J Beaton', '53', 'other-registrable'],
      ['Councillor J Beaton', '54', 'other-registrable'],
      ['Councillor S Cairns', '53', 'non-registrable'],
      ['Mr T Imlach', '55', 'non-registrable'],
    ]);
  });

  it('does not read an approval of the last minutes as a resolution, in any decision’s words', () => {
    for (const approval of ['It was resolved that the minutes of the last meeting be approved.', 'The Committee resolved that the minutes of the meeting held on 10 September 2025 be approved.', 'Resolved: that the minutes be confirmed.']) {
      const { meeting } = reading(['Minutes of the Audit Committee held on 6 February 2025', '4. Minutes', approval, '5. Internal audit', 'RESOLVED that the plan be approved.'].join('\n'));
      expect(meeting.items.map((item) => [nodesOf(item.minutes, 'minutes_approval').length, nodesOf(item.minutes, 'resolution').length])).toEqual([
        [1, 0],
        [0, 1],
      ]);
    }
  });

  it('keeps “in Minute 74” in a declaration, cites that minute, and prints it back so; “in item 6” is the agenda’s number', () => {
    const { meeting } = reading(
      [
        'Minutes of the Planning Committee held on 12 March 2025',
        '71. Declarations of interest',
        'Councillor T Marsh declared a non-registrable interest in Minute 74 as a neighbour of the applicant.',
        'Councillor H Patel declared a personal interest in item 73 as a member of the civic society.',
        '72. Minutes',
        'The minutes of the meeting held on 12 February 2025 were approved.',
        '73. Land at Mill Lane',
        'RESOLVED that permission be granted.',
        '74. 3 The Close',
        'RESOLVED that permission be refused (see minute 73).',
      ].join('\n'),
    );
    const first = meeting.items[0] as Item;
    expect(nodesOf(first.minutes, 'declaration').map((node) => node.attrs?.['item'])).toEqual(['Minute 74', '73']);
    expect(citationsIn(first)).toEqual(['74']);
    expect(citationsIn(meeting.items[3] as Item)).toEqual(['73']);
    const printed = minutesOutline(first.minutes).flatMap((block) => (block.kind === 'paragraph' ? [block.spans.map((span) => span.text).join('')] : []));
    expect(printed.join('\n')).toContain('Councillor T Marsh declared a non-registrable interest in Minute 74: as a neighbour of the applicant.');
    expect(printed.join('\n')).toContain('Councillor H Patel declared a personal interest in item 73');
  });
});
