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
 * How minute numbers are written. Both restart at the start of each municipal year:
 * `plain` prints "79." (the Agenda and minutes page), `with-year` prints "79/16" (how minutes cite each other).
 */
export const NumberingStyle = z.enum(['plain', 'with-year']);
export type NumberingStyle = z.infer<typeof NumberingStyle>;

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
