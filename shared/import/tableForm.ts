// The "Agenda and minutes" page flattened through a table (seed 000): "No. | Item |", "---|---|", the
// items separated by "|" lines, the minute numbers lost, and each item's title, source and agenda
// text run together on one line with "Minutes:" and the first sentence of the minutes.
import { plainNumbering } from '../model/committee.js';
import { defaultStandardAgenda } from '../standardAgenda.js';
import type { ImportedMeeting } from './importedMeeting.js';
import { assembleItem, itemLabel } from './items.js';
import type { Ledger } from './ledger.js';
import { keyOf, sliceLine, type SourceLine } from './lines.js';
import { partLabelOf, type Reading } from './minutesGrammar.js';
import { pageMeeting, readPageHeader } from './pageHeader.js';
import { documentOf, sectionsOf, sectionMinutes, sourceStartIn, type ItemHeading } from './pageItem.js';

export const isTableHeader = (key: string): boolean => /^no\.?\s*\|\s*item\s*\|?\s*$/i.test(key);
export const isRowSeparator = (key: string): boolean => /^\|[\s|]*$/.test(key);

/** "Any other items of business which the Chair decides …": agenda wording every council's page repeats. */
const standardAgendaLines = defaultStandardAgenda.flatMap((template) =>
  template.agendaText === '' ? [] : [{ title: template.title, first: template.agendaText.split('\n')[0] ?? '' }],
);
const opening = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').slice(0, 28);

/** Where "Minutes:" starts in a line whose title runs into it ("Declarations of Interests Minutes: There were …"). */
function minutesLabelIn(key: string): number {
  for (let at = key.indexOf('Minutes:'); at >= 0; at = key.indexOf('Minutes:', at + 1)) {
    if (at === 0 || key[at - 1] === ' ') return at;
  }
  return -1;
}

/** Title, source and agenda text from a heading run together: split at the source's first words or a standard agenda sentence. */
function flattenedHeading(lines: readonly SourceLine[], ledger: Ledger): ItemHeading {
  ledger.placeAll(lines);
  const agendaText: string[] = [];
  let title = '';
  let source = '';
  for (const line of lines) {
    if (partLabelOf(line.key) !== null || title !== '' || source !== '') {
      agendaText.push(line.text);
      continue;
    }
    const sourceAt = sourceStartIn(line.key);
    const standard = standardAgendaLines.map(({ first }) => line.key.indexOf(first)).find((at) => at > 0);
    if (sourceAt >= 0) {
      title = line.text.slice(0, sourceAt).trim();
      source = line.text.slice(sourceAt).trim();
    } else if (standard !== undefined) {
      title = line.text.slice(0, standard).trim();
      agendaText.push(line.text.slice(standard).trim());
    } else {
      title = line.text;
    }
  }
  // The page's "Minutes" title is the document's link, lost in the table; the agenda wording still names the item.
  const firstAgenda = opening(agendaText[0] ?? '');
  if (title === '' && firstAgenda !== '') {
    title = standardAgendaLines.find(({ first }) => opening(first) === firstAgenda)?.title ?? '';
  }
  const { title: plainTitle, document } = documentOf(title);
  return { title: plainTitle, source, agendaText: agendaText.join('\n'), documents: document === null ? [] : [document] };
}

export function readTable(lines: readonly SourceLine[], reading: Reading): ImportedMeeting {
  const { ledger, newId } = reading;
  const tableAt = lines.findIndex((line) => isTableHeader(line.key) || isRowSeparator(line.key));
  const header = readPageHeader(lines.slice(0, tableAt < 0 ? 0 : tableAt + 1), ledger);
  const rows: SourceLine[][] = [[]];
  for (const line of lines.slice(tableAt + 1)) {
    if (isRowSeparator(line.key) || /^-{3,}\|/.test(line.key)) {
      ledger.place(line);
      if ((rows.at(-1) ?? []).length > 0) rows.push([]);
    } else {
      // "Annual Complaints Report PDF 412 KB |": the cell's closing bar is the table's, not the title's.
      const bar = /\s*\|\s*$/.exec(line.key);
      rows.at(-1)?.push(bar === null || bar.index === 0 ? line : sliceLine(line, 0, bar.index));
    }
  }
  const read = rows
    .filter((row) => row.length > 0)
    .map((row) => {
      // The "Minutes:" label may sit inside the line that ends the heading: it is split there.
      const labelled = row.findIndex((line) => minutesLabelIn(line.key) >= 0);
      const split = labelled < 0 ? row : row.flatMap((line, at) => (at === labelled && minutesLabelIn(line.key) > 0 ? [sliceLine(line, 0, minutesLabelIn(line.key)), sliceLine(line, minutesLabelIn(line.key))] : [line]));
      const { before, sections } = sectionsOf(split.map(withoutCellBars), ledger);
      // "| 22. | Declarations of Interest |": a number in the row's first cell is the item's minute number.
      const numbered = before[0] === undefined ? null : numberCell.exec(before[0].key);
      const heading = flattenedHeading(numbered === null ? before : [sliceLine(before[0] as SourceLine, numbered[0].length), ...before.slice(1)], ledger);
      return { numbered: numbered === null ? null : Number(numbered[1]), heading, sections };
    });
  // Numbers count only when every row has one, rising: otherwise the items are numbered in turn, as the page shows none.
  const numbers = read.map((row) => row.numbered);
  const allNumbered = numbers.length > 0 && numbers.every((number, at) => number !== null && number > 0 && (at === 0 || number > (numbers[at - 1] as number)));
  const items = read.map(({ numbered, heading, sections }, index) => {
    const minuteNumber = allNumbered ? (numbered as number) : index + 1;
    const context = { ...reading, item: itemLabel(minuteNumber, heading.title) };
    return assembleItem({ minuteNumber, business: 'public', ...heading, minutes: sectionMinutes(sections, context) }, newId, ledger);
  });
  return pageMeeting(header, items, allNumbered ? plainNumbering : null, reading.notes);
}

/** "22. " or "22 " opening a heading row's text: the number cell of a table with a number column. */
const numberCell = /^(\d{1,4})\.?\s+(?=\S)/;

/**
 * The line without the table's cell bars: the opening and closing "|" of a row ("| 22. | Title |"),
 * and those between its cells, which become spaces ("Apologies | Minutes: …" → "Apologies Minutes: …").
 */
function withoutCellBars(line: SourceLine): SourceLine {
  if (!line.key.includes('|') || line.key.length > 4000) return line;
  const text = line.text.replace(/^\s*\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/\s+\|\s+/g, ' ');
  return text === line.text ? line : { ...line, text, key: keyOf(text), marks: [] };
}
