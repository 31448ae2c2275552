// The attendance as the formal minutes list it (seed 003): "Present:", then groups headed
// "Members:", "Co-Opted Members:", "Invited:", "Other Members:", "Employees (by Directorate):",
// "Apologies:" and "Substitutes:", one person a line or several to a line separated by commas, each
// with an optional note in brackets: "(Chair)", "(non-voting)", a portfolio, a reason.
import { minutesOutline } from '../export/outline.js';
import { noAttendance, type Attendance } from '../model/attendance.js';
import type { Item } from '../model/meeting.js';
import type { Ledger } from './ledger.js';
import { isMemberName, namesOf, singularTitle } from './memberNames.js';
import { sliceLine, type SourceLine } from './lines.js';

type Group = keyof Attendance;

const groupHeading =
  /^(members(?: present)?|councillors(?: present)?|co-?opted members?|co-?optees|invited(?: guests?)?|(?:also )?in attendance|other members(?: present)?|also present|employees(?: \(by directorate\))?|officers(?: present| in attendance)?|apologies(?: for absence)?|substitutes?|present)\s*:/i;

function groupOf(words: string): Group {
  const lower = words.toLowerCase();
  if (lower.startsWith('co')) return 'coOpted';
  if (lower.startsWith('employees') || lower.startsWith('officers')) return 'employees';
  if (lower.startsWith('invited') || lower.includes('in attendance')) return 'invited';
  if (lower.startsWith('other') || lower.startsWith('also present')) return 'otherMembers';
  if (lower.startsWith('apologies')) return 'apologies';
  if (lower.startsWith('substitute')) return 'substitutes';
  return 'members';
}

/** "Members:" and the like at the start of a line, and where the names after it start. */
export function attendanceHeadingOf(key: string): { group: Group; namesAt: number } | null {
  const heading = groupHeading.exec(key);
  return heading === null ? null : { group: groupOf(heading[1] ?? ''), namesAt: heading[0].length };
}

/** Splits at commas and semicolons outside brackets: "J Gregg (Director, Acting), C Heeley", "Cllr A Baird (Chair); Cllr M Shaw". */
function splitNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    if (character === '(') depth++;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if ((character === ',' || character === ';') && depth === 0) {
      names.push(text.slice(from, at));
      from = at + 1;
    }
  }
  // The list's own full stop ("… Dunn and Ellis.") is not part of the last name; an initial's ("J.") is.
  names.push(text.slice(from).replace(/(\p{L}{2,}|\))\.\s*$/u, '$1'));
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

/** "Councillor J Innes (Chair)" → the name and the note in brackets at the end. */
function nameAndNote(entry: string): { name: string; note: string } {
  if (!entry.endsWith(')')) return { name: entry, note: '' };
  const open = entry.lastIndexOf('(');
  return open <= 0 ? { name: entry, note: '' } : { name: entry.slice(0, open).trim(), note: entry.slice(open + 1, -1).trim() };
}

const initials = /^(?:[A-Z]{1,2}|(?:[A-Z]\.){1,3})$/;
const titles = /^(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|councillor|cllr)\.?$/i;

/**
 * "Children's Services S Bhambra" → directorate "Children's Services", person "S Bhambra": a person is
 * an optional title, initials and a surname, read from the end of the words.
 */
function directorateAndPerson(entry: string): { directorate: string; name: string } {
  const { name: words, note } = nameAndNote(entry);
  const parts = words.split(/\s+/);
  let start = parts.length - 1;
  while (start > 0 && initials.test(parts[start - 1] ?? '')) start--;
  if (start > 0 && titles.test(parts[start - 1] ?? '')) start--;
  const name = parts.slice(start).join(' ');
  return { directorate: parts.slice(0, start).join(' '), name: note === '' ? name : `${name} (${note})` };
}

/** A line that is a sentence rather than names ("The Chair welcomed …") ends the attendance. */
const looksLikeNames = (text: string): boolean => text.length <= 160 && !/[.;:]$/.test(text);

/**
 * "Councillors R Okafor (Chair), S Lindqvist, H Patel and W Young": each member on their own, with
 * the title the list gives them all ("Councillor R Okafor (Chair)", …). An entry is split at "and"
 * only when every piece reads as a name (shared/import/memberNames.ts), so "Head of Policy and
 * Partnerships" stays whole.
 */
function memberEntries(entries: readonly string[]): string[] {
  const listed: string[] = [];
  let shared = '';
  for (const entry of entries) {
    const { name, note } = nameAndNote(entry);
    const plural = /^(?:councillors|cllrs\.?)\s/i.exec(name);
    if (plural !== null) shared = singularTitle(plural[0]);
    else if (titledName.test(name)) shared = '';
    // "Councillors Bird, Carr, Dunn and Ellis": the surnames after the list's "Councillors" are each a councillor's.
    const pieces = name.length <= 200 && /\s(?:and|&)\s/.test(name) ? namesOf(shared !== '' && !titledName.test(name) ? `${shared === 'Cllr ' ? 'Cllrs' : 'Councillors'} ${name}` : name) : null;
    const names = pieces !== null && pieces.length > 1 ? pieces : [name.replace(/^(?:councillors|cllrs\.?)\s+/i, shared)];
    names.forEach((each, index) => {
      const titled = titledName.test(each) ? each : `${shared}${each}`;
      listed.push(index === names.length - 1 && note !== '' ? `${titled} (${note})` : titled);
    });
  }
  return listed;
}

