// Declarations of interests as councils minute them (DOMAIN.md, "Interests"), one sentence each:
// "Councillor X declared a personal and prejudicial interest in item 6 as … and left the room.",
// "… a disclosable pecuniary interest in agenda item 8 …, and took no part in the vote.", "… made a
// declaration of lobbying in respect of item 7.", "… declared that he had been lobbied on item 6.".
// The kind is the committee's (its list, shared/model/declarationKinds.ts) or a kind Minute Book
// knows; words that name neither are left for the caller to keep as text.
import type { DeclarationAction } from '../editor/schema.js';
import { knownDeclarationKinds, type DeclarationKind } from '../model/declarationKinds.js';
import { isMemberName, namesOf } from './memberNames.js';

export interface DeclarationSentence {
  /** Who declared, as named ("Councillor X"); for "Councillors A and B declared …", the first. */
  member: string;
  /** Every member the sentence names, each with their title ("Councillor A", "Councillor B"); [member] for one. */
  members: string[];
  /** A kind id; null when the words name no kind the committee or Minute Book knows. */
  kind: string | null;
  /** The words the minutes used for the kind ("personal and prejudicial", "" for "an interest"). */
  kindWords: string;
  /** Whether the words only approximate the kind ("a pecuniary interest" read as disclosable pecuniary), so the clerk should check it. */
  approximate: boolean;
  /** The item as the sentence names it: "6" for "in item 6", "Minute 74" for "in Minute 74"; '' when it names none. */
  item: string;
  /**
   * Each member's items, for a declaration on several ("in items 40 and 41": every member on each;
   * "… in items 33 and 34 respectively": the first member on the first, and so on); [[item]] for one.
   */
  itemsOf: string[][];
  action: DeclarationAction;
  /** Where what was declared starts and ends in the line. */
  textAt: number;
  textEnd: number;
}

/** Older and looser words, read as the nearest kind of England's model code; the clerk is told to check. */
const approximateKinds: Record<string, string> = {
  '': 'other-registrable',
  pecuniary: 'disclosable-pecuniary',
  disclosable: 'disclosable-pecuniary',
  registrable: 'other-registrable',
  'non-pecuniary': 'non-registrable',
};

/** The kind whose label is these words (with or without "interest"): the committee's first, then the known kinds. */
function kindNamed(words: string, kinds: readonly DeclarationKind[]): string | null {
  const wanted = words.toLowerCase().replace(/\s+/g, ' ').trim();
  const label = (kind: DeclarationKind) => kind.label.toLowerCase().replace(/\s+interests?$/, '');
  return (kinds.find((kind) => label(kind) === wanted) ?? knownDeclarationKinds.find((kind) => label(kind) === wanted))?.id ?? null;
}

const listLabel = /^\(?(?:[a-z]|[ivx]{2,4}|\d{1,2})[.)]\s+/i;
/** "a personal interest", "their other registrable interests", and without an article "personal interests" (its words then only an interest's). */
const declaredKind =
  /^(?:(?:an?|their|the\s+following)\s+((?:[a-z][a-z-]*\s+){0,5}?)|((?:(?:personal|prejudicial|pecuniary|disclosable|other|registrable|non-registrable|non-pecuniary|financial|non-financial|significant|and)\s+){1,5}))interests?\b/i;
const lobbying = /^(?:made\s+an?\s+declaration\s+of\s+lobbying|declared\s+(?:that\s+(?:he|she|they)\s+(?:had|has|have)\s+been\s+lobbied(?:\s+by\s+[^,.]{1,80}?)?|an?\s+(?:declaration\s+of\s+)?lobbying(?:\s+interest)?))\b/i;
/** "in items 40 and 41", "in minutes 33, 34 and 36 respectively": the list and whether it pairs with the members named. */
const inItems = /^\s*,?\s*(?:in|on|relating\s+to|regarding|in\s+respect\s+of|in\s+relation\s+to|concerning)\s+(?:agenda\s+)?(items|minutes)\s+(?:nos?\.?\s*)?((?:[A-Z]{0,6}\d{1,4}(?:\/\d{2}|\.\d{1,2})?[a-z]?)(?:\s*(?:,|and|&)\s*[A-Z]{0,6}\d{1,4}(?:\/\d{2}|\.\d{1,2})?[a-z]?)+)\b(\s+respectively)?/i;
const inItem = /^\s*,?\s*(?:in|on|relating\s+to|regarding|in\s+respect\s+of|in\s+relation\s+to|with\s+regard\s+to|concerning)\s+(?:agenda\s+)?(item|minute)\s+(?:no\.?\s*)?((?:[A-Z]{1,6}(?=\d))?\d{1,4}(?:\/\d{2}|\.\d{1,2}|\([a-z]\))?[a-z]?)\b/i;

