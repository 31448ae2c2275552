// The Word form of the formal minutes, read back from the DOCX package: every item, resolution and
// attendee is there, headings use Word's heading styles, bullets Word's list numbering, resolutions
// are bold, what the clerk typed is escaped, and a meeting not ready to publish is refused.
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { signedAsMinuteBookSigns } from './builders.js';
import { describe, expect, it } from 'vitest';
import { attendanceGroups } from '../../shared/attendanceText.js';
import { renderDocx } from '../../shared/export/docx.js';
import { ExportError, type ExportRequest } from '../../shared/export/exportForm.js';
import { minutesOutline, textOf, type BulletItem, type OutlineBlock } from '../../shared/export/outline.js';
import type { Item, Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { p } from '../fixtures/minutesJson.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

interface WordParagraph {
  /** The paragraph style, "Heading3"; null for Normal. */
  style: string | null;
  /** The list level when the paragraph is in a Word list (`w:numPr`). */
  listLevel: number | null;
  /** Left indentation in twips, when the paragraph sets its own. */
  indent: number | null;
  runs: Run[];
  text: string;
}

const decode = (xml: string): string =>
  xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Runs in document order, reading text, tabs and line breaks as Word shows them. */
function runsOf(paragraphXml: string): Run[] {
  return [...paragraphXml.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)].map(([, run = '']) => ({
    text: [...run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
      .map(([token, text]) => (text !== undefined ? decode(text) : token === '<w:tab/>' ? '\t' : '\n'))
      .join(''),
    bold: /<w:rPr>[\s\S]*?<w:b\/>[\s\S]*?<\/w:rPr>/.test(run),
    italic: /<w:rPr>[\s\S]*?<w:i\/>[\s\S]*?<\/w:rPr>/.test(run),
  }));
}

function paragraphsOf(documentXml: string): WordParagraph[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, xml = '']) => {
    const runs = runsOf(xml);
    const level = /<w:numPr><w:ilvl w:val="(\d+)"\/>/.exec(xml)?.[1];
    const indent = /<w:ind w:left="(\d+)"/.exec(xml)?.[1];
    return {
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1] ?? null,
      listLevel: level === undefined ? null : Number(level),
      indent: indent === undefined ? null : Number(indent),
      runs,
      text: runs.map((run) => run.text).join(''),
    };
  });
}

interface ReadBack {
  documentXml: string;
  paragraphs: WordParagraph[];
  part: (name: string) => Promise<string>;
}

async function readDocx(request: ExportRequest): Promise<ReadBack> {
  const zip = await JSZip.loadAsync(await renderDocx(request));
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (file === null) throw new Error(`the DOCX has no ${name}`);
    return file.async('string');
  };
  const documentXml = await part('word/document.xml');
  return { documentXml, paragraphs: paragraphsOf(documentXml), part };
}

/** The one paragraph with exactly this text, failing with the text looked for. */
function paragraphWithText(paragraphs: readonly WordParagraph[], text: string): WordParagraph {
  const found = paragraphs.filter((paragraph) => paragraph.text === text);
  expect(found.map((paragraph) => paragraph.text), `a paragraph reading "${text}"`).toContain(text);
  return found[0]!;
}

const allBold = (paragraph: WordParagraph): boolean => paragraph.runs.filter((run) => run.text.trim() !== '').every((run) => run.bold);

type Resolution = Extract<OutlineBlock, { kind: 'resolution' }>;

const resolutionsOf = (item: Item): Resolution[] =>
  minutesOutline(item.minutes).filter((block): block is Resolution => block.kind === 'resolution');

function openingOf(resolution: Resolution): string {
  const preamble = textOf(resolution.preamble);
  if (preamble === '') return resolution.lead;
  return resolution.joined ? `${resolution.lead}${preamble}` : `${resolution.lead} ${preamble}`;
}

