// The names a committee's minutes are full of — its members, its contact, its council and venue —
// that an English spelling dictionary does not know ("Akhtar", "Innes", "Coventry"): the desktop
// app adds them to its spell-checker so they are not marked as misspelt.
import type { Committee } from './committee.js';

/** Each word of the committees' names once, as written ("O'Boyle", "Lloyd-Jones"), leaving out initials. */
export function committeeNameWords(committees: readonly Committee[]): string[] {
  const names = committees.flatMap((committee) => [
    committee.council,
    committee.defaultVenue,
    committee.contact.name,
    ...committee.members.map((member) => member.name),
  ]);
  const words = names.flatMap((name) => name.match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []);
  return [...new Set(words)];
}
