// The general reader's wider coverage, signal by signal, on minutes as councils print them: sub-items
// under their item ("40.1", "5a", "11(a)") and the numbered paragraphs that are not; plain text and PDF
// rows hard-wrapped inside a sentence, a heading or a table's cell; a table of declarations whose cells
// came a line each; "No declarations …" followed by the item's own minutes; a substitute "A for B";
// minute references by a bare number or a four-digit year; Scotland's kinds of interest; a number
// left out in a column of headings. Whole documents in these styles are in tests/fixtures/reader-dev.
import { describe, expect, it } from 'vitest';
import { readGeneralMinutes } from '../../shared/import/generalReader.js';
import { Ledger } from '../../shared/import/ledger.js';
import { wrapsOnto } from '../../shared/import/lines.js';
import { markdownLines } from '../../shared/import/markdownLines.js';
import { noMeetingNotes } from '../../shared/import/meetingNotes.js';
import { pdfLines, type PdfTextRun } from '../../shared/import/pdfLines.js';
import { plainNumbering } from '../../shared/model/committee.js';
import { knownDeclarationKinds } from '../../shared/model/declarationKinds.js';
import type { MinutesNodeJSON } from '../../shared/model/meeting.js';
import { citationToResolve, isSubItem, normaliseCitedMinute } from '../../shared/numbering.js';
import { citationsIn } from '../../shared/search/minuteReferences.js';

/** Plain text read as the importer reads a .txt file (shared/import/index.ts: markdownLines). */
function read(text: string) {
  const lines = markdownLines(text);
  const ledger = new Ledger(lines);
  return readGeneralMinutes(lines, { ledger, newId: () => 'id', kinds: knownDeclarationKinds, notes: noMeetingNotes() });
}

const nodesOf = (nodes: readonly MinutesNodeJSON[] | undefined, type: string): MinutesNodeJSON[] =>
  (nodes ?? []).flatMap((node) => [...(node.type === type ? [node] : []), ...nodesOf(node.content, type)]);
const textOf = (nodes: readonly MinutesNodeJSON[] | undefined): string => nodesOf(nodes, 'text').map((node) => node.text).join('');

