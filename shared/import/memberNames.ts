// Members as minutes name them in running text: "Councillor J Innes", "Cllr. A Patel", "Mrs S Lamb",
// "the Chair", "the Vice-Chair", and lists of them ("Councillors K Rahman, L Doyle and M Flint") in
// recorded votes. Used to tell a sentence about a member ("Councillor X left the meeting") from one
// about anything else ("The applicant arrived at the conclusion …").

const title = /^(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|mx|dr|prof(?:essor)?|sir|dame|lord|lady|alderman|the\s+(?:vice[- ])?chair(?:man|woman|person)?|the\s+mayor|the\s+deputy\s+mayor|the\s+leader(?:\s+of\s+the\s+council)?|the\s+deputy\s+leader)\b/i;
/** A word of a name: capitalised ("Innes", "O'Brien", "Smith-Jones"), initials ("J", "J.R."), or a particle ("de", "van"). */
const nameWord = /^(?:\p{Lu}[\p{L}'’.-]*|(?:de|du|van|von|der|la|le|da|di|al|bin|ap)|\(?(?:vice[- ])?chair\)?)$/u;

/**
 * Whether the words name a member: a title ("Councillor", "Cllr", "Mrs", "the Chair") then at most
 * five words of a name, or two to four capitalised words. "The applicant", "Members" and clauses with
 * verbs do not.
 */
export function isMemberName(words: string): boolean {
  const text = words.trim();
  if (text === '' || text.length > 60) return false;
  const titled = title.exec(text);
  const rest = (titled === null ? text : text.slice(titled[0].length)).trim().split(/\s+/).filter((word) => word !== '');
  if (titled !== null) return rest.length <= 5 && rest.every((word) => nameWord.test(word));
  return rest.length >= 2 && rest.length <= 4 && rest.every((word) => nameWord.test(word)) && /^\p{Lu}/u.test(rest[0] ?? '');
}

/** "Councillor I Foster" from "The Vice-Chair, Councillor I Foster," or "Councillor X Yates (Vice-Chair)": the name without the office. */
export function memberOf(words: string): string {
  let text = words.trim().replace(/^[,\s]+|[,\s]+$/g, '');
  const office = /^the\s+(?:vice[- ])?chair(?:man|woman|person)?\s*,\s*(.+)$/i.exec(text);
  if (office !== null && isMemberName(office[1] ?? '')) text = (office[1] ?? '').replace(/,\s*$/, '').trim();
  return text.replace(/\s*\((?:the\s+)?(?:vice[- ])?chair(?:man|woman|person)?\)$/i, '').trim();
}

/** A list's shared title, "Councillors" or "Cllrs", which each name after it takes in the singular. */
const councillors = /^(?:councillors|cllrs\.?)\s+/i;
/** "Councillor " for "Councillors …", "Cllr " for "Cllrs …". */
export const singularTitle = (plural: string): string => (/^cllrs/i.test(plural) ? 'Cllr ' : 'Councillor ');
const ownTitle = /^(?:councillor|cllr\.?|mr|mrs|ms|miss|mx|dr|prof(?:essor)?|sir|dame|lord|lady|alderman)\s/i;

/**
 * The names of a list as printed ("Councillors K Rahman, L Doyle and M Flint", "Mr A Smith and
 * Councillor B Jones", "None"), each with its title: names after "Councillors" are each a
 * "Councillor", as shared/export/motionText.ts `namesText` prints them. Null when a piece is not a name.
 */
export function namesOf(list: string): string[] | null {
  const text = list.trim().replace(/[.;]\s*$/, '').trim();
  if (/^(?:none|nil|no\s?one|-|–)$/i.test(text) || text === '') return [];
  const pieces = text.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((piece) => piece !== '');
  let shared = '';
  const names: string[] = [];
  for (const piece of pieces) {
    if (councillors.test(piece)) {
      shared = singularTitle(piece);
      names.push(`${shared}${piece.replace(councillors, '')}`);
    } else if (ownTitle.test(piece)) {
      shared = '';
      names.push(piece);
    } else {
      names.push(`${shared}${piece}`);
    }
  }
  return names.every(isMemberName) ? names : null;
}
