// The formal minutes as a Word document (seed 003): the council and meeting title, who was present,
// each item under its Public or Private Business heading, and the closing time. Clerks open it in
// Word to sign and file it, so headings, bullets and bold resolutions use Word's own styles and
// list numbering rather than look-alike formatting, and the document outline shows every item.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { attendanceGroups, type AttendanceGroup } from '../attendanceText.js';
import { formatFormalDate, formatHeldAt } from '../dates.js';
import { meetingTimeLines } from './meetingTimes.js';
import type { DeclarationKind } from '../model/declarationKinds.js';
import { businessHeadings, type Item, type Meeting } from '../model/meeting.js';
import { formalItemNumber, requirePublishable, type ExportRequest } from './exportForm.js';
import { draftMark, signatureLine, publishedItem } from './lifecycleMarks.js';
import { minutesOutline, textOf, type BulletItem, type OutlineBlock, type ResolutionPart, type Span } from './outline.js';

/** The Word list every bullet in the minutes belongs to. */
const MINUTES_BULLETS = 'minutes-bullets';
/** Word allows list levels 0–8; deeper nesting stays at the last level rather than losing the bullet. */
const DEEPEST_LEVEL = 8;
/** One step of indentation (half an inch, in twips): a list level, a quotation, a resolution part's label. */
const INDENT_STEP = 720;
const BULLET_HANGING = 360;

/** How the block being written sits: resolutions are bold throughout, quotations and parts indent. */
interface Setting {
  bold: boolean;
  /** Indentation in steps, before any list nesting of the block's own. */
  indent: number;
}

const bulletLevels: ILevelsOptions[] = Array.from({ length: DEEPEST_LEVEL + 1 }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: ['•', '◦', '▪'][level % 3] ?? '•',
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: INDENT_STEP * (level + 1), hanging: BULLET_HANGING } } },
}));

function runsOf(spans: readonly Span[], bold: boolean): ParagraphChild[] {
  return spans.flatMap((span): ParagraphChild[] => {
    // A hard break in the editor is a "\n" in the text; Word wants a line break before the next run instead.
    const runs = span.text.split('\n').map(
      (text, index) =>
        new TextRun({
          text,
          ...(index > 0 ? { break: 1 } : {}),
          ...(bold || span.strong ? { bold: true } : {}),
          ...(span.em ? { italics: true } : {}),
          ...(span.href ? { style: 'Hyperlink' } : {}),
        }),
    );
    return span.href ? [new ExternalHyperlink({ link: span.href, children: runs })] : runs;
  });
}

function textParagraph(spans: readonly Span[], setting: Setting): Paragraph {
  return new Paragraph({
    children: runsOf(spans, setting.bold),
    ...(setting.indent > 0 ? { indent: { left: INDENT_STEP * setting.indent } } : {}),
  });
}

function bulletParagraphs(items: readonly BulletItem[], setting: Setting, depth = 0): Paragraph[] {
  const level = Math.min(setting.indent + depth, DEEPEST_LEVEL);
  return items.flatMap((item) => [
    new Paragraph({ children: runsOf(item.spans, setting.bold), numbering: { reference: MINUTES_BULLETS, level } }),
    ...bulletParagraphs(item.children, setting, depth + 1),
  ]);
}

/**
 * A numbered part, its label printed as the committee writes it ("1)", "(2)", "c.") and hung in the
 * margin, so the DOCX reads exactly like the other forms; its own bullets sit one level further in.
 */
function partParagraphs(part: ResolutionPart, setting: Setting): Paragraph[] {
  return [
    new Paragraph({
      children: [new TextRun({ children: [part.label, new Tab()], bold: true }), ...runsOf(part.spans, true)],
      indent: { left: INDENT_STEP * (setting.indent + 1), hanging: INDENT_STEP },
    }),
    ...bulletParagraphs(part.bullets, { ...setting, indent: setting.indent + 1 }),
  ];
}

const plainSpan = (text: string): Span => ({ text, strong: false, em: false, href: null, minute: null });

/** "RESOLVED that the Board …", "RESOLVED unanimously that:", or the lead alone before numbered parts. */
function resolutionOpening(resolution: Extract<OutlineBlock, { kind: 'resolution' }>): Span[] {
  const lead = plainSpan(resolution.lead);
  if (textOf(resolution.preamble) === '') return [lead];
  return resolution.joined ? [lead, ...resolution.preamble] : [lead, plainSpan(' '), ...resolution.preamble];
}

function resolutionParagraphs(resolution: Extract<OutlineBlock, { kind: 'resolution' }>, setting: Setting): Paragraph[] {
  const resolved = { ...setting, bold: true };
  return [
    textParagraph(resolutionOpening(resolution), resolved),
    ...resolution.body.flatMap((entry) => (entry.kind === 'part' ? partParagraphs(entry, resolved) : bulletParagraphs(entry.items, resolved))),
  ];
}

