// Brings files written by an earlier Minute Book up to the current schema version, before they are
// validated. Pure and value-preserving: reading never writes, so a file is rewritten in the current
// version only when it is next saved, and a migration never changes a meeting (a signature or an
// archive's content hash made before keeps matching).
//
// Version 2 (issue 10): committees carry their kinds of interest (`declarationKinds`; files before
// get England's 2020 model code, the only scheme version 1 knew). Everything else version 2 adds is
// optional or an attribute with a default (motions, attendance events, a declaration's action, a
// resolution's lead, a meeting's adjournments), so version-1 meetings mean the same unchanged.
//
// Version 3 (issue 11): a committee's numbering style is a shape (prefix, where and which year, sub-items)
// instead of the names `plain` and `with-year`, which become the styles they printed. An item may keep the
// number its document printed (`printedNumber`, optional), so version-2 meetings are unchanged; the
// committee recorded inside circulated minutes (`lifecycle.recordedAs`) keeps its name, being signed.
import { LegacyNumberingStyle, numberingStyleFrom } from './committee.js';
import { defaultDeclarationKinds } from './declarationKinds.js';

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A version-1 committee with the 2020 model code as its kinds of interest; anything not a committee is left to validation. */
export const committeeToVersion2 = (committee: unknown): unknown =>
  isObject(committee) && committee['declarationKinds'] === undefined ? { ...committee, declarationKinds: defaultDeclarationKinds() } : committee;

/** A version-2 committee with its numbering style's name as the style it printed ("plain" → "79.", "with-year" → "79/16"). */
export const committeeToVersion3 = (committee: unknown): unknown => {
  if (!isObject(committee)) return committee;
  const named = LegacyNumberingStyle.safeParse(committee['numberingStyle']);
  return named.success ? { ...committee, numberingStyle: numberingStyleFrom(named.data) } : committee;
};

/** A committee of version 1 or 2 as version 3. */
export const committeeToCurrent = (committee: unknown): unknown => committeeToVersion3(committeeToVersion2(committee));

const versionOf = (raw: unknown): unknown => (isObject(raw) ? raw['schemaVersion'] : undefined);
const isOlder = (raw: unknown): raw is Raw => isObject(raw) && (versionOf(raw) === 1 || versionOf(raw) === 2);

/** meetings/<id>.json: versions 1 and 2 → 3 bring the meeting's copy of its committee (when kept) up to date; the meeting itself is unchanged. */
export function migrateMeetingFile(raw: unknown): unknown {
  if (!isOlder(raw)) return raw;
  return { ...raw, schemaVersion: 3, ...(raw['committee'] === undefined ? {} : { committee: committeeToCurrent(raw['committee']) }) };
}

/** library.json: versions 1 and 2 → 3 bring every committee up to date. */
export function migrateLibraryFile(raw: unknown): unknown {
  if (!isOlder(raw)) return raw;
  return { ...raw, schemaVersion: 3, committees: Array.isArray(raw['committees']) ? raw['committees'].map(committeeToCurrent) : raw['committees'] };
}

/** preferences.json and signatures.json: nothing in them changed in versions 2 and 3. */
export function migrateVersionOnly(raw: unknown): unknown {
  return isOlder(raw) ? { ...raw, schemaVersion: 3 } : raw;
}