/** A name with its own title: "Councillor A Smith", "Cllr. B Jones", "Mrs C Lee". */
export const titledName = /^(?:councillor|cllr\.?|mr|mrs|ms|miss|mx|dr|prof(?:essor)?|sir|dame|lord|lady|alderman|bailie|provost)\s/i;

/** "A for B", "A substituting for B", "A in place of B". */
const standingInFor = /^(.+?)\s+(?:\(?substitut(?:ing|e)\s+for|for|in\s+place\s+of)\s+(.+?)\)?$/i;
const memberOfEntry = (words: string): string => nameAndNote(words.trim()).name;

/** "Councillor T Dale for Councillor U Ellis" as a substitute and the member stood in for; null unless both are members' names. */
function standingInOf(entry: string): { name: string; substitutingFor: string } | null {
  const standIn = entry.length <= 160 ? standingInFor.exec(entry) : null;
  if (standIn === null || !isMemberName(memberOfEntry(standIn[1] ?? '')) || !isMemberName(memberOfEntry(standIn[2] ?? ''))) return null;
  return { name: (standIn[1] ?? '').trim(), substitutingFor: (standIn[2] ?? '').trim() };
}

function addNames(attendance: Attendance, group: Group, text: string, lastDirectorate: string): string {
  const split = splitNames(text);
  const entries = group === 'members' || group === 'coOpted' || group === 'apologies' ? memberEntries(split) : split;
  if (group === 'employees') {
    const [first, ...others] = entries;
    if (first === undefined) return lastDirectorate;
    // "Law and Governance G Holmes, C Taylor": the directorate leads the first name; a line of names alone continues the last one.
    const lead = directorateAndPerson(first);
    const directorate = lead.directorate === '' ? lastDirectorate : lead.directorate;
    attendance.employees.push({ name: lead.name, directorate });
    for (const name of others) attendance.employees.push({ name, directorate });
    return directorate;
  }
  for (const entry of entries) {
    const { name, note } = nameAndNote(entry);
    switch (group) {
      case 'members': {
        // "Councillor T Dale for Councillor U Ellis": a substitute listed among the members.
        const standIn = standingInOf(entry);
        if (standIn !== null) {
          attendance.substitutes.push(standIn);
          break;
        }
        // Only "(Chair)" is a flag; any other note ("Vice-Chair") stays with the name, as printed.
        attendance.members.push(/^chair$/i.test(note) ? { name, chair: true } : { name: entry, chair: false });
        break;
      }
      case 'coOpted':
        attendance.coOpted.push(/^non-voting$/i.test(note) ? { name, voting: false } : { name: entry, voting: true });
        break;
      case 'invited':
        attendance.invited.push({ name, capacity: note });
        break;
      case 'otherMembers':
        attendance.otherMembers.push({ name, portfolio: note });
        break;
      case 'apologies':
        attendance.apologies.push({ name, note });
        break;
      case 'substitutes': {
        const sentence = entry.replace(/^\((.*)\)$/, '$1');
        const at = sentence.toLowerCase().search(/\(?substitut(?:ing|e) for /);
        // "Councillor W Kerr for Councillor H Moss": the member stood in for, after "for" or "in place of".
        const standIn = at >= 0 ? null : standingInOf(sentence);
        if (standIn !== null) {
          attendance.substitutes.push(standIn);
          break;
        }
        const substitutingFor = at < 0 ? '' : sentence.slice(at).replace(/^\(?substitut(?:ing|e) for /i, '').replace(/\)$/, '').trim();
        attendance.substitutes.push({ name: at < 0 ? entry : sentence.slice(0, at).trim(), substitutingFor });
        break;
      }
    }
  }
  return lastDirectorate;
}

/** Reads the attendance from "Present:" (or the first group heading) to the end of `lines`. */
export function readAttendance(lines: readonly SourceLine[], ledger: Ledger): Attendance {
  const attendance = noAttendance();
  let group: Group | null = null;
  let directorate = '';
  for (const line of lines) {
    const heading = attendanceHeadingOf(line.key);
    const names = heading === null ? line : sliceLine(line, heading.namesAt);
    if (heading !== null) group = heading.group;
    else if (group === null || !looksLikeNames(line.key)) {
      group = null;
      continue;
    }
    ledger.place(line);
    if (names.key !== '') directorate = addNames(attendance, group, names.key.trim(), directorate);
  }
  return attendance;
}

/**
 * "Apologies for absence were received from Councillors A Brown and C Dee.", "An apology for absence
 * was received from Councillor C Ince", "Apologies were intimated from Cllr R Dow" (Scottish minutes),
 * "Apologies: Councillor D Fenn", and after "The Chair reported that …" or "It was noted that …":
 * the words naming who sent apologies.
 */
const apologiesSentence =
  /^(?:apologies|an?\s+apology)(?:\s+for\s+(?:absence|non-attendance|lateness))?\s+(?:were|was|had\s+been|have\s+been)\s+(?:received|submitted|given|noted|tendered|intimated|offered|made|reported)(?:\s+and\s+(?:accepted|noted|approved))?\s+(?:from|on\s+behalf\s+of|for|by)\s+(.+?)\.?$/i;
/** "There were apologies from Councillor G Elwood.", "RESOLVED that the apologies of Cllr G Elwood be accepted.": the names. */
const apologiesFrom = /^(?:there\s+were\s+apologies(?:\s+for\s+absence)?\s+from\s+(.+?)|(?:resolved|agreed)\s*[:,–—-]?\s*(?:that\s+)?(?:the\s+)?apologies\s+(?:of|from)\s+(.+?)\s+(?:be|were)\s+(?:accepted|noted|approved|received))\.?$/i;
const apologiesLabel = /^apologies(?:\s+for\s+absence)?\s*:\s*(.+)$/i;
/** "Cllr D Fairweather and Cllr M Jessop sent their apologies, which were accepted.": the names before the verb. */
const sentApologies = /^(.{3,300}?)\s+(?:had\s+)?(?:sent|gave|given|tendered|submitted|offered|sent\s+in|have\s+sent|has\s+sent)\s+(?:their|his|her|its)?\s*apolog(?:y|ies)(?:\s+for\s+(?:absence|non-attendance))?\b(?:\s*[,;]?\s*(?:which\s+(?:were|was)\s+(?:accepted|noted|received)|and\s+(?:these|this)\s+(?:were|was)\s+(?:accepted|noted)))?\.?$/i;
/** "The Chair reported that …", "It was noted that …": the words reporting the apologies, before the sentence that names them. */
const reportedThat = /^(?:(?:the\s+)?(?:chair(?:man|woman|person)?|clerk|mayor|provost|convener|convenor|vice-chair|committee|panel|council|board|democratic\s+services\s+officer|committee\s+(?:clerk|officer|administrator))\s+|it\s+was\s+)(?:reported|noted|announced|advised|informed\s+(?:the\s+)?(?:meeting|members|committee|panel|council))\s+that\s+/i;

/** The members a sentence or "Apologies:" line names as sending apologies, each with their title; null when it names none. */
export function apologiesNamed(text: string): string[] | null {
  if (text.length > 400) return null;
  const spoken = text.trim();
  // "The Chair reported that apologies had been received from …": the sentence that names them.
  const key = spoken.replace(reportedThat, '').replace(/^\p{Ll}/u, (first) => first.toUpperCase());
  const from = apologiesFrom.exec(key);
  const found = apologiesSentence.exec(key) ?? apologiesLabel.exec(key) ?? sentApologies.exec(key) ?? (from === null ? null : [from[0], from[1] ?? from[2]]);
  // The sentence may open a paragraph that goes on ("… from Councillor S Ward. The Chair welcomed …").
  const first = found === null ? apologiesSentence.exec(key.split(/(?<=\p{Ll}{2}|\))\.\s+(?=\p{Lu})/u)[0] ?? '') : found;
  if (first === null) return null;
  const listed = first[1] ?? '';
  // "Cllr G Elwood (work commitments) and accepted", "Cllr G Elwood, who was on holiday": the names without the reasons.
  const names = namesOf(listed) ?? namesOf(withoutReasons(listed));
  return names === null || names.length === 0 ? null : names;
}

/** A list of names without the reasons given with them: bracketed notes, and a clause after the last name ("… and accepted", ", who was unwell"). */
const withoutReasons = (list: string): string =>
  list
    .replace(/\s*\([^()]{0,120}\)/g, '')
    .replace(/(?:\s*,\s*|\s+)(?:who\s|which\s|and\s+(?:were|was|these|this)\s|and\s+(?:accepted|noted|approved)\b|these\s+were\s).*$/i, '')
    .trim();

/**
 * Where the attendance lists no apologies, those the "Apologies" item's minutes record ("Apologies for
 * absence were received from …"), added to the attendance; the item keeps its minutes too.
 */
export function apologiesFromItems(items: readonly Item[], attendance: Attendance): void {
  if (attendance.apologies.length > 0) return;
  for (const item of items) {
    if (!/apolog/i.test(item.title)) continue;
    for (const block of minutesOutline(item.minutes)) {
      if (block.kind !== 'paragraph') continue;
      const names = apologiesNamed(block.spans.map((span) => span.text).join(''));
      if (names === null) continue;
      for (const name of names) attendance.apologies.push({ name, note: '' });
      return;
    }
  }
}