function blockParagraphs(block: OutlineBlock, setting: Setting): Paragraph[] {
  switch (block.kind) {
    case 'paragraph':
      return [textParagraph(block.spans, setting)];
    case 'bullets':
      return bulletParagraphs(block.items, setting);
    case 'quote':
      return block.blocks.flatMap((inner) => blockParagraphs(inner, { ...setting, indent: setting.indent + 1 }));
    case 'motion':
      return block.blocks.flatMap((inner) => blockParagraphs(inner, setting));
    case 'resolution':
      return resolutionParagraphs(block, setting);
  }
}

const cell = (children: Paragraph[]): TableCell => new TableCell({ children });
const acrossBothColumns = (children: Paragraph[]): TableCell => new TableCell({ children, columnSpan: 2 });

/**
 * The printed attendance's two columns: "Members:" beside its names, one per line. Employees are
 * listed under their heading instead, a line per directorate, across the page.
 */
function attendanceTable(groups: readonly AttendanceGroup[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2800, 6200],
    borders: TableBorders.NONE,
    rows: groups.flatMap((group) => {
      const heading = new Paragraph({ children: [new TextRun({ text: `${group.heading}:`, bold: true })] });
      const entries = group.entries.map((entry) => new Paragraph({ text: entry }));
      return group.entriesBelowHeading
        ? [new TableRow({ children: [acrossBothColumns([heading])] }), new TableRow({ children: [acrossBothColumns(entries)] })]
        : [new TableRow({ children: [cell([heading]), cell(entries)] })];
    }),
  });
}

function presentSection(meeting: Meeting): (Paragraph | Table)[] {
  const groups = attendanceGroups(meeting.attendance);
  // A meeting with no attendance recorded yet prints no empty "Present:".
  return groups.length === 0 ? [] : [new Paragraph({ text: 'Present:' }), attendanceTable(groups)];
}

/** Items are numbered as the formal minutes print them (formalItemNumber): 1, 2, 3 … within the meeting, or as published. */
function itemParagraphs(item: Item, number: string, kinds: readonly DeclarationKind[]): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, text: `${number} ${item.title}` }),
    ...minutesOutline(item.minutes, kinds).flatMap((block) => blockParagraphs(block, { bold: false, indent: 0 })),
  ];
}

/** Each run of items with the same business under its "Public Business" or "Private Business" heading. */
function businessParagraphs(request: ExportRequest, kinds: readonly DeclarationKind[]): Paragraph[] {
  const { meeting } = request;
  return meeting.items.flatMap((item, index) => [
    ...(item.business === meeting.items[index - 1]?.business
      ? []
      : [new Paragraph({ heading: HeadingLevel.HEADING_2, text: businessHeadings[item.business] })]),
    ...itemParagraphs(publishedItem(meeting, item), formalItemNumber(request, item, index), kinds),
  ]);
}

const headingStyle = (size: number) => ({
  run: { font: 'Arial', size, bold: true, color: '000000' },
  paragraph: { keepNext: true, spacing: { before: 240, after: 120 } },
});

const markParagraph = (mark: string): Paragraph => new Paragraph({ children: [new TextRun({ text: mark, bold: true, color: '8A1C1C' })] });

/** The formal minutes of the request's meeting as DOCX bytes, or an ExportError naming what is missing. */
export async function renderDocx(request: ExportRequest): Promise<Uint8Array> {
  requirePublishable(request);
  const { meeting, committee } = request;
  const title = `Minutes of the Meeting of ${committee.name}`;
  const heldAt = formatHeldAt(meeting);
  const marks = draftMark(meeting);
  const document = new Document({
    title: `${title}, ${formatFormalDate(meeting.date)}`,
    creator: 'Minute Book',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { after: 120 } } },
        heading1: headingStyle(26),
        heading2: headingStyle(24),
        heading3: headingStyle(22),
      },
    },
    numbering: { config: [{ reference: MINUTES_BULLETS, levels: bulletLevels }] },
    sections: [
      {
        // Minutes not yet agreed say so at the top of the first page and in the header of every page.
        ...(marks.length === 0 ? {} : { headers: { default: new Header({ children: marks.map(markParagraph) }) } }),
        children: [
          ...marks.map(markParagraph),
          new Paragraph({ children: [new TextRun({ text: committee.council, bold: true })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title), new TextRun({ text: heldAt, break: 1 })] }),
          ...presentSection(meeting),
          ...businessParagraphs(request, committee.declarationKinds),
          ...meetingTimeLines(meeting).map((line) => new Paragraph({ text: line })),
          ...signatureLine(meeting).map((line) => new Paragraph({ text: line })),
        ],
      },
    ],
  });
  // toArrayBuffer works in the renderer and in Node alike (toBuffer needs Node, toBlob a browser).
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
