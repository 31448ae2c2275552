// The minute-number model (shared/numbering.ts, shared/model/committee.ts NumberingStyle): every style
// councils print, read and printed back unchanged; which year a printed year is; citations; numbers
// kept as imported in the window's document and through every export.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { exportForms } from '../../shared/export/forms.js';
import { renderAkomaNtoso } from '../../shared/export/akomaNtoso.js';
import { NumberingStyle, plainNumbering, withYearNumbering } from '../../shared/model/committee.js';
import { Item } from '../../shared/model/meeting.js';
import {
  formatMinuteNumber,
  formatMinuteNumberParts,
  minuteCitationOf,
  minuteYearsOf,
  normaliseCitation,
  numberItems,
  parseMinuteNumber,
  printedMinuteNumber,
  yearOfPrinted,
  type MinuteNumberParts,
} from '../../shared/numbering.js';
import { buildReferenceIndex } from '../../shared/search/minuteReferences.js';
import { p } from '../fixtures/minutesJson.js';
import { aCommittee, aMeeting, items } from './builders.js';

const style = (changes: Partial<NumberingStyle>): NumberingStyle => NumberingStyle.parse({ ...plainNumbering, ...changes });

/** What councils print (issue 11, DOMAIN.md), each with the style that prints it and what it says. */
const printedStyles: [string, NumberingStyle, MinuteNumberParts][] = [
  ['79.', plainNumbering, { prefix: '', number: 79, year: null, sub: null }],
  ['79/16', withYearNumbering, { prefix: '', number: 79, year: 16, sub: null }],
  ['EX23', style({ prefix: 'EX', terminator: '' }), { prefix: 'EX', number: 23, year: null, sub: null }],
  ['EX61.', style({ prefix: 'EX' }), { prefix: 'EX', number: 61, year: null, sub: null }],
  ['PLN84/23', style({ prefix: 'PLN', yearAt: 'after', terminator: '' }), { prefix: 'PLN', number: 84, year: 23, sub: null }],
  ['PLA146/14', style({ prefix: 'PLA', yearAt: 'after', terminator: '' }), { prefix: 'PLA', number: 146, year: 14, sub: null }],
  ['26/14', style({ yearAt: 'before', yearOf: 'calendar', terminator: '' }), { prefix: '', number: 14, year: 26, sub: null }],
  ['35/26', style({ yearAt: 'after', yearOf: 'calendar', terminator: '' }), { prefix: '', number: 35, year: 26, sub: null }],
  ['79/2016', style({ yearAt: 'after', yearDigits: 4, terminator: '' }), { prefix: '', number: 79, year: 2016, sub: null }],
  ['5.1', plainNumbering, { prefix: '', number: 5, year: null, sub: '1' }],
  ['6.2', style({ terminator: '' }), { prefix: '', number: 6, year: null, sub: '2' }],
  ['11a', style({ terminator: '', subItems: 'letter' }), { prefix: '', number: 11, year: null, sub: 'a' }],
  ['(a)', style({ subItems: 'bracketed-letter' }), { prefix: '', number: null, year: null, sub: 'a' }],
];

