// Where the minutes are in their life, as every published form prints it. Draft and circulated minutes
// are not yet the record (they are agreed at a later meeting, then signed: DOMAIN.md, "Life of a set of
// minutes"), so each form marks them; signed minutes end with the Chair's signature, as the council's
// formal documents end with "Chair … Date …". Agreed minutes print neither: they read as published.
import { formatProseDate } from '../dates.js';
import { notYetAgreed, recordedLifecycle } from '../lifecycle/recorded.js';
import { tamperWarning } from '../lifecycle/signature.js';
import { paragraph } from '../editor/blocks.js';
import type { Item, Meeting } from '../model/meeting.js';

export const DRAFT_MARK = 'DRAFT – not yet agreed';
/** Printed instead of the signature on signed minutes whose words no longer match it (shared/lifecycle/signature.ts). */
export const NOT_AS_SIGNED_MARK = 'NOT THE SIGNED RECORD – changed after it was signed';

/** Signed minutes whose file no longer matches the signature: printed, for the clerk to see, but never over the Chair's name. */
const changedSinceSigned = (meeting: Meeting): boolean => meeting.lifecycle?.signed != null && tamperWarning(meeting) !== null;

// Each gives the lines a form prints, none or one, so a form spreads them where they go.

/** The draft mark, for minutes not yet agreed (status draft or circulated); the "not the signed record" mark for signed minutes changed since. */
export const draftMark = (meeting: Meeting): string[] => (changedSinceSigned(meeting) ? [NOT_AS_SIGNED_MARK] : notYetAgreed(meeting) ? [DRAFT_MARK] : []);

export interface Signature {
  chair: string;
  /** The ISO day signed on, or null when the record gives none that reads as a date. */
  on: string | null;
}

/** Who signed and on what day, once the lifecycle records the signing; null before. */
export function signature(meeting: Meeting): Signature | null {
  const { signedBy, signedOn } = recordedLifecycle(meeting);
  if (signedBy === null || changedSinceSigned(meeting)) return null;
  // Recorded as a date or a date-time; the signature gives the day, as a Chair dates it.
  return { chair: signedBy, on: signedOn !== null && /^\d{4}-\d{2}-\d{2}/.test(signedOn) ? signedOn.slice(0, 10) : null };
}

/** "Signed Councillor J Innes (Chair), 13 July 2017". */
export function signatureLine(meeting: Meeting): string[] {
  const signed = signature(meeting);
  return signed === null ? [] : [`Signed ${signed.chair} (Chair)${signed.on === null ? '' : `, ${formatProseDate(signed.on)}`}`];
}

/**
 * The item as published: minutes amended at a later meeting end with the note of the amendment
 * ("Amended by Minute 6/17."), so the record shows the correction was agreed, not made silently
 * (issue 9; the corrected text replaces the original, which stays in the history).
 */
export function publishedItem(meeting: Meeting, item: Item): Item {
  const notes = (meeting.lifecycle?.corrections ?? []).filter((correction) => correction.itemId === item.id).map((correction) => correction.note);
  return notes.length === 0 ? item : { ...item, minutes: [...item.minutes, ...notes.map((note) => paragraph(`${note}.`))] };
}