describe('sub-items', () => {
  it('reads “40.1” and “40.2” under item 40 as items with their printed numbers, sharing its minute number', () => {
    const meeting = read(
      [
        'Minutes of the meeting of the Cabinet held on Tuesday 14 October 2025 at 6.00 pm',
        '39. MINUTES',
        'RESOLVED that the minutes of the meeting held on 9 September 2025 be approved as a correct record.',
        '40. FINANCE AND PERFORMANCE',
        '40.1 Revenue Budget Monitoring: Quarter 2',
        'The Cabinet considered the report of the Chief Finance Officer.',
        'RESOLVED that the forecast outturn be noted.',
        '40.2 Northdale Homes Limited: Business Plan',
        'RESOLVED that the business plan be approved.',
        '41. EXCLUSION OF THE PUBLIC',
        'RESOLVED that the public be excluded.',
      ].join('\n'),
    );
    expect(meeting.items.map((item) => [item.minuteNumber, item.printedNumber, item.title])).toEqual([
      [39, '39.', 'MINUTES'],
      [40, '40.', 'FINANCE AND PERFORMANCE'],
      [40, '40.1', 'Revenue Budget Monitoring: Quarter 2'],
      [40, '40.2', 'Northdale Homes Limited: Business Plan'],
      [41, '41.', 'EXCLUSION OF THE PUBLIC'],
    ]);
    expect(meeting.items.map((item) => nodesOf(item.minutes, 'resolution').length)).toEqual([0, 0, 1, 1, 1]);
    expect(meeting.numberingStyle?.subItems).toBe('decimal');
  });

  it('reads lettered sub-items “5a”, “5b” and bracketed “11(a)”, in turn only', () => {
    const lettered = read(['Minutes of the Parish Council Meeting held on Monday 2 June 2025', '5. Planning', '5a 25/00311/FUL – Barn at Home Farm', 'No objection.', '5b 25/00347/HOU – 4 Orchard Close', 'RESOLVED to object.', '6. Village Hall', 'Noted.'].join('\n'));
    expect(lettered.items.map((item) => item.printedNumber)).toEqual(['5.', '5a', '5b', '6.']);
    expect(lettered.numberingStyle?.subItems).toBe('letter');
    const bracketed = read(['Minutes of the meeting of the Council held on 3 March 2025', '11. Grants', '11(a) Village Show', 'Agreed.', '11(b) Youth Club', 'Agreed.', '12. Close'].join('\n'));
    expect(bracketed.items.map((item) => item.printedNumber)).toEqual(['11.', '11(a)', '11(b)', '12.']);
    // "5c" straight after item 5 is not its first sub-item: "5a" is.
    const outOfTurn = read(['Minutes of the meeting of the Council held on 3 March 2025', '5. Planning', '5c Barn', 'Noted.', '6. Close', 'Noted.'].join('\n'));
    expect(outOfTurn.items.map((item) => item.printedNumber)).toEqual(['5.', '6.']);
  });

  it('keeps an item’s numbered paragraphs (“41.1 The consultation would run …”) in its minutes, wrapped or not', () => {
    const meeting = read(
      [
        'Minutes of the meeting of the Cabinet held on Tuesday 14 October 2025',
        '41. LOCAL PLAN REVIEW',
        'The Portfolio Holder for Planning introduced the report.',
        '41.1 The consultation would run for eight weeks from 3 November 2025 and would include',
        'drop-in sessions at each of the district’s market towns.',
        '41.2 Members asked that the sessions be advertised.',
        'RESOLVED that the preferred options document be approved for consultation.',
        '42. CLOSE',
      ].join('\n'),
    );
    expect(meeting.items.map((item) => item.printedNumber)).toEqual(['41.', '42.']);
    expect(textOf(meeting.items[0]?.minutes)).toContain('41.1 The consultation would run for eight weeks from 3 November 2025 and would include drop-in sessions');
  });

  it('are checked as sub-items of the item their minute number names', () => {
    expect(isSubItem({ minuteNumber: 40, printedNumber: '40.1' }, plainNumbering)).toBe(true);
    expect(isSubItem({ minuteNumber: 5, printedNumber: '5a' }, plainNumbering)).toBe(true);
    expect(isSubItem({ minuteNumber: 11, printedNumber: '11(a)' }, plainNumbering)).toBe(true);
    expect(isSubItem({ minuteNumber: 41, printedNumber: '40.1' }, plainNumbering)).toBe(false);
    expect(isSubItem({ minuteNumber: 40, printedNumber: '40.' }, plainNumbering)).toBe(false);
    expect(isSubItem({ minuteNumber: 40 }, plainNumbering)).toBe(false);
  });
});

