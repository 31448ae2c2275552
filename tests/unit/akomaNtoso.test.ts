// The Akoma Ntoso export validates against the OASIS schema (checked with xmllint) for every seed
// meeting, has one item section per agenda item, escapes what the clerk typed, and refuses a meeting
// that is not ready to publish.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAkomaNtoso } from '../../shared/export/akomaNtoso.js';
import { signedAsMinuteBookSigns } from './builders.js';
import { ExportError, type ExportRequest } from '../../shared/export/exportForm.js';
import type { Item, Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { formatMinuteNumber, minuteYearsOf } from '../../shared/numbering.js';
import { bullets, link, minuteRef, p, part, resolved } from '../fixtures/minutesJson.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';
import { committee10, meeting10 } from '../fixtures/issue10Meeting.js';

// The OASIS schema, copied into the repository from ../shared/schemas/akn with the xml.xsd it imports.
const schema = fileURLToPath(new URL('../schemas/akn/akomantoso30.xsd', import.meta.url));

let scratch: string;
beforeAll(() => {
  const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (xmllint.error) throw new Error(`xmllint is needed to validate Akoma Ntoso (apt-get install -y libxml2-utils): ${xmllint.error.message}`);
  if (!existsSync(schema)) throw new Error(`the Akoma Ntoso schema is missing: ${schema}`);
  scratch = mkdtempSync(join(tmpdir(), 'minute-book-akn-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** xmllint's verdict on the document: exit status and what it printed. */
function validate(xml: string, name: string): { status: number | null; stderr: string } {
  const file = join(scratch, `${name}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

function expectValid(xml: string, name: string): void {
  const { status, stderr } = validate(xml, name);
  expect(status, `xmllint rejected ${name}:\n${stderr}`).toBe(0);
}

/** The elements the schema gives an eId (corereq, idreq): each must carry one. */
const needsEId = ['debateSection', 'rollCall', 'blockList', 'item', 'heading', 'subheading', 'person', 'ref', 'organization', 'TLCOrganization', 'TLCPerson', 'TLCRole'];
const withoutEId = (xml: string): string[] =>
  [...xml.matchAll(new RegExp(`<(${needsEId.join('|')})(?=[\\s/>])[^>]*>`, 'g'))].map((match) => match[0]).filter((tag) => !/\seId="/.test(tag));

const itemSections = (xml: string): string[] =>
  [...xml.matchAll(/<debateSection name="item" eId="[^"]+">\s*<num>([^<]*)<\/num>/g)].map((match) => match[1] ?? '');

const seeds: [string, ExportRequest][] = [
  ['seed 001 (27 April 2017)', { meeting: meeting001, committee: committee001 }],
  ['seed 003 (20 October 2022)', { meeting: meeting003, committee: committee003 }],
  ['seed 004 (13 July 2017)', { meeting: meeting004, committee: committee001 }],
];

describe('Akoma Ntoso export of the seed meetings', () => {
  it.each(seeds)('%s validates against the schema, one item section per item', (name, request) => {
    const xml = renderAkomaNtoso(request);
    expectValid(xml, name.replace(/\W+/g, '-'));
    const years = minuteYearsOf(request.meeting.date, request.committee.municipalYearStartMonth);
    expect(itemSections(xml)).toEqual(
      request.meeting.items.map((item) => formatMinuteNumber(item.minuteNumber, years, request.committee.numberingStyle)),
    );
    expect(withoutEId(xml)).toEqual([]);
  });

  it('declares the committee as author and everyone at the meeting of 20 October 2022 with their role', () => {
    const xml = renderAkomaNtoso({ meeting: meeting003, committee: committee003 });
    expect(xml).toContain('<FRBRdate date="2022-10-20" name="meeting"/>');
    expect(xml).toContain('<FRBRauthor href="#education-and-childrens-services-scrutiny-board-2"/>');
    expect(xml).toContain('<docDate date="2022-10-20">Thursday, 20 October 2022</docDate>');
    expect(xml).toContain('<TLCPerson eId="councillor-j-innes" href="/akn/ontology/person/gb/councillor-j-innes" showAs="Councillor J Innes"/>');
    expect(xml).toMatch(/<person eId="[^"]+" refersTo="#councillor-j-innes" as="#chair">Councillor J Innes<\/person> \(Chair\)/);
    expect(xml).toMatch(/<person eId="[^"]+" refersTo="#cllr-sandhu" as="#apology">Cllr Sandhu<\/person>/);
    expect(xml).toContain('<p><b>RESOLVED unanimously that</b>:</p>');
    expect(xml).toMatch(/<num>3\.<\/num>\s*<p>It was unanimously agreed/);
    expect(xml).toContain('<a href="http://www.reports.ofsted.gov.uk/provider/44/80456">www.reports.ofsted.gov.uk/provider/44/80456</a>');
    expect(xml).toContain('(Meeting closed at <time time="16:30:00">4:30pm</time>)');
  });
});

describe('Akoma Ntoso export of what the clerk typed', () => {
  const hostile = `<script>alert("x")</script> & 'quotes'`;
  const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;';

  it('escapes markup, ampersands and quotes in minutes, titles, names and links, and stays valid', () => {
    const [first, ...rest] = meeting003.items as [Item, ...Item[]];
    const meeting: Meeting = {
      ...meeting003,
      attendance: { ...meeting003.attendance, invited: [{ name: hostile, capacity: hostile }] },
      items: [{ ...first, title: hostile, source: hostile, minutes: [p(hostile), p(link(hostile, `https://example.org/a b?q="x"&y='z'`))] }, ...rest],
    };
    const xml = renderAkomaNtoso({ meeting, committee: { ...committee003, name: hostile } });
    expectValid(xml, 'escaped');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain(`<p>${escaped}</p>`);
    expect(xml).toContain(`<heading eId="minute-1-22__heading">${escaped}</heading>`);
    expect(xml).toContain(`showAs="${escaped}"`);
    expect(xml).toContain('href="https://example.org/a%20b?q=%22x%22&amp;y=&apos;z&apos;"');
  });

  it('marks up private business, substitutes, references, quotes, emphasis and line breaks validly', () => {
    const text = (value: string, ...marks: string[]): MinutesNodeJSON => ({ type: 'text', text: value, marks: marks.map((type) => ({ type })) });
    const amended: MinutesNodeJSON = {
      type: 'minutes_approval',
      attrs: { meetingDate: '2022-07-21', outcome: 'agreed-as-amended' },
      content: [
        { type: 'approval_statement', content: [text('The minutes were agreed, subject to the following amendment:')] },
        { type: 'amendment', attrs: { minute: '1/22', heading: 'Declarations' }, content: [p('Councillor X declared an interest.')] },
      ],
    };
    const [first, second, ...rest] = meeting003.items as [Item, Item, ...Item[]];
    const meeting: Meeting = {
      ...meeting003,
      attendance: {
        ...meeting003.attendance,
        substitutes: [{ name: 'Councillor B Kaur', substitutingFor: 'Councillor F Abbott' }],
        members: [...meeting003.attendance.members, { name: '', chair: false }],
      },
      items: [
        first,
        { ...second, minutes: [amended] },
        ...rest.map((item, index): Item => (index === 0 ? { ...item, business: 'private' } : item)),
        {
          ...first,
          id: 'private-later',
          minuteNumber: 7,
          title: 'Exempt Report',
          source: 'Report of the Director',
          business: 'private',
          minutes: [
            p('Further to ', minuteRef('4/22'), ' and ', minuteRef('59/16'), ', ', text('bold', 'strong'), ' ', text('italic', 'em'), '.', { type: 'hard_break' }, 'Next line.'),
            resolved('the Board:', { partStyle: '(1)', body: [part('Agrees.', bullets('with', 'conditions')), bullets('Notes.'), part('Asks for a report.')] }),
          ],
        },
      ],
    };
    const xml = renderAkomaNtoso({ meeting, committee: committee003 });
    expectValid(xml, 'structures');
    expect(withoutEId(xml)).toEqual([]);
    expect(itemSections(xml)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(xml.match(/<debateSection name="privateBusiness"/g)).toHaveLength(2);
    expect(xml).toContain('<debateSection name="quote"');
    expect(xml).toMatch(/refersTo="#councillor-b-kaur" as="#substitute">Councillor B Kaur<\/person> substituting for <person eId="[^"]+" refersTo="#councillor-f-abbott">/);
    expect(xml.match(/<TLCPerson eId="councillor-f-abbott"/g)).toHaveLength(1);
    expect(xml).toContain('<ref eId="minute-7-22__ref_1" href="#minute-4-22">Minute 4/22</ref>');
    expect(xml).toContain('href="/akn/gb/debate/minutes/education-and-childrens-services-scrutiny-board-2#minute-59-16">Minute 59/16</ref>');
    expect(xml).toContain('<b>bold</b> <i>italic</i>.<eol/>Next line.');
    expect(xml).toMatch(/<num>\(2\)<\/num>\s*<p>Asks for a report\.<\/p>/);
  });

  it('refuses a meeting with an untitled item, writing nothing', () => {
    const [first, second, ...rest] = meeting003.items as [Item, Item, ...Item[]];
    const untitled: Meeting = { ...meeting003, items: [first, { ...second, title: '  ' }, ...rest] };
    let output: string | undefined;
    expect(() => {
      output = renderAkomaNtoso({ meeting: untitled, committee: committee003 });
    }).toThrow(ExportError);
    expect(() => renderAkomaNtoso({ meeting: untitled, committee: committee003 })).toThrow(/item 2 \(the 2nd on the agenda\) has no title/);
    expect(output).toBeUndefined();
  });
});

describe('Akoma Ntoso of minutes not yet agreed, and signed', () => {
  it.each(['draft', 'circulated'] as const)('a %s meeting carries the draft mark as its docStatus and the status in proprietary metadata, validly', (status) => {
    const xml = renderAkomaNtoso({ meeting: { ...meeting003, status }, committee: committee003 });
    expectValid(xml, `status-${status}`);
    expect(xml).toMatch(/<preface>\s*<p><docStatus>DRAFT – not yet agreed<\/docStatus><\/p>/);
    expect(xml).toMatch(/<proprietary source="#minutebook">\s*<mb:lifecycle xmlns:mb="urn:minute-book:lifecycle" status="(\w+)"\/>\s*<\/proprietary>/);
    expect(/status="(\w+)"\/>/.exec(xml)?.[1]).toBe(status);
  });

  it('agreed minutes carry neither', () => {
    const xml = renderAkomaNtoso({ meeting: meeting003, committee: committee003 });
    expect(xml).not.toContain('docStatus');
    expect(xml).not.toContain('proprietary');
  });

  it('signed minutes end with the Chair’s signature, the Chair a person of the references, validly', () => {
    const meeting = signedAsMinuteBookSigns(meeting003, 'Councillor J Innes', '2022-12-01');
    const xml = renderAkomaNtoso({ meeting, committee: committee003 });
    expectValid(xml, 'signed');
    // The status travels with the document, as for minutes not yet agreed.
    expect(xml).toMatch(/<mb:lifecycle xmlns:mb="urn:minute-book:lifecycle" status="signed" signedOn="2022-12-01"\/>/);
    expect(xml).toMatch(
      /<conclusions>\s*<p>\(Meeting closed at <time time="16:30:00">4:30pm<\/time>\)<\/p>\s*<p><signature>Signed <person eId="[^"]+" refersTo="#councillor-j-innes" as="#chair">Councillor J Innes<\/person> \(Chair\), <date date="2022-12-01">1 December 2022<\/date><\/signature><\/p>\s*<\/conclusions>/,
    );
    expect(withoutEId(xml)).toEqual([]);
    // Signed minutes with no closing time recorded still have their conclusions.
    expectValid(renderAkomaNtoso({ meeting: { ...meeting, closingTime: null }, committee: committee003 }), 'signed-unclosed');
  });
});

describe('Akoma Ntoso of motions and votes (issue 10)', () => {
  it('records each vote in the parliamentary analysis, names its motion and outcome, and stays valid', () => {
    const xml = renderAkomaNtoso({ meeting: meeting10, committee: committee10 });
    expectValid(xml, 'issue10');
    expect(withoutEId(xml)).toEqual([]);
    const votings = [...xml.matchAll(/<voting [^>]*>[\s\S]*?<\/voting>/g)].map((match) => match[0]);
    // The lost amendment with counts, the named vote, the casting vote; not the motions with no counts.
    expect(votings).toHaveLength(3);
    expect(votings[0]).toMatch(/outcome="#lost"/);
    expect(votings[0]).toContain('value="4" refersTo="#for"');
    expect(votings[0]).toContain('value="6" refersTo="#against"');
    expect(votings[1]).toContain('value="5" refersTo="#for"');
    const motionId = /href="#([^"]+)"/.exec(votings[0]!)![1]!;
    expect(xml).toContain(`<debateSection name="amendment" eId="${motionId}">`);
    expect(xml).toContain('<TLCConcept eId="carried"');
    expect(xml).toContain('(Meeting adjourned at 3:10pm for a comfort break and reconvened at 3:25pm)');
  });
});
