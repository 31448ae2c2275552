// Brings files written by an earlier Minute Book up to the current schema version, before they are
// validated. Pure and value-preserving: reading never writes, so a file is rewritten in the current
// version only when it is next saved, and a migration never changes a meeting (a signature or an
// archive's content hash made before keeps matching).
//
// Version 2 (issue 10): committees carry their kinds of interest (`declarationKinds`; files before
// get England's 2020 model code, the only scheme version 1 knew). Everything else version 2 adds is
// optional or an attribute with a default (motions, attendance events, a declaration's action, a
// resolution's lead, a meeting's adjournments), so version-1 meetings mean the same unchanged.
import { defaultDeclarationKinds } from './declarationKinds.js';

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A version-1 committee with the 2020 model code as its kinds of interest; anything not a committee is left to validation. */
export const committeeToVersion2 = (committee: unknown): unknown =>
  isObject(committee) && committee['declarationKinds'] === undefined ? { ...committee, declarationKinds: defaultDeclarationKinds() } : committee;

const versionOf = (raw: unknown): unknown => (isObject(raw) ? raw['schemaVersion'] : undefined);

/** meetings/<id>.json: version 1 → 2 gives the meeting's copy of its committee (when kept) the model code. */
export function migrateMeetingFile(raw: unknown): unknown {
  if (!isObject(raw) || versionOf(raw) !== 1) return raw;
  return { ...raw, schemaVersion: 2, ...(raw['committee'] === undefined ? {} : { committee: committeeToVersion2(raw['committee']) }) };
}

/** library.json: version 1 → 2 gives every committee the model code. */
export function migrateLibraryFile(raw: unknown): unknown {
  if (!isObject(raw) || versionOf(raw) !== 1) return raw;
  return { ...raw, schemaVersion: 2, committees: Array.isArray(raw['committees']) ? raw['committees'].map(committeeToVersion2) : raw['committees'] };
}

/** preferences.json: nothing in it changed in version 2. */
export function migratePreferencesFile(raw: unknown): unknown {
  return isObject(raw) && versionOf(raw) === 1 ? { ...raw, schemaVersion: 2 } : raw;
}