describe('hard-wrapped lines', () => {
  it('joins a plain-text line that carries on its sentence, and no other', () => {
    expect(wrapsOnto('RESOLVED that the minutes be approved as a correct', 'record.')).toBe(true);
    expect(wrapsOnto('Present: Councillors M Hargreaves (Leader), P Obi, S Whitlock and', 'J Yardley')).toBe(true);
    expect(wrapsOnto('Members present: Councillor N Ashby (Chair), Councillor', 'L Gupta, Councillor T Irwin')).toBe(true);
    expect(wrapsOnto('RESOLVED that:', 'the report be noted.')).toBe(false);
    expect(wrapsOnto('Declarations of interest', 'a) Cllr B Hollis declared a personal interest in item 5b.')).toBe(false);
    expect(wrapsOnto('The meeting closed at 8.42 pm.', 'Chair')).toBe(false);
  });

  it('reads an attendance list and a resolution’s part wrapped over lines as one', () => {
    const meeting = read(
      [
        'Minutes of the meeting of the Cabinet held on Tuesday 14 October 2025',
        'Present: Councillors M Hargreaves (Leader, in the Chair), P Obi, S Whitlock and',
        'J Yardley',
        '40. BUDGET',
        'RESOLVED that:',
        '1. the forecast outturn be noted; and',
        '2. the use of £150,000 from the homelessness reserve be',
        'approved.',
      ].join('\n'),
    );
    expect(meeting.attendance.members.map((member) => member.name)).toEqual(['Councillor M Hargreaves (Leader, in the Chair)', 'Councillor P Obi', 'Councillor S Whitlock', 'Councillor J Yardley']);
    expect(nodesOf(meeting.items[0]?.minutes, 'resolution_part').map((part) => textOf([part]))).toEqual(['the forecast outturn be noted; and', 'the use of £150,000 from the homelessness reserve be approved.']);
  });

  it('joins a title in capitals wrapped onto the next lines, but not a short one’s next heading, nor a heading date', () => {
    const meeting = read(
      [
        'Minutes of the meeting of the Cabinet held in the Council Chamber on Tuesday',
        '14 October 2025 at 6.00 pm',
        '41. LOCAL PLAN REVIEW: CONSULTATION ON THE PREFERRED OPTIONS AND THE',
        'DRAFT POLICIES MAP',
        'RESOLVED that the document be approved.',
        '42. MINUTES',
        'PUBLIC BUSINESS',
        'The minutes were noted.',
      ].join('\n'),
    );
    expect(meeting.date).toBe('2025-10-14');
    expect(meeting.items.map((item) => [item.minuteNumber, item.title])).toEqual([
      [41, 'LOCAL PLAN REVIEW: CONSULTATION ON THE PREFERRED OPTIONS AND THE DRAFT POLICIES MAP'],
      [42, 'MINUTES'],
    ]);
  });

  it('joins the rows of a PDF table’s narrow cell where the words carry on, keeping the hyphen of “non-financial”', () => {
    const run = (text: string, x: number, y: number, bold = false): PdfTextRun => ({ text, x, y, width: text.length * 5.5, size: 11, bold });
    const { lines } = pdfLines([
      {
        width: 595,
        height: 842,
        runs: [
          run('Present: Councillors E Baird (Convener), F Crombie, H Dunbar and M Laing, all of whom attended in person', 40, 800),
          run('1', 40, 760, true),
          run('DECLARATIONS OF INTEREST', 80, 760, true),
          run('Councillors F Crombie and H Dunbar declared non-', 80, 746),
          run('financial interests in item 3.2 as members of the', 80, 732),
          run('games committee.', 80, 718),
          run('2', 40, 690, true),
          run('MINUTE OF PREVIOUS MEETING', 80, 690, true),
          run('The minute of the meeting of 10 February 2026 was', 80, 676),
          run('Approved by the Board.', 80, 662),
        ],
      },
    ]);
    const texts = lines.map((line) => line.text);
    expect(texts).toContain('Councillors F Crombie and H Dunbar declared non-financial interests in item 3.2 as members of the games committee.');
    // A row that does not carry on the sentence (a capital after a full row of the cell) starts a line of its own.
    expect(texts).toContain('Approved by the Board.');
  });
});

describe('declarations', () => {
  it('reads a table of declarations whose cells came a line each, and the items after it', () => {
    const meeting = read(
      [
        'Development Control Committee',
        'Minutes',
        'Date: Wednesday 21 January 2026',
        'DC102 Declarations of Interest',
        'Member',
        'Minute',
        'Nature of interest',
        'Councillor F Doyle',
        'DC104',
        'Non-registrable interest – lives near the site',
        'Councillor L Gupta',
        'DC105',
        'Disclosable pecuniary interest – owns land adjoining the site',
        'DC103 Minutes',
        'The minutes were approved.',
        'DC104 25/1188/FUL – Former Dairy, Mill Street',
        'RESOLVED that permission be granted.',
        'DC105 25/1240/OUT – Land North of Beck Lane',
        'RESOLVED that permission be refused.',
      ].join('\n'),
    );
    expect(meeting.items.map((item) => item.printedNumber)).toEqual(['DC102', 'DC103', 'DC104', 'DC105']);
    expect(nodesOf(meeting.items[0]?.minutes, 'declaration').map((node) => [node.attrs?.['member'], node.attrs?.['item'], node.attrs?.['kind']])).toEqual([
      ['Councillor F Doyle', 'DC104', 'non-registrable'],
      ['Councillor L Gupta', 'DC105', 'disclosable-pecuniary'],
    ]);
  });

  it('reads “No declarations were made on this item.” as none, and what follows as the item’s minutes', () => {
    const meeting = read(['Minutes of the meeting of the Planning Committee held on 21 January 2026', '6. Appeal Decisions', 'No declarations were made on this item. The Committee noted the appeal decisions received.'].join('\n'));
    const minutes = meeting.items[0]?.minutes ?? [];
    expect(minutes.map((node) => node.type)).toEqual(['declarations', 'paragraph']);
    expect(textOf([minutes[1]!])).toBe('The Committee noted the appeal decisions received.');
  });

  it('knows Scotland’s financial and non-financial interests, each member of “Councillors A and B declared …”', () => {
    const meeting = read(['Minute of Meeting of the Licensing Board held on Tuesday 10 March 2026', '1. Declarations of Interest', 'Councillors F Crombie and H Dunbar declared non-financial interests in item 3 as members of the games committee.', '2. Close'].join('\n'));
    expect(nodesOf(meeting.items[0]?.minutes, 'declaration').map((node) => [node.attrs?.['member'], node.attrs?.['kind']])).toEqual([
      ['Councillor F Crombie', 'non-financial'],
      ['Councillor H Dunbar', 'non-financial'],
    ]);
  });

  it('reads a substitute listed as “Councillor W Kerr for Councillor H Moss”', () => {
    const meeting = read(['Minutes of the meeting of the Planning Committee held on 21 January 2026', 'Members present: Councillor N Ashby (Chair), Councillor C Brennan', 'Substitutes: Councillor W Kerr for Councillor H Moss', '1. Apologies', 'None.', '2. Close'].join('\n'));
    expect(meeting.attendance.substitutes).toEqual([{ name: 'Councillor W Kerr', substitutingFor: 'Councillor H Moss' }]);
  });
});