/** Every bullet's text with its nesting depth, in order. */
const bulletEntries = (items: readonly BulletItem[], depth = 0): { text: string; depth: number }[] =>
  items.flatMap((item) => [{ text: textOf(item.spans), depth }, ...bulletEntries(item.children, depth + 1)]);

function bulletEntriesOf(blocks: readonly OutlineBlock[]): { text: string; depth: number }[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'bullets') return bulletEntries(block.items);
    if (block.kind === 'quote') return bulletEntriesOf(block.blocks);
    return [];
  });
}

const seeds: [string, ExportRequest][] = [
  ['003 (20 October 2022)', { committee: committee003, meeting: meeting003 }],
  ['001 (27 April 2017)', { committee: committee001, meeting: meeting001 }],
  ['004 (13 July 2017)', { committee: committee001, meeting: meeting004 }],
];

const withItems = (meeting: Meeting, change: (item: Item, index: number) => Item): Meeting => ({ ...meeting, items: meeting.items.map(change) });

describe.each(seeds)('the Word minutes of seed %s', (_, request) => {
  it('gives each item a Heading 3, numbered from 1 within the meeting', async () => {
    const { paragraphs } = await readDocx(request);
    const headings = paragraphs.filter((paragraph) => paragraph.style === 'Heading3').map((paragraph) => paragraph.text);
    expect(headings).toEqual(request.meeting.items.map((item, index) => `${index + 1}. ${item.title}`));
  });

  it('prints every resolution in bold: the lead and preamble, then each labelled part', async () => {
    const { paragraphs } = await readDocx(request);
    const resolutions = request.meeting.items.flatMap(resolutionsOf);
    expect(resolutions.length).toBeGreaterThan(0);
    for (const resolution of resolutions) {
      expect(allBold(paragraphWithText(paragraphs, openingOf(resolution)))).toBe(true);
      for (const entry of resolution.body) {
        if (entry.kind === 'part') {
          expect(allBold(paragraphWithText(paragraphs, `${entry.label}\t${textOf(entry.spans)}`))).toBe(true);
        }
        // The same words may also be an ordinary bullet earlier in the minutes (seed 001: "Home schooling").
        for (const bullet of bulletEntries(entry.kind === 'part' ? entry.bullets : entry.items)) {
          const matching = paragraphs.filter((paragraph) => paragraph.text === bullet.text);
          expect(matching.some((paragraph) => paragraph.listLevel !== null && allBold(paragraph)), `"${bullet.text}" as a bold bullet`).toBe(true);
        }
      }
    }
  });

  it('puts every bullet of the minutes in a Word list, nested bullets a level deeper', async () => {
    const { paragraphs } = await readDocx(request);
    const bullets = request.meeting.items.flatMap((item) => bulletEntriesOf(minutesOutline(item.minutes)));
    expect(bullets.length).toBeGreaterThan(0);
    for (const bullet of bullets) {
      expect(paragraphs.filter((paragraph) => paragraph.text === bullet.text).map((paragraph) => paragraph.listLevel)).toContain(bullet.depth);
    }
  });

  it('lists who was present, each group heading bold', async () => {
    const { paragraphs } = await readDocx(request);
    const groups = attendanceGroups(request.meeting.attendance);
    for (const group of groups) {
      expect(allBold(paragraphWithText(paragraphs, `${group.heading}:`))).toBe(true);
      for (const entry of group.entries) paragraphWithText(paragraphs, entry);
    }
  });

  it('is well-formed XML that Word reads as a document titled by Minute Book', async () => {
    const { documentXml, part } = await readDocx(request);
    expect(xmlProblems(documentXml)).toBe('');
    const core = await part('docProps/core.xml');
    expect(core).toContain('<dc:creator>Minute Book</dc:creator>');
    expect(core).toMatch(/<dc:title>Minutes of the Meeting of [^<]+<\/dc:title>/);
  });
});

/** What xmllint says is wrong with the XML, or '' when it parses. */
function xmlProblems(xml: string): string {
  const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint is needed to check the DOCX's XML (apt-get install -y libxml2-utils): ${result.error.message}`);
  return result.status === 0 ? '' : result.stderr;
}