/** What the member did, each as councils say it; the first found wins, so "stayed but did not vote" is not "did not vote". */
const actions: [RegExp, Exclude<DeclarationAction, ''>][] = [
  [/\b(?:stayed|remained)(?:\s+in\s+the\s+(?:room|meeting|chamber))?\s*,?\s+but\s+did\s+not\s+vote\b|\bspoke\s+but\s+did\s+not\s+vote\b/i, 'stayed-no-vote'],
  [/\b(?:stayed|remained)(?:\s+in\s+the\s+(?:room|meeting|chamber))?\s+(?:and|to)\s+(?:spoke|speak|took\s+part\s+in\s+the\s+debate)\b/i, 'stayed-spoke'],
  [/\btook\s+no\s+part\s+in\s+the\s+(?:vote|voting|decision|discussion\s+(?:and|or)\s+(?:the\s+)?(?:vote|voting|decision))\b|\bdid\s+not\s+(?:vote|take\s+part\s+in\s+the\s+vote)\b/i, 'no-vote'],
  [/\b(?:left|withdrew\s+from|retired\s+from)\s+the\s+(?:meeting\s+room|council\s+chamber|room|meeting|chamber)\b/i, 'left-room'],
];
/** The words joining the action to what was declared: ", and", "; she", " and". */
const joiner = /(?:\s*[,;]\s*(?:and\s+)?(?:(?:he|she|they|the\s+member)\s+)?|(?:^|\s+)and\s+(?:(?:he|she|they)\s+)?)$/i;

/** What the member did, and where in `text` its clause starts; only when the clause ends the sentence, so nothing after it is lost. */
function actionIn(text: string): { action: DeclarationAction; at: number } {
  for (const [pattern, action] of actions) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const after = text.slice(match.index + match[0].length);
    if (!/^[^,;.]{0,60}\.?\s*$/.test(after)) continue;
    const before = text.slice(0, match.index);
    const joined = joiner.exec(before);
    return { action, at: joined === null ? match.index : joined.index };
  }
  return { action: '', at: text.length };
}

/**
 * "Councillor X declared a disclosable pecuniary interest in item 7 …": who, the kind, the item and
 * what they did, and where the declared words are. Null when the line is not a member's declaration.
 */
export function declarationOf(key: string, kinds: readonly DeclarationKind[]): DeclarationSentence | null {
  // "(a) Councillor X declared …", "2. Councillor Y declared …": a lettered or numbered list of declarations.
  const from = listLabel.exec(key)?.[0].length ?? 0;
  const found = /\s(?:declared|made\s+an?\s+declaration)\s/i.exec(key.slice(from, from + 200));
  if (found === null || found.index <= 0) return null;
  const verb = { index: from + found.index };
  // "Mr T Imlach (co-opted member) declared …": the note after the name is not the name.
  const named = key.slice(from, verb.index).trim().replace(/\s*\([^()]{1,80}\)$/, '');
  const members = isMemberName(named) ? [named] : (namesOf(named) ?? []);
  const member = members[0];
  if (member === undefined) return null;
  const after = key.slice(verb.index + 1);
  let kind: string | null;
  let kindWords: string;
  let approximate = false;
  let textAt = verb.index + 1;
  const lobbied = lobbying.exec(after);
  if (lobbied !== null) {
    kindWords = 'lobbying';
    kind = kinds.find((each) => /lobbying/i.test(each.label))?.id ?? 'lobbying';
    textAt += lobbied[0].length;
  } else {
    const declared = /^declared\s+/i.exec(after);
    const interest = declared === null ? null : declaredKind.exec(after.slice(declared[0].length));
    if (declared === null || interest === null) return null;
    kindWords = (interest[1] ?? interest[2] ?? '').trim().toLowerCase();
    kind = kindNamed(kindWords, kinds);
    if (kind === null && kindWords in approximateKinds) {
      kind = approximateKinds[kindWords] ?? null;
      approximate = true;
    }
    textAt += declared[0].length + interest[0].length;
  }
  const several = inItems.exec(key.slice(textAt));
  const item = several === null ? inItem.exec(key.slice(textAt)) : null;
  if (item !== null) textAt += item[0].length;
  if (several !== null) textAt += several[0].length;
  const rest = key.slice(textAt);
  textAt += rest.length - rest.replace(/^[\s:;,]*/, '').length;
  const { action, at } = actionIn(key.slice(textAt));
  // "in Minute 74" names the minute, and is a citation of it (shared/search/minuteReferences.ts): the word is kept; "in item 6" is the agenda's number.
  const asNamed = (word: string, number: string) => (/^minutes?$/i.test(word) ? `Minute ${number}` : number);
  const itemNamed = item === null ? '' : asNamed(item[1] ?? '', item[2] ?? '');
  const listed = several === null ? [itemNamed] : (several[2] ?? '').split(/\s*(?:,|\band\b|&)\s*/).filter((each) => each !== '').map((each) => asNamed(several[1] ?? '', each));
  const paired = several?.[3] !== undefined && listed.length === members.length;
  const itemsOf = members.map((_, index) => (paired ? [listed[index] as string] : listed));
  return { member, members, kind, kindWords, approximate, item: listed[0] ?? '', itemsOf, action, textAt, textEnd: textAt + at };
}