describe('minute references', () => {
  it('reads “Minute No. 31”, “Minute 61/2024”, “(Minute 36 refers)”, “Minute 43 below” and “minute 54/2023”, and no time or date', () => {
    const meeting = read(
      [
        'Minutes of the meeting of the Cabinet held on Tuesday 14 October 2025',
        '40. BUDGET',
        'The reserve, as agreed at Minute No. 31, following Minute 61/2024, was noted (Minute 36 refers).',
        'The item at Minute 43 below is exempt; the refusal (minute 54/2023) stands.',
        'The Leader spoke for a minute 12 February and for a minute at 4.30 pm.',
        '41. CLOSE',
      ].join('\n'),
    );
    expect(citationsIn(meeting.items[0]!)).toEqual(['31', '61/2024', '36', '43', '54/2023']);
  });

  it('spell a cited minute canonically and say how the library looks it up', () => {
    expect(normaliseCitedMinute('059/2016')).toBe('59/2016');
    expect(normaliseCitedMinute('dc96')).toBe('DC96');
    expect(normaliseCitedMinute('45')).toBe('45');
    expect(normaliseCitedMinute('0')).toBeNull();
    expect(citationToResolve('59/2016')).toEqual({ citation: '59/16' });
    expect(citationToResolve('45')).toEqual({ minuteNumber: 45 });
    expect(citationToResolve('EX14')).toEqual({ citation: 'EX14' });
  });
});

describe('numbers in a column of headings', () => {
  it('takes the next heading after a number left out (46, 47, 49, 51), set off by a tab as the others are', () => {
    const meeting = read(
      ['HALLAM BRIDGE PARISH COUNCIL', 'Minutes of the Ordinary Meeting of the Parish Council held on Thursday 15 May 2025 at 7.00 pm', '46\tApologies for absence', 'None.', '47\tPolice report', 'Two incidents were reported.', '49\tAllotments', 'It was resolved that the plots be advertised.', '51\tAccounts for payment', 'RESOLVED that the payments be approved.'].join('\n'),
    );
    expect(meeting.items.map((item) => [item.minuteNumber, item.title])).toEqual([
      [46, 'Apologies for absence'],
      [47, 'Police report'],
      [49, 'Allotments'],
      [51, 'Accounts for payment'],
    ]);
  });

  it('does not take a numbered line of narrative after a gap for an item where headings are not set off in a column', () => {
    const meeting = read(['Minutes of the meeting of the Council held on 3 March 2025', '4. Finance', 'The Clerk reported as follows:', '7 Members were given the figures', '5. Close', 'Noted.'].join('\n'));
    expect(meeting.items.map((item) => item.minuteNumber)).toEqual([4, 5]);
  });
});
