// Comings and goings as councils minute them in an item (DOMAIN.md, "Attendance"), read back into
// attendance_event attributes: "Councillor X arrived at 10.10 am", "… joined the meeting", "… left the
// meeting during consideration of this item", "… left the room for this item having declared …",
// "Having declared a prejudicial interest, Councillor X left the room …", "… returned to the meeting",
// "The Vice-Chair, Councillor Y, took the Chair for this item", "… vacated the Chair", "The meeting
// adjourned at 3.10 pm for a comfort break", "The meeting reconvened at 3.25 pm". The sentences
// shared/model/attendanceEvents.ts writes are among them. The block keeps the sentence as printed;
// these are its attributes.
import type { AttendanceEventAttrs, AttendanceEventKind } from '../editor/schema.js';
import { findTime } from './datesAndTimes.js';
import { isMemberName, memberOf } from './memberNames.js';

/** The sentence without the brackets some councils print it in and without its full stop. */
const sentenceOf = (key: string): string =>
  key
    .trim()
    .replace(/^\((.*)\)\.?$/, '$1')
    .replace(/\.\s*$/, '')
    .trim();

const verbs: { pattern: RegExp; event: AttendanceEventKind }[] = [
  { pattern: /\b(?:arrived|joined\s+the\s+meeting|entered\s+the\s+(?:meeting|room|chamber))\b/i, event: 'arrived' },
  { pattern: /\b(?:returned\s+to\s+the\s+(?:meeting|room|chamber)|re-?joined\s+the\s+meeting|re-?entered\s+the\s+(?:meeting|room|chamber))\b/i, event: 'returned' },
  { pattern: /\b(?:vacated|left)\s+the\s+chair\b/i, event: 'left-chair' },
  { pattern: /\b(?:left|withdrew\s+from|exited)\s+the\s+(?:meeting\s+room|council\s+chamber|meeting|room|chamber)\b/i, event: 'left' },
  { pattern: /\b(?:took|assumed|occupied)\s+the\s+chair\b/i, event: 'took-chair' },
];

/** What may follow the verb: a time, "during consideration of this item", "for this item", "late", "and did not return". */
const tailWords =
  /^(?:\s*,?\s*(?:late|at\s+the\s+meeting|to\s+the\s+meeting|TIME|at\s+TIME|\(TIME\)|during\s+(?:the\s+)?(?:consideration|discussion|debate)\s+(?:of|on)\s+(?:this|the|that)\s+(?:item|matter|application)|during\s+(?:this|the|that)\s+item|for\s+(?:the\s+(?:duration|remainder)\s+of\s+)?(?:this|the|that)\s+item|(?:at\s+the\s+end\s+of|after|before)\s+(?:this|the|that)\s+item|and\s+did\s+not\s+return|and\s+took\s+no\s+(?:further\s+)?part\s+in\s+the\s+meeting|for\s+the\s+rest\s+of\s+the\s+meeting|having\s+declared\s+[^,]{1,100}))*\s*$/i;
const forItem = /\bduring\s+(?:the\s+)?(?:consideration|discussion|debate)\b|\bduring\s+(?:this|the|that)\s+item|\bfor\s+(?:the\s+(?:duration|remainder)\s+of\s+)?(?:this|the|that)\s+item/i;

/** "having declared a prejudicial interest" → "declared a prejudicial interest" (the reason is a past clause, as attendanceEventText writes it). */
const reasonPattern = /\bhaving\s+(declared\s+[^,]{1,100}?)(?=\s*,|$)/i;

/** The time in the sentence as "HH:MM", or ''. Replaced by TIME so that the tail can be checked. */
function withoutTime(text: string): { text: string; time: string } {
  const found = findTime(text);
  if (found === null) return { text, time: '' };
  const after = text.slice(found.start).match(/^\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.?\s?m\b\.?)?|^(?:noon|midday)/i)?.[0] ?? '';
  return { text: `${text.slice(0, found.start)}TIME${text.slice(found.start + after.length)}`, time: found.time };
}

