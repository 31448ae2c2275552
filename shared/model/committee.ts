// A committee: the body that meets, its members, and the conventions its minutes follow.
import { z } from 'zod';
import { DeclarationKinds } from './declarationKinds.js';

export const Contact = z.object({
  name: z.string().trim().min(1, 'the contact needs a name'),
  phone: z.string().trim(),
  email: z.union([z.literal(''), z.email('not an email address')]),
});
export type Contact = z.infer<typeof Contact>;

export const MemberRole = z.enum(['chair', 'vice-chair', 'member', 'co-opted']);
export type MemberRole = z.infer<typeof MemberRole>;

export const CommitteeMember = z.object({
  name: z.string().trim().min(1, 'a member needs a name'),
  role: MemberRole,
  /** Co-opted members may be non-voting (seed 003: the Other Faiths representative). */
  voting: z.boolean(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

/**
 * How a committee prints its minute numbers (schema version 3). Numbers restart at the start of each
 * municipal year whatever the style; the style says only how the number is written beside the item:
 * "79." (Coventry's Agenda and minutes page), "79/16", "EX23", "PLN84/23", the year first ("26/14",
 * community councils), the calendar year rather than the municipal year ("35/26" in March 2026), with
 * sub-items under an item as "5.1", "11a" or "(a)". Version-2 files said `plain` or `with-year`:
 * shared/model/migrations.ts reads them as `plainNumbering` and `withYearNumbering`.
 */
export const NumberingStyle = z.object({
  /** The committee's letters before the number: "EX" of "EX23", "PLN" of "PLN84/23"; '' for none. */
  prefix: z.string().regex(/^[A-Za-z]{0,6}$/, 'a prefix is up to six letters, such as EX or PLN'),
  /** Where the year is printed: not at all ("79."), after the number ("79/16"), or before it ("26/14"). */
  yearAt: z.enum(['none', 'after', 'before']),
  /** Which year: the one the municipal year began in ("59/16" in January 2017), or the meeting's calendar year ("35/26" in March 2026). */
  yearOf: z.enum(['municipal', 'calendar']),
  /** Two digits ("79/16") or four ("79/2016"). */
  yearDigits: z.union([z.literal(2), z.literal(4)]),
  /** Between the number and the year: "/" in nearly every council; "-" in a few. */
  separator: z.enum(['/', '-']),
  /** What follows the number: "79." or "79". */
  terminator: z.enum(['.', '']),
  /** How a sub-item under an item is numbered: decimal "5.1", a letter after the number "11a", or a bracketed letter "(a)". */
  subItems: z.enum(['decimal', 'letter', 'bracketed-letter']),
});
export type NumberingStyle = z.infer<typeof NumberingStyle>;

/** "79.": the number alone, as the Agenda and minutes page prints it (version 2's `plain`). */
export const plainNumbering: NumberingStyle = { prefix: '', yearAt: 'none', yearOf: 'municipal', yearDigits: 2, separator: '/', terminator: '.', subItems: 'decimal' };
/** "79/16": the number and the two-digit year the municipal year began (version 2's `with-year`). */
export const withYearNumbering: NumberingStyle = { ...plainNumbering, yearAt: 'after', terminator: '' };

/** The two styles schema version 2 knew, by name. Minutes recorded as circulated under version 2 keep them (they are inside a signature). */
export const LegacyNumberingStyle = z.enum(['plain', 'with-year']);
export type LegacyNumberingStyle = z.infer<typeof LegacyNumberingStyle>;

/** A style as stored anywhere: the current shape, or a version-2 name. */
export const StoredNumberingStyle = z.union([NumberingStyle, LegacyNumberingStyle]);
export type StoredNumberingStyle = z.infer<typeof StoredNumberingStyle>;

/** The style a stored value means: a version-2 name as the style it always printed. */
export const numberingStyleFrom = (stored: StoredNumberingStyle): NumberingStyle =>
  stored === 'plain' ? plainNumbering : stored === 'with-year' ? withYearNumbering : stored;

/** What a standard agenda item starts as when a new meeting is created. */
export const StandardItemKind = z.enum(['declarations', 'previous-minutes', 'any-other-business', 'general']);
export type StandardItemKind = z.infer<typeof StandardItemKind>;

export const StandardAgendaItem = z.object({
  title: z.string().trim().min(1, 'a standard agenda item needs a title'),
  kind: StandardItemKind,
  source: z.string(),
  agendaText: z.string(),
});
export type StandardAgendaItem = z.infer<typeof StandardAgendaItem>;

export const CommitteeFields = z.object({
  name: z.string().trim().min(1, 'the committee needs a name'),
  council: z.string().trim().min(1, 'the council needs a name'),
  members: z.array(CommitteeMember),
  defaultVenue: z.string().trim(),
  contact: Contact,
  /** 1–12; English councils start their municipal year in May. */
  municipalYearStartMonth: z.number().int().min(1, 'months run 1–12').max(12, 'months run 1–12'),
  numberingStyle: NumberingStyle,
  standardAgenda: z.array(StandardAgendaItem),
  /**
   * The kinds of interest its members declare, as printed (shared/model/declarationKinds.ts; the 2020
   * model code unless the clerk chose another scheme). Files written before schema version 2 get the
   * model code when read (shared/model/migrations.ts).
   */
  declarationKinds: DeclarationKinds,
});
export type CommitteeFields = z.infer<typeof CommitteeFields>;

export const Committee = CommitteeFields.extend({
  id: z.uuid('not a committee id'),
  createdAt: z.iso.datetime(),
  /**
   * Set when the clerk archives the committee (it no longer meets, or was merged): its meetings stay in
   * the library, searchable, but the library list hides it until it is brought back. Absent when not.
   */
  archived: z.literal(true).optional(),
});
export type Committee = z.infer<typeof Committee>;

/** Whether two committee names are the same committee: imports match names regardless of case and spacing. */
export const sameCommitteeName = (a: string, b: string): boolean => {
  const settled = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();
  return settled(a) === settled(b);
};