describe('minute numbers as councils print them', () => {
  it.each(printedStyles)('%s reads as its parts and prints back exactly', (printed, numbering, parts) => {
    expect(parseMinuteNumber(printed, numbering)).toEqual(parts);
    expect(formatMinuteNumberParts(parts, numbering)).toBe(printed);
  });

  it('refuses what is not a number in the style: another prefix, a year where it does not stand, nought', () => {
    expect(parseMinuteNumber('PLN84/23', style({ prefix: 'EX' }))).toBeNull();
    expect(parseMinuteNumber('23/PLN84', style({ prefix: 'PLN', yearAt: 'after' }))).toBeNull();
    expect(parseMinuteNumber('0.', plainNumbering)).toBeNull();
    expect(parseMinuteNumber('Budget', plainNumbering)).toBeNull();
  });

  const anyStyle = fc.record({
    prefix: fc.constantFrom('', 'EX', 'PLN', 'CAB', 'PLA'),
    yearAt: fc.constantFrom('none', 'after', 'before'),
    yearOf: fc.constantFrom('municipal', 'calendar'),
    yearDigits: fc.constantFrom(2, 4),
    separator: fc.constantFrom('/', '-'),
    terminator: fc.constantFrom('.', ''),
    subItems: fc.constantFrom('decimal', 'letter', 'bracketed-letter'),
  }) as fc.Arbitrary<NumberingStyle>;

  it('every number in every style prints, and reads back as the same parts (property)', () => {
    fc.assert(
      fc.property(anyStyle, fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 2000, max: 2099 }), fc.option(fc.constantFrom('1', '2', '12', 'a', 'b'), { nil: null }), (numbering, number, fullYear, sub) => {
        const fitting = sub === null || (numbering.subItems === 'decimal' ? /^\d+$/.test(sub) : /^[a-z]$/.test(sub)) ? sub : null;
        const year = numbering.yearAt === 'none' ? null : numbering.yearDigits === 2 ? fullYear % 100 : fullYear;
        // "(a)" stands alone: no prefix, number or year.
        const bracketed = fitting !== null && numbering.subItems === 'bracketed-letter';
        const parts: MinuteNumberParts = bracketed ? { prefix: '', number: null, year: null, sub: fitting } : { prefix: numbering.prefix, number, year, sub: fitting };
        const printed = formatMinuteNumberParts(parts, numbering);
        expect(parseMinuteNumber(printed, numbering)).toEqual(parts);
        expect(formatMinuteNumberParts(parseMinuteNumber(printed, numbering)!, numbering)).toBe(printed);
      }),
    );
  });

  it('prints the year the style says: the municipal year, or the calendar year of the meeting', () => {
    const march2026 = minuteYearsOf('2026-03-17', 5);
    expect(march2026).toEqual({ municipal: 2025, calendar: 2026 });
    expect(formatMinuteNumber(35, march2026, withYearNumbering)).toBe('35/25');
    expect(formatMinuteNumber(35, march2026, style({ yearAt: 'after', yearOf: 'calendar', terminator: '' }))).toBe('35/26');
    expect(formatMinuteNumber(14, minuteYearsOf('2026-02-04', 5), style({ yearAt: 'before', yearOf: 'calendar', terminator: '' }))).toBe('26/14');
    expect(formatMinuteNumber(84, minuteYearsOf('2023-11-16', 5), style({ prefix: 'PLN', yearAt: 'after', terminator: '' }))).toBe('PLN84/23');
  });

  it('tells which year a printed year is: the calendar year’s only where it is not the municipal year’s', () => {
    expect(yearOfPrinted(26, '2026-03-17', 5)).toBe('calendar');
    expect(yearOfPrinted(25, '2026-03-17', 5)).toBe('municipal');
    // From May to December both are the same year: the municipal year, as councils mostly mean.
    expect(yearOfPrinted(23, '2023-11-16', 5)).toBe('municipal');
    expect(yearOfPrinted(2026, '2026-02-04', 5)).toBe('calendar');
  });

  it('an item keeps the number it was printed with until numbering moves it', () => {
    const [first, second] = items(2).map((item, index) => ({ ...item, minuteNumber: 84 + index, printedNumber: `PLN${84 + index}/23` }));
    const style = withYearNumbering;
    expect(printedMinuteNumber(first!, minuteYearsOf('2023-11-16', 5), style)).toBe('PLN84/23');
    const renumbered = numberItems([first!, second!], 84);
    expect(renumbered.map((item) => item.printedNumber)).toEqual(['PLN84/23', 'PLN85/23']);
    const moved = numberItems([second!, first!], 84);
    expect(moved.map((item) => [item.minuteNumber, item.printedNumber])).toEqual([
      [84, undefined],
      [85, undefined],
    ]);
    expect(moved.every((item) => !('printedNumber' in item))).toBe(true);
  });

  it('the window’s document keeps the printed number through a round trip, and drops it for an item moved', () => {
    const printed: Item[] = items(3).map((item, index) => ({ ...item, minuteNumber: 5 + index, printedNumber: ['5.', '5.1', '6.'][index]! }));
    expect(docToItems(itemsToDoc(printed), 5)).toEqual(printed);
    const moved = docToItems(itemsToDoc([printed[1]!, printed[0]!, printed[2]!]), 5);
    expect(moved.map((item) => item.printedNumber)).toEqual([undefined, undefined, '6.']);
    expect(Item.safeParse({ ...printed[0]!, printedNumber: '' }).success).toBe(false);
  });
});

