// The formal minutes document (seed 003, converted to Markdown; also the same document as plain text):
// the council, "Minutes of the Meeting of <committee>", "held at <time> on <date>", the attendance,
// "Public Business" / "Private Business", the items numbered within the meeting ("1.") or through the
// municipal year ("77/21"), and "(Meeting closed at 4:30pm)". Item headings come with or without
// "#" marks and bold, as inconsistently as a converted Word document has them.
import type { NumberingStyle } from '../model/committee.js';
import type { Business, Item } from '../model/meeting.js';
import { readAttendance, attendanceHeadingOf } from './attendanceLists.js';
import { findDate, findTime } from './datesAndTimes.js';
import type { ImportedMeeting } from './importedMeeting.js';
import { assembleItem, itemLabel } from './items.js';
import { sliceLine, withoutEmphasis, type SourceLine } from './lines.js';
import { closingTimeOf, meetingTimes, withSubstitutes } from './meetingNotes.js';
import { readMinutes, type Reading } from './minutesGrammar.js';

interface ItemHeading {
  number: number;
  style: NumberingStyle;
  year: string | null;
  title: string;
}

const numberedHeading = /^(?:minute\s+)?(?:(\d{1,4})\/(\d{2})[.:]?|(\d{1,4})[.)])\s+(?=\S)/i;
const partNumber = /^\(?(\d{1,2})[.)]/;

const businessHeading = /^(?:part\s+\w+\s*[-–:]?\s*)?(public|private)\s+business\b/i;
const minutesOfMeeting = /^minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:special|extraordinary|annual|ordinary|virtual|hybrid|reconvened)\s+)*(?:meeting\s+of\s+(?:the\s+)?)?/i;

/** True when the whole of the line after `from` is bold: how a converted document marks a heading. */
const boldFrom = (line: SourceLine, from: number): boolean =>
  line.marks.some((mark) => mark.type === 'strong' && mark.from <= from && mark.to >= line.text.length);

class FormalReader {
  /** Whether the file marks headings and bold at all; plain text is judged by the words alone. */
  private readonly marked: boolean;

