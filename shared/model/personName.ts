// A person's name as a lifecycle step records it: the clerk who took the step, the Chair who signed;
// and the words a step records (a reason, a suggested correction).
// A name that prints as nothing (empty, spaces, zero-width characters) would leave the record
// unattributed, so it is refused wherever a name enters: preferences, the command line's --by, a
// signature's Chair.
import { z } from 'zod';

/** Most characters a recorded name may have. */
export const MOST_NAME_CHARACTERS = 200;

/** Why `name` cannot be recorded as a person's name, in the clerk's words; null when it can. */
export function personNameProblem(name: string): string | null {
  if (!/\p{L}/u.test(name)) return 'a name needs at least one letter';
  // A name is printed on one line in every step and signature.
  if (/[\n\r\u2028\u2029]/.test(name.trim())) return 'a name is written on one line';
  if (name.trim().length > MOST_NAME_CHARACTERS) return `a name has at most ${MOST_NAME_CHARACTERS} characters`;
  return null;
}

/** A person's name, trimmed: at least one letter, at most MOST_NAME_CHARACTERS. */
export const PersonName = z
  .string()
  .trim()
  .superRefine((name, context) => {
    const problem = personNameProblem(name);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * Text a clerk gives for the record (a reason, a suggested correction): trimmed, at most `most`
 * characters, and saying something — a letter or a digit, since spaces and zero-width characters
 * alone print as nothing. `missing` is the refusal in the clerk's words ("say why …").
 */
export const RecordedWords = (missing: string, most: number) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(most, `keep it under ${most.toLocaleString('en-GB')} characters`)
    .regex(/[\p{L}\p{N}]/u, missing);
