// A person's name as a lifecycle step records it: the clerk who took the step, the Chair who signed.
// A name that prints as nothing (empty, spaces, zero-width characters) would leave the record
// unattributed, so it is refused wherever a name enters: preferences, the command line's --by, a
// signature's Chair.
import { z } from 'zod';

/** Most characters a recorded name may have. */
export const MOST_NAME_CHARACTERS = 200;

/** Why `name` cannot be recorded as a person's name, in the clerk's words; null when it can. */
export function personNameProblem(name: string): string | null {
  if (!/\p{L}/u.test(name)) return 'a name needs at least one letter';
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
