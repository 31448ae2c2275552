// The council's "Agenda and minutes" page (seeds 001 and 004, and the same page saved as HTML): the
// header, then each item's minute number ("79." alone on a line, "77/21", "Minute 77/21", or with the
// title on the same line in a heading), its title and document, source, agenda text, "Additional
// documents:", and its "Minutes:" and "Decision:" sections.
import { plainNumbering, withYearNumbering, type NumberingStyle } from '../model/committee.js';
import type { Item } from '../model/meeting.js';
import type { ImportedMeeting } from './importedMeeting.js';
import { assembleItem, itemLabel } from './items.js';
import { sliceLine, type SourceLine } from './lines.js';
import type { Reading } from './minutesGrammar.js';
import { pageMeeting, readPageHeader } from './pageHeader.js';
import { readItemHeading, sectionMinutes, sectionsOf, supportingDocuments } from './pageItem.js';

export interface MinuteNumber {
  number: number;
  style: NumberingStyle;
  /** Two-digit year of a "77/21" number. */
  year: string | null;
  /** The number as the page prints it ("79.", "77/21"), kept with the item. */
  printed: string;
  /** Where the title starts when it shares the line with the number. */
  titleAt: number | null;
}

const plainNumber = /^(\d{1,4})\.$/;
const numberWithYear = /^(?:minute\s+)?(\d{1,4})\/(\d{2})(?:(?:\s*[-–:.])?\s+)?/i;
const numberInHeading = /^(?:minute\s+(\d{1,4})[.:]?|(\d{1,4})[.)])\s+(?=\S)/i;

/** The minute number a line opens with, if the line is where an item starts; minutes are numbered from 1, so "0." is text. */
function minuteNumberOf(line: SourceLine): MinuteNumber | null {
  const found = numberAtStart(line);
  return found !== null && found.number > 0 ? found : null;
}

function numberAtStart(line: SourceLine): MinuteNumber | null {
  const plain = plainNumber.exec(line.key);
  if (plain !== null) return { number: Number(plain[1]), style: plainNumbering, year: null, titleAt: null, printed: plain[0] };
  const withYear = numberWithYear.exec(line.key);
  if (withYear !== null && (withYear[0].length === line.key.length || /\s$/.test(withYear[0]))) {
    const titleAt = withYear[0].length === line.key.length ? null : withYear[0].length;
    return { number: Number(withYear[1]), style: withYearNumbering, year: withYear[2] ?? null, titleAt, printed: `${withYear[1]}/${withYear[2]}` };
  }
  const heading = line.heading > 0 ? numberInHeading.exec(line.key) : null;
  if (heading === null) return null;
  // "Minute 12:" and "7)" print the number alone, "7." with its full stop; the words and brackets are the heading's.
  const printed = heading[1] ?? `${heading[2]}${heading[0].trimEnd().endsWith('.') ? '.' : ''}`;
  return { number: Number(heading[1] ?? heading[2]), style: plainNumbering, year: null, titleAt: heading[0].length, printed };
}

/**
 * Where items start: minute numbers that rise through the page. A "77/21" number must carry the same
 * year as the first item's, so that "2024/25 budget …" in running text is not taken for one.
 */
export function itemStarts(lines: readonly SourceLine[]): { at: number; number: MinuteNumber }[] {
  const starts: { at: number; number: MinuteNumber }[] = [];
  lines.forEach((line, at) => {
    const number = minuteNumberOf(line);
    const previous = starts.at(-1)?.number;
    if (number === null || line.bullet !== null) return;
    if (previous !== undefined && (number.number <= previous.number || number.style.yearAt !== previous.style.yearAt || number.year !== previous.year)) return;
    starts.push({ at, number });
  });
  return starts;
}

function readPageItem(lines: readonly SourceLine[], number: MinuteNumber, reading: Reading): Item {
  const { ledger, newId } = reading;
  const [numberLine, ...rest] = lines as [SourceLine, ...SourceLine[]];
  ledger.place(numberLine);
  const titleLine = number.titleAt === null ? rest.shift() : sliceLine(numberLine, number.titleAt);
  if (titleLine !== undefined) ledger.place(titleLine);
  const { before, sections } = sectionsOf(rest, ledger);
  const heading = readItemHeading(titleLine?.text ?? '', before, ledger);
  const documents = [...heading.documents, ...supportingDocuments(sections['supporting documents'], ledger)];
  const context = { ...reading, item: itemLabel(number.number, heading.title) };
  return assembleItem({ minuteNumber: number.number, printedNumber: number.printed, business: 'public', ...heading, documents, minutes: sectionMinutes(sections, context) }, newId, ledger);
}

/** Reads the page; the caller has checked that it has items. */
export function readPage(lines: readonly SourceLine[], reading: Reading): ImportedMeeting {
  const starts = itemStarts(lines);
  const header = readPageHeader(lines.slice(0, starts[0]?.at ?? lines.length), reading.ledger);
  const items = starts.map(({ at, number }, index) => readPageItem(lines.slice(at, starts[index + 1]?.at ?? lines.length), number, reading));
  return pageMeeting(header, items, starts[0]?.number.style ?? null, reading.notes);
}