  private readonly ledger: Reading['ledger'];

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly reading: Reading,
  ) {
    this.ledger = reading.ledger;
    this.marked = lines.some((line) => line.heading > 0 || line.marks.some((mark) => mark.type === 'strong'));
  }

  /**
   * An item heading: "### **1. Declarations of Interests**", "5. **Work Programme**", "77/21 Minutes".
   * Without "#", the number must follow the last item's, and a numbered line continuing a resolution's
   * parts ("1. … 2. …") is a part, not an item.
   */
  headingOf(at: number, last: ItemHeading | null): ItemHeading | null {
    const line = this.lines[at] as SourceLine;
    const match = line.bullet === null ? numberedHeading.exec(line.key) : null;
    if (match === null) return null;
    const number = Number(match[1] ?? match[3]);
    if (number === 0) return null; // minutes are numbered from 1: "0." is text
    const style: NumberingStyle = match[1] === undefined ? 'plain' : 'with-year';
    const year = match[2] ?? null;
    const title = sliceLine(withoutEmphasis(line), match[0].length).text;
    if (last !== null && (number <= last.number || style !== last.style || year !== last.year)) return null;
    if (line.heading === 0) {
      if (last !== null && number !== last.number + 1) return null;
      const previousPart = partNumber.exec(this.lines[at - 1]?.key ?? '');
      if (previousPart !== null && Number(previousPart[1]) === number - 1) return null;
      const shaped = this.marked ? boldFrom(line, match[0].length) : title.length <= 150 && !/[.;:,]$/.test(title) && !/^that\s/i.test(title);
      if (!shaped) return null;
    }
    return { number, style, year, title };
  }

  read(): ImportedMeeting {
    const lines = this.lines;
    const starts: { at: number; heading: ItemHeading }[] = [];
    lines.forEach((_line, at) => {
      const heading = this.headingOf(at, starts.at(-1)?.heading ?? null);
      if (heading !== null) starts.push({ at, heading });
    });
    // "Public Business" is a short heading; a long line that starts with the words is prose.
    const isBusiness = (line: SourceLine) => line.key.length < 60 && businessHeading.test(line.key);
    const firstItem = starts[0]?.at ?? lines.length;
    const firstBusiness = lines.findIndex((line, at) => at < firstItem && isBusiness(line));
    const bodyStart = firstBusiness < 0 ? firstItem : firstBusiness;
    const attendanceStart = lines.findIndex((line, at) => at < bodyStart && (/^present\s*:/i.test(line.key) || attendanceHeadingOf(line.key) !== null));
    const header = this.readHeader(lines.slice(0, attendanceStart < 0 ? bodyStart : attendanceStart));
    const attendance = readAttendance(attendanceStart < 0 ? [] : lines.slice(attendanceStart, bodyStart), this.ledger);

    let business: Business = 'public';
    const items: Item[] = [];
    let current: { heading: ItemHeading; business: Business; body: SourceLine[] } | null = null;
    const finish = () => {
      if (current !== null) items.push(this.item(current.heading, current.business, current.body));
    };
    let next = 0;
    for (let at = bodyStart; at < lines.length; at++) {
      const line = lines[at] as SourceLine;
      const start = starts[next];
      if (start !== undefined && start.at === at) {
        finish();
        this.ledger.place(line);
        current = { heading: start.heading, business, body: [] };
        next++;
      } else if (isBusiness(line)) {
        this.ledger.place(line);
        business = /private/i.test(line.key) ? 'private' : 'public';
      } else if (closingTimeOf(line.key) !== null) {
        this.ledger.place(line);
        this.reading.notes.closingTime = closingTimeOf(line.key);
        // What follows the closing time (the Chair's signature) belongs to no item.
        finish();
        current = null;
      } else if (current !== null) {
        current.body.push(line);
      }
    }
    finish();
    return {
      committee: { name: header.committee, council: header.council },
      date: header.date,
      startTime: header.startTime,
      ...meetingTimes(this.reading.notes),
      venue: header.venue,
      contact: null,
      attendance: withSubstitutes(attendance, this.reading.notes),
      numberingStyle: starts[0]?.heading.style ?? null,
      items,
    };
  }

  private item(heading: ItemHeading, business: Business, body: readonly SourceLine[]): Item {
    const label = itemLabel(heading.number, heading.title);
    const minutes = readMinutes(body, { ...this.reading, item: label });
    return assembleItem(
      { minuteNumber: heading.number, title: heading.title, source: '', business, agendaText: '', documents: [], minutes },
      this.reading.newId,
      this.ledger,
    );
  }

  /** The council, "Minutes of the Meeting of <committee>" and "held at <time> on <date>", each possibly on its own line. */
  private readHeader(lines: readonly SourceLine[]): { council: string | null; committee: string; date: string | null; startTime: string | null; venue: string } {
    const header = { council: null as string | null, committee: '', date: null as string | null, startTime: null as string | null, venue: '' };
    const at = lines.findIndex((line) => minutesOfMeeting.test(line.key) && /^minutes\s+of/i.test(line.key));
    if (at < 0) return header;
    const titleLine = lines[at] as SourceLine;
    this.ledger.place(titleLine);
    const council = lines[at - 1];
    if (council !== undefined) {
      this.ledger.place(council);
      header.council = council.text;
    }
    const named = titleLine.key.slice(minutesOfMeeting.exec(titleLine.key)?.[0].length ?? 0);
    const heldAt = named.search(/\bheld\b/i);
    header.committee = (heldAt < 0 ? named : named.slice(0, heldAt)).trim();
    let held = heldAt < 0 ? '' : named.slice(heldAt);
    const nextLine = lines[at + 1];
    if (held === '' && nextLine !== undefined && /^held\b/i.test(nextLine.key)) {
      this.ledger.place(nextLine);
      held = nextLine.key;
    }
    const date = findDate(held);
    header.date = date?.iso ?? null;
    header.startTime = findTime(held)?.time ?? null;
    // "held at the Council House, Coventry on …": a place rather than a time.
    const place = /^held\s+(?:at|in)\s+/i.exec(held);
    const on = held.toLowerCase().lastIndexOf(' on ', date?.start ?? held.length);
    if (place !== null && on > place[0].length) {
      const where = held.slice(place[0].length, on).trim();
      if (findTime(where) === null) header.venue = where;
    }
    for (const line of lines) {
      if (/^venue\s*:/i.test(line.key)) {
        this.ledger.place(line);
        header.venue = line.key.replace(/^venue\s*:/i, '').trim();
      }
    }
    return header;
  }
}

export function readFormalMinutes(lines: readonly SourceLine[], reading: Reading): ImportedMeeting {
  return new FormalReader(lines, reading).read();
}