describe('the Word minutes of seed 003, against the published document', () => {
  const request: ExportRequest = { committee: committee003, meeting: meeting003 };

  it('opens with the council in bold and the meeting as Heading 1', async () => {
    const { paragraphs } = await readDocx(request);
    expect(paragraphs[0]).toMatchObject({ text: 'Coventry City Council', style: null });
    expect(allBold(paragraphs[0]!)).toBe(true);
    expect(paragraphs[1]).toMatchObject({
      style: 'Heading1',
      text: "Minutes of the Meeting of Education and Children's Services Scrutiny Board (2)\nheld at 2.30 pm on Thursday, 20 October 2022",
    });
    expect(paragraphs[2]?.text).toBe('Present:');
  });

  it('heads the items "Public Business" and ends with the closing time', async () => {
    const { paragraphs } = await readDocx(request);
    expect(paragraphs.filter((paragraph) => paragraph.style === 'Heading2').map((paragraph) => paragraph.text)).toEqual(['Public Business']);
    expect(paragraphs.at(-1)?.text).toBe('(Meeting closed at 4:30pm)');
  });

  it('prints the resolutions as the seed does', async () => {
    const { paragraphs } = await readDocx(request);
    for (const opening of ['RESOLVED unanimously that:', 'RESOLVED that the Scrutiny Board:', 'RESOLVED that the work programme be updated.']) {
      expect(allBold(paragraphWithText(paragraphs, opening))).toBe(true);
    }
    const part = paragraphWithText(paragraphs, '2.\tReceives the Development Plan at a future meeting in response to the Inspection report.');
    expect(part.indent).toBe(720);
    expect(part.runs[0]).toMatchObject({ text: '2.\t', bold: true });
  });

  it('links the inspection report, with the address in the relationships', async () => {
    const { documentXml, part } = await readDocx(request);
    const id = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t[^>]*>www\.reports\.ofsted\.gov\.uk\/provider\/44\/80456</.exec(documentXml)?.[1];
    expect(id).toBeDefined();
    expect(await part('word/_rels/document.xml.rels')).toMatch(
      new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="http://www\\.reports\\.ofsted\\.gov\\.uk/provider/44/80456"[^>]*TargetMode="External"`),
    );
  });

  it('defines the bullets as a Word bullet list', async () => {
    const { documentXml, part } = await readDocx(request);
    expect(await part('word/numbering.xml')).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="1"\/><w:numFmt w:val="bullet"\/><w:lvlText w:val="•"\/>/);
    expect(documentXml).toContain('<w:numPr>');
  });
});

describe('the Word minutes of other meetings', () => {
  it('heads each run of public and private items with its business', async () => {
    const business = ['public', 'private', 'private', 'public', 'public', 'private'] as const;
    const meeting = withItems(meeting003, (item, index) => ({ ...item, business: business[index] ?? 'public' }));
    const { paragraphs } = await readDocx({ committee: committee003, meeting });
    const headings = paragraphs.filter((paragraph) => paragraph.style === 'Heading2' || paragraph.style === 'Heading3').map((paragraph) => paragraph.text);
    expect(headings).toEqual([
      'Public Business',
      '1. Declarations of Interests',
      'Private Business',
      '2. Minutes',
      '3. Co-option of Other Faiths Representatives to the Scrutiny Board',
      'Public Business',
      "4. Children's Services Ofsted Outcome",
      '5. Work Programme and Outstanding Issues',
      'Private Business',
      '6. Any Other Business',
    ]);
  });

  it('leaves out the closing line when no closing time was recorded', async () => {
    const { paragraphs } = await readDocx({ committee: committee003, meeting: { ...meeting003, closingTime: null } });
    expect(paragraphs.some((paragraph) => paragraph.text.startsWith('(Meeting closed'))).toBe(false);
  });

  it('indents quoted amendments, keeps emphasis and line breaks', async () => {
    const emphasised: MinutesNodeJSON = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Agreed', marks: [{ type: 'em' }] }, { type: 'hard_break' }, { type: 'text', text: 'subject to' }],
    };
    const amended: MinutesNodeJSON = {
      type: 'minutes_approval',
      attrs: { meetingDate: '2022-07-21', outcome: 'amended' },
      content: [
        { type: 'approval_statement', content: [{ type: 'text', text: 'The minutes were agreed, amended as follows:' }] },
        { type: 'amendment', content: [p('Minute 12 to read "deferred".')] },
      ],
    };
    const meeting = withItems(meeting003, (item, index) => (index === 1 ? { ...item, minutes: [amended, emphasised] } : item));
    const { paragraphs } = await readDocx({ committee: committee003, meeting });
    expect(paragraphWithText(paragraphs, 'Minute 12 to read "deferred".').indent).toBe(720);
    expect(paragraphWithText(paragraphs, 'The minutes were agreed, amended as follows:').indent).toBeNull();
    const broken = paragraphWithText(paragraphs, 'Agreed\nsubject to');
    expect(broken.runs[0]).toMatchObject({ text: 'Agreed', italic: true });
  });

  it('refuses a meeting with an untitled item, naming it, and writes nothing', async () => {
    const meeting = withItems(meeting003, (item, index) => (index === 1 ? { ...item, title: '  ' } : item));
    const failure = await renderDocx({ committee: committee003, meeting }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExportError);
    expect((failure as ExportError).message).toContain('item 2 (the 2nd on the agenda) has no title');
  });

  it('escapes markup and ampersands the clerk typed, and the XML still parses', async () => {
    const typed = '<script>alert("minutes")</script> & Partners';
    const meeting = withItems(meeting003, (item, index) => (index === 0 ? { ...item, title: typed, minutes: [p(typed)] } : item));
    const { documentXml, paragraphs } = await readDocx({ committee: { ...committee003, name: typed }, meeting });
    expect(documentXml).not.toContain('<script>');
    expect(documentXml).toContain('&lt;script&gt;');
    expect(documentXml).toContain('&amp; Partners');
    expect(xmlProblems(documentXml)).toBe('');
    paragraphWithText(paragraphs, typed);
    paragraphWithText(paragraphs, `1. ${typed}`);
    expect(paragraphs[1]?.text.startsWith(`Minutes of the Meeting of ${typed}\n`)).toBe(true);
  });
});

describe('Word minutes not yet agreed, and signed', () => {
  it('marks a draft or circulated meeting at the top and in the header of every page; agreed minutes have no header', async () => {
    const agreed = await readDocx({ committee: committee003, meeting: meeting003 });
    await expect(agreed.part('word/header1.xml')).rejects.toThrow('the DOCX has no word/header1.xml');
    expect(agreed.documentXml).not.toContain('DRAFT');
    for (const status of ['draft', 'circulated'] as const) {
      const { paragraphs, part, documentXml } = await readDocx({ committee: committee003, meeting: { ...meeting003, status } });
      expect(paragraphs[0]).toMatchObject({ text: 'DRAFT – not yet agreed', style: null });
      expect(allBold(paragraphs[0]!)).toBe(true);
      // Otherwise the agreed document, paragraph for paragraph.
      expect(paragraphs.slice(1)).toEqual(agreed.paragraphs);
      expect(paragraphsOf(await part('word/header1.xml')).map((paragraph) => paragraph.text)).toEqual(['DRAFT – not yet agreed']);
      expect(documentXml).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    }
  });

  it('ends signed minutes with the Chair’s signature and the day', async () => {
    const meeting = signedAsMinuteBookSigns(meeting003, 'Councillor J Innes', '2022-12-01');
    const { paragraphs } = await readDocx({ committee: committee003, meeting });
    expect(paragraphs.slice(-2).map((paragraph) => paragraph.text)).toEqual(['(Meeting closed at 4:30pm)', 'Signed Councillor J Innes (Chair), 1 December 2022']);
  });
});
