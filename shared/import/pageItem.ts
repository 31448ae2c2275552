// What the council's web pages print around an item's minutes (seeds 000, 001, 002, 004): the title
// with its attached document ("Minutes pdf icon PDF 70 KB"), the source line ("Briefing Note of …"),
// "Additional documents:", the "Minutes:" and "Decision:" labels, and the "...  view the full minutes
// text for item 7." cut.
import type { Item, MinutesNodeJSON } from '../model/meeting.js';
import type { Ledger } from './ledger.js';
import { sliceLine, type SourceLine } from './lines.js';
import { readItemMinutes, type MinutesContext } from './minutesGrammar.js';

export type ItemDocument = Item['documents'][number];

/** The "Additional documents:" line stands for papers the page does not name. */
const additionalDocument: ItemDocument = { title: 'Additional document', sizeKb: null };

const isAdditionalDocuments = (key: string): boolean => /^additional documents?\s*:?$/i.test(key);

const documentSize = /(?:^|\s)(?:pdf icon\s+)?pdf\s+(\d{1,6}(?:\.\d{1,3})?)\s*(kb|mb)\s*$/i;

/** "Minutes pdf icon PDF 70 KB" → the title "Minutes" and the document { title: 'Minutes', sizeKb: 70 }. */
export function documentOf(text: string): { title: string; document: ItemDocument | null } {
  // Only the end of the line can hold the size, so only the end is searched.
  const windowStart = Math.max(0, text.length - 40);
  const size = documentSize.exec(text.slice(windowStart));
  if (size === null) return { title: text.trim(), document: null };
  const title = text.slice(0, windowStart + size.index).trim();
  const kb = Number(size[1]) * ((size[2] ?? '').toLowerCase() === 'mb' ? 1024 : 1);
  return { title, document: { title, sizeKb: kb } };
}

/** "Report of …", "Briefing Note of …", "Joint Report from …": who put the item to the meeting. */
const sourceWords = String.raw`(?:Joint\s+)?(?:Report|Briefing Note|Briefing Paper|Note|Presentation|Verbal (?:Report|Update)|Update|Letter|Memorandum|Recommendations?|Petition|Notice|Statement)s?\s+(?:of|from|by)\b`;
const sourceLine = new RegExp(`^${sourceWords}`, 'i');
const sourceInHeading = new RegExp(`\\b${sourceWords}`);

const isSource = (line: SourceLine): boolean => (line.hint === null ? sourceLine.test(line.key) : line.hint === 'source');

/** Where a flattened heading's source starts ("Coventry Education Performance Briefing Note of …"), or -1. */
export const sourceStartIn = (key: string): number => key.search(sourceInHeading);

export interface ItemHeading {
  title: string;
  source: string;
  agendaText: string;
  documents: ItemDocument[];
}

/** The title line, then the lines before "Minutes:": the source, the agenda text and "Additional documents:". */
export function readItemHeading(titleText: string, lines: readonly SourceLine[], ledger: Ledger): ItemHeading {
  const { title, document } = documentOf(titleText);
  const heading: ItemHeading = { title, source: '', agendaText: '', documents: document === null ? [] : [document] };
  const agendaText: string[] = [];
  for (const line of lines) {
    ledger.place(line);
    if (isAdditionalDocuments(line.key)) heading.documents.push(additionalDocument);
    else if (heading.source === '' && agendaText.length === 0 && isSource(line)) heading.source = line.text;
    else agendaText.push(line.text);
  }
  heading.agendaText = agendaText.join('\n');
  return heading;
}

/** The papers listed under "Supporting documents:", one a line ("Briefing Note pdf icon PDF 155 KB"). */
export function supportingDocuments(lines: readonly SourceLine[], ledger: Ledger): ItemDocument[] {
  ledger.placeAll(lines);
  return lines.map((line) => {
    const { title, document } = documentOf(line.text);
    return document ?? { title, sizeKb: null };
  });
}

export type PageSection = 'minutes' | 'decision' | 'supporting documents';

const sectionLabel = /^(minutes|decisions?|supporting documents)\s*:/i;

/** A "Minutes:", "Decision:" or "Supporting documents:" label at the start of the line, and where its text starts. */
export function sectionOf(line: SourceLine): { section: PageSection; textAt: number } | null {
  const label = sectionLabel.exec(line.key);
  if (label === null) return null;
  const word = (label[1] ?? '').toLowerCase();
  return { section: word === 'minutes' ? 'minutes' : word.startsWith('decision') ? 'decision' : 'supporting documents', textAt: label[0].length };
}

/** The lines of each section, in order, from the first label on; lines before it are returned as `before`. */
export function sectionsOf(lines: readonly SourceLine[], ledger: Ledger): { before: SourceLine[]; sections: Record<PageSection, SourceLine[]> } {
  const sections: Record<PageSection, SourceLine[]> = { minutes: [], decision: [], 'supporting documents': [] };
  const before: SourceLine[] = [];
  let current: PageSection | null = null;
  for (const line of lines) {
    const label = sectionOf(line);
    if (label !== null) {
      ledger.place(line);
      current = label.section;
      if (label.textAt < line.key.trim().length) sections[current].push(sliceLine(line, label.textAt));
    } else if (current === null) {
      before.push(line);
    } else {
      sections[current].push(line);
    }
  }
  return { before, sections };
}

/** The minutes of an item from its "Minutes:" and "Decision:" sections, telling the clerk if the page cut them short. */
export function sectionMinutes(sections: Record<PageSection, SourceLine[]>, context: MinutesContext): MinutesNodeJSON[] {
  const minutes = uncut(sections.minutes);
  if (minutes.cut) {
    context.ledger.warn(`The page cuts the minutes of ${context.item} short (“view the full minutes text”); only the text before the cut is imported.`);
  }
  return readItemMinutes(minutes.lines, sections.decision, context);
}

const cutPhrase = 'view the full minutes text for item';

/**
 * Minutes the page cut short ("… coming to an end and  ...  view the full minutes text for item 7."):
 * the text before the cut, and whether there was one.
 */
function uncut(lines: readonly SourceLine[]): { lines: SourceLine[]; cut: boolean } {
  const at = lines.findIndex((line) => line.key.toLowerCase().includes(cutPhrase));
  if (at < 0) return { lines: [...lines], cut: false };
  const line = lines[at] as SourceLine;
  const phrase = line.key.toLowerCase().lastIndexOf(cutPhrase);
  const dots = line.key.lastIndexOf('...', phrase);
  const end = dots >= 0 && line.key.slice(dots + 3, phrase).trim() === '' ? dots : phrase;
  const kept = sliceLine(line, 0, end);
  return { lines: [...lines.slice(0, at), ...(kept.text === '' ? [] : [kept]), ...lines.slice(at + 1)], cut: true };
}
