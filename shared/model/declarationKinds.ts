// The kinds of interest a committee's members declare. England's 2020 model code of conduct is one
// scheme among several (DOMAIN.md, "Interests"): Wales and the older English codes use personal and
// prejudicial interests, some councils add "significant other interest", and some record lobbying
// (not an interest at all). Each committee keeps its own list; these are the presets it starts from.
import { z } from 'zod';

/** A kind's id: lower-case words joined by hyphens, stored in each declaration's `kind` attribute. */
export const DECLARATION_KIND_ID = /^[a-z][a-z0-9-]*$/;

export const DeclarationKind = z.object({
  id: z.string().regex(DECLARATION_KIND_ID, 'expected an id of lower-case words joined by hyphens, such as disclosable-pecuniary'),
  /** As printed after "declared a" / "declared an": "disclosable pecuniary interest". */
  label: z.string().trim().min(1, 'a kind of interest needs a label'),
  /** Whether the kind bars the member from the vote (and, usually, the room) under the code it belongs to. */
  prejudicial: z.boolean(),
});
export type DeclarationKind = z.infer<typeof DeclarationKind>;

/** A committee's list: at least one kind, each id once. */
export const DeclarationKinds = z
  .array(DeclarationKind)
  .min(1, 'a committee needs at least one kind of interest')
  .refine((kinds) => new Set(kinds.map((kind) => kind.id)).size === kinds.length, { message: 'each kind of interest is listed once' });

/** England's 2020 Local Government Association model code: the default for a new committee. */
export const modelCode2020: readonly DeclarationKind[] = [
  { id: 'disclosable-pecuniary', label: 'disclosable pecuniary interest', prejudicial: true },
  { id: 'other-registrable', label: 'other registrable interest', prejudicial: false },
  { id: 'non-registrable', label: 'non-registrable interest', prejudicial: false },
];

/** The Welsh code and England's codes before 2012: personal and prejudicial interests. */
export const walesAndOlderCodes: readonly DeclarationKind[] = [
  { id: 'personal', label: 'personal interest', prejudicial: false },
  { id: 'prejudicial', label: 'prejudicial interest', prejudicial: true },
  { id: 'personal-and-prejudicial', label: 'personal and prejudicial interest', prejudicial: true },
];

/** Kinds any committee may add to its scheme. Lobbying is recorded by some councils though it is not an interest. */
export const extraDeclarationKinds: readonly DeclarationKind[] = [
  { id: 'significant-other', label: 'significant other interest', prejudicial: true },
  { id: 'lobbying', label: 'declaration of lobbying', prejudicial: false },
];

/**
 * Scotland's Councillors' Code of Conduct (2021), section 5: financial and non-financial interests.
 * Neither bars a member by its kind alone: the member withdraws where the code's objective test says
 * the interest is one a member of the public would think prejudices their discussion or decision.
 */
export const scottishCode2021: readonly DeclarationKind[] = [
  { id: 'financial', label: 'financial interest', prejudicial: false },
  { id: 'non-financial', label: 'non-financial interest', prejudicial: false },
];

export const declarationKindPresets = { modelCode2020, walesAndOlderCodes } as const;

/** Every kind Minute Book knows by name, for importers reading another council's words (Scottish minutes' among them). */
export const knownDeclarationKinds: readonly DeclarationKind[] = [...modelCode2020, ...walesAndOlderCodes, ...extraDeclarationKinds, ...scottishCode2021];

/**
 * What the minutes say when no one declares an interest. "There were no disclosable pecuniary
 * interests." names the model code's own kind (Coventry's form, seeds 001 and 004); a committee under
 * another scheme (Wales, the older codes) says "There were no declarations of interest." instead.
 */
export const nilDeclarationsStatement = (kinds: readonly Pick<DeclarationKind, 'id'>[]): string =>
  kinds.some((kind) => kind.id === 'disclosable-pecuniary') ? 'There were no disclosable pecuniary interests.' : 'There were no declarations of interest.';

/** A fresh copy of the default list, for a new committee or one written before kinds were kept. */
export const defaultDeclarationKinds = (): DeclarationKind[] => modelCode2020.map((kind) => ({ ...kind }));

/** The kind with this id in the committee's list, else among the known kinds, else undefined. */
export const findDeclarationKind = (kinds: readonly DeclarationKind[], id: string): DeclarationKind | undefined =>
  kinds.find((kind) => kind.id === id) ?? knownDeclarationKinds.find((kind) => kind.id === id);

/**
 * The label printed for a declaration's kind: the committee's, else a known kind's, else the id in
 * words ("council-tenancy" → "council tenancy interest") so a kind dropped from the list still reads.
 */
export function declarationKindLabel(kinds: readonly DeclarationKind[], id: string): string {
  return findDeclarationKind(kinds, id)?.label ?? `${id.replace(/-/g, ' ')} interest`;
}

/** Whether a declaration of this kind bars the member from the vote; an unknown kind does not. */
export const barsFromVote = (kinds: readonly DeclarationKind[], id: string): boolean => findDeclarationKind(kinds, id)?.prejudicial ?? false;