/** The meeting adjourning or resuming, said of the meeting as a whole: "The meeting adjourned at 3.10 pm for a comfort break." */
function meetingEventOf(sentence: string): AttendanceEventAttrs | null {
  const adjourned = /^the\s+meeting\s+(?:was\s+)?adjourned\b/i.exec(sentence);
  if (adjourned !== null && !/\b(?:reconvened|resumed)\b/i.test(sentence)) {
    const { text, time } = withoutTime(sentence.slice(adjourned[0].length));
    const reason = text.replace(/^\s*(?:at\s+)?TIME/, '').trim();
    if (time === '' || reason.includes('TIME') || reason.length > 80) return null;
    return { member: '', event: 'adjourned', time, reason };
  }
  const resumed = /^the\s+meeting\s+(?:reconvened|resumed|was\s+reconvened)\b/i.exec(sentence);
  if (resumed === null) return null;
  const { text, time } = withoutTime(sentence.slice(resumed[0].length));
  return /^\s*(?:at\s+)?(?:TIME)?\s*$/.test(text) ? { member: '', event: 'resumed', time, reason: '' } : null;
}

/**
 * An attendance event from one line, or null when the line is not one. The member must read as a
 * member's name and nothing but a time, the item, "late" or a declared interest may follow the verb,
 * so "The applicant arrived at the conclusion …" stays text.
 */
export function attendanceEventOf(key: string): AttendanceEventAttrs | null {
  if (key.length > 300) return null;
  const sentence = sentenceOf(key);
  const meeting = meetingEventOf(sentence);
  if (meeting !== null) return meeting;
  let reason = '';
  let text = sentence;
  const leading = /^having\s+(declared\s+[^,]{1,100}),\s*/i.exec(text);
  if (leading !== null) {
    reason = leading[1] ?? '';
    text = text.slice(leading[0].length);
  }
  const verb = verbs
    .map(({ pattern, event }) => ({ event, match: pattern.exec(text) }))
    .filter((found): found is { event: AttendanceEventKind; match: RegExpExecArray } => found.match !== null)
    .sort((a, b) => a.match.index - b.match.index)[0];
  if (verb === undefined) return null;
  let who = text.slice(0, verb.match.index).trim();
  const between = reasonPattern.exec(who);
  if (between !== null) {
    reason ||= between[1] ?? '';
    who = who.slice(0, between.index).replace(/,\s*$/, '');
  }
  const member = memberOf(who.replace(/,\s*$/, ''));
  if (!isMemberName(member)) return null;
  const { text: tail, time } = withoutTime(text.slice(verb.match.index + verb.match[0].length));
  if (!tailWords.test(tail)) return null;
  const after = reasonPattern.exec(tail);
  if (after !== null) reason ||= after[1] ?? '';
  let event = verb.event;
  // Leaving for the item, or because of a declared interest, is leaving for that item only.
  if (event === 'left' && (forItem.test(tail) || reason !== '')) event = 'left-for-item';
  return { member, event, time, reason: reason.trim() };
}

const substituting = /^(.{1,60}?)\s*,?\s+(?:was\s+)?(?:substituting\s+for|substituted\s+for|(?:attended\s+|was\s+present\s+)?as\s+(?:a\s+|the\s+)?substitute\s+for|(?:attended\s+)?in\s+place\s+of)\s+(.{1,60}?)\s*\.?$/i;

/** "Councillor X substituting for Councillor Y" (and "attended as a substitute for") in an item's minutes, or null. */
export function substituteOf(key: string): { name: string; substitutingFor: string } | null {
  if (key.length > 200) return null;
  const match = substituting.exec(sentenceOf(key));
  if (match === null) return null;
  const name = (match[1] ?? '').trim();
  const substitutingFor = (match[2] ?? '').trim();
  return isMemberName(name) && isMemberName(substitutingFor) ? { name, substitutingFor } : null;
}