describe('citations in the committee’s style', () => {
  it('cite a plain-numbered minute with its municipal year, and any other as printed without its full stop', () => {
    const years = minuteYearsOf('2017-01-16', 5);
    expect(minuteCitationOf({ minuteNumber: 59 }, years, plainNumbering)).toBe('59/16');
    expect(minuteCitationOf({ minuteNumber: 23 }, years, style({ prefix: 'EX' }))).toBe('EX23');
    expect(minuteCitationOf({ minuteNumber: 5, printedNumber: '5.1' }, years, plainNumbering)).toBe('5.1/16');
    expect(minuteCitationOf({ minuteNumber: 14, printedNumber: '26/14' }, minuteYearsOf('2026-02-04', 5), withYearNumbering)).toBe('26/14');
  });

  it('normalise to one spelling; a bare number or a four-digit year is not a citation', () => {
    expect(normaliseCitation('059/16')).toBe('59/16');
    expect(normaliseCitation(' ex14 ')).toBe('EX14');
    expect(normaliseCitation('PLN84/23')).toBe('PLN84/23');
    expect(normaliseCitation('45')).toBeNull();
    expect(normaliseCitation('3/2017')).toBeNull();
  });

  it('"Minute EX14" and "Minute PLN84/23" in the text link to the minutes printed so', () => {
    const committee = aCommittee({ numberingStyle: style({ prefix: 'EX' }) });
    const earlier = aMeeting(committee, { date: '2024-01-09', items: items(2).map((item, index) => ({ ...item, minuteNumber: 13 + index, printedNumber: `EX${13 + index}` })) });
    const later = aMeeting(committee, { date: '2024-02-06', items: [{ ...items(1)[0]!, minuteNumber: 23, printedNumber: 'EX23', minutes: [p('Further to Minute EX14 and minute ex13, the Cabinet noted the update.')] }] });
    const references = buildReferenceIndex([earlier, later], [committee]);
    const cited = references.cites(`${later.id}:${later.items[0]!.id}`);
    expect(cited.map((each) => [each.citation, each.minute?.itemId])).toEqual([
      ['EX14', earlier.items[1]!.id],
      ['EX13', earlier.items[0]!.id],
    ]);
  });
});

describe('exports print the numbers as published', () => {
  const committee = aCommittee({ numberingStyle: style({ prefix: 'PLN', yearAt: 'after', terminator: '' }) });
  const imported = aMeeting(committee, {
    date: '2023-11-16',
    status: 'published',
    items: items(3).map((item, index) => ({ ...item, minuteNumber: 84 + index, printedNumber: ['PLN84/23', 'PLN84.1/23', '(a)'][index]! })),
  });
  const drafted = aMeeting(committee, { date: '2023-12-14', items: items(2).map((item, index) => ({ ...item, minuteNumber: 90 + index })) });

  const exported = async (format: 'page-text' | 'page-html' | 'formal-md' | 'formal-html' | 'json', meeting = imported) => {
    const file = await exportForms[format].render!({ meeting, committee });
    return String(file.content);
  };

  it.each(['page-text', 'page-html', 'formal-md', 'formal-html'] as const)('%s prints each imported number as its document did', async (format) => {
    const text = await exported(format);
    for (const number of ['PLN84/23', 'PLN84.1/23', '(a)']) expect(text).toContain(number);
    // Nothing renumbered: the 85 and 86 it holds them as are not printed.
    expect(text).not.toMatch(/PLN8[56]\/23/);
  });

  it('the formal minutes and the page of a new meeting continue in the committee’s style', async () => {
    expect(await exported('formal-md', drafted)).toContain('### **PLN90/23 ');
    expect(await exported('page-text', drafted)).toContain('PLN91/23');
  });

  it('Word and Akoma Ntoso print them too; the JSON archive keeps them', async () => {
    const docx = await exportForms.docx.render!({ meeting: imported, committee });
    const { default: JSZip } = await import('jszip');
    const documentXml = await (await JSZip.loadAsync(docx.content as Uint8Array)).file('word/document.xml')!.async('string');
    for (const number of ['PLN84/23', 'PLN84.1/23', '(a)']) expect(documentXml).toContain(number);
    const akn = renderAkomaNtoso({ meeting: imported, committee });
    expect([...akn.matchAll(/<num>([^<]*)<\/num>/g)].map((match) => match[1])).toEqual(['PLN84/23', 'PLN84.1/23', '(a)']);
    const archive = JSON.parse(await exported('json')) as { meetings: { meeting: { items: Item[] } }[] };
    expect(archive.meetings[0]!.meeting.items.map((item) => item.printedNumber)).toEqual(['PLN84/23', 'PLN84.1/23', '(a)']);
  });
});
