// The node side refuses a call with a message naming where it went wrong, the way a developer would
// ("lifecycle:sign: signedOn: 1 March 2027 is in the future: …", "preferences:set: clerkName: a name
// needs at least one letter"). The clerk sees the same refusal in their own words: no channel, and
// each field the dialogs ask for named as the dialog names it ("The date of signing, 1 March 2027,
// is in the future: …", "Your name needs at least one letter"). Fields not listed keep their path.
import { channelNames } from './channels.js';

/** "1 meeting", "3 meetings": a count with its noun agreeing, as a clerk writes it (never "meeting(s)"). */
export const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** How the dialogs name the fields of the calls they make. */
const fieldWords: Record<string, string> = {
  signedOn: 'The date of signing',
  chair: 'The Chair’s name',
  clerkName: 'Your name',
  where: 'Where the minutes were published',
  by: 'Who suggested it',
  text: 'The suggestion',
  reason: 'Why they go back to draft',
  minute: 'The approving minute',
  confirmedWarnings: 'The warnings confirmed',
};

/** Fields whose message says all there is: only the field goes ("amendments: Minute 3 is unchanged …" → "Minute 3 is unchanged …"). */
const fieldsThatNeedNoName = new Set(['amendments', 'baseRevision']);

const capitalised = (text: string) => (text === '' ? text : text[0]!.toUpperCase() + text.slice(1));

/** One problem ("signedOn: …") in the clerk's words; one naming no field starts with a capital when it starts the message. */
function problemInWords(problem: string, starts: boolean): string {
  const match = /^([A-Za-z]\w*)((?:\[\d+\]|\.\w+)*): (.+)$/s.exec(problem);
  if (match === null) return starts ? capitalised(problem) : problem;
  const [, field, , rest] = match as unknown as [string, string, string, string];
  if (fieldsThatNeedNoName.has(field)) return capitalised(rest);
  const words = fieldWords[field];
  if (words === undefined) return starts ? capitalised(problem) : problem;
  // "a name needs at least one letter" → "Your name needs at least one letter".
  const aName = /^a name (.+)$/s.exec(rest);
  if (aName !== null && words.endsWith('name')) return `${words} ${aName[1]!}`;
  // "1 March 2027 is in the future: …" → "The date of signing, 1 March 2027, is in the future: …".
  const dated = /^(\d{1,2} [A-Z][a-z]+ \d{4}) (is .+)$/s.exec(rest);
  if (dated !== null) return `${words}, ${dated[1]!}, ${dated[2]!}`;
  return `${words}: ${rest}`;
}

const problemsInWords = (problems: string, starts: boolean): string =>
  problems
    .split('; ')
    .map((problem) => problemInWords(problem, starts))
    .join('; ');

/**
 * A refusal's message as the clerk should read it: after a channel ("lifecycle:sign: …", the library's
 * own refusals) the problems alone, and after what the clerk was doing ("Minute Book could not sign
 * the minutes: …", the contract's) that, then the problems; any other message as it is.
 */
export function inClerkWords(message: string): string {
  const channel = channelNames.find((name) => message.startsWith(`${name}: `));
  if (channel !== undefined) return problemsInWords(message.slice(channel.length + 2), true);
  const doing = /^(Minute Book could not [^:]+: )(.+)$/s.exec(message);
  return doing === null ? message : `${doing[1]!}${problemsInWords(doing[2]!, false)}`;
}
