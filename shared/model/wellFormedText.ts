// Text as Minute Book keeps it: well-formed Unicode with no control characters but tab and line
// breaks. A lone surrogate ("\ud800", half of a UTF-16 pair) has no UTF-8 encoding, so canonical JSON
// (RFC 8785, the archive's content hash) refuses it and every writer has to guess; NUL and the other
// C0 controls are not text in any of the published forms (XML 1.0 forbids them outright). Applied
// at every boundary where text comes in: contract payloads (electron/services/handlers.ts dispatch),
// importers' input, and files read from disk.
import { ValidationError } from './validation.js';

// Lone high surrogates, lone low surrogates (a regex without the u flag sees code units), C0 controls
// other than \t \n \r, DEL, and the bidirectional embedding and override controls U+202A–U+202E: they
// reorder how the text around them is shown ("Trojan Source", CVE-2021-42574), so a committee name
// could read as another, and Unicode (UAX #9) recommends the isolates U+2066–U+2069 instead, which stay.
// eslint-disable-next-line no-control-regex
const notText = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e]/g;
// eslint-disable-next-line no-control-regex
const anyNotText = /[\ud800-\udfff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e]/;

/**
 * The text with each lone surrogate replaced by U+FFFD (what String.prototype.toWellFormed does, and
 * what a UTF-8 encoder writes), vertical tabs and form feeds (page breaks in converted documents) as
 * line breaks, and the other C0 controls, DEL and the bidirectional overrides U+202A–U+202E removed. Tab, LF and CR are kept. Linear; text that
 * needs nothing is returned as it is.
 */
export function wellFormedText(text: string): string {
  if (!anyNotText.test(text)) return text;
  return text.replace(notText, (character) => {
    const code = character.charCodeAt(0);
    if (code >= 0xd800) return '\ufffd';
    if (code >= 0x202a) return '';
    return code === 0x0b || code === 0x0c ? '\n' : '';
  });
}

/**
 * Deepest nesting of a contract payload or JSON file Minute Book accepts. The deepest real value is a
 * committee import (files → meetings → items → minutes) with bullets at the schema's limit of nine
 * levels (four JSON levels each), about 57 levels; 64 leaves room and keeps every recursive reader
 * (zod, ProseMirror, this walk) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 64;

const describeDepth = (where: string, limit: number): ValidationError =>
  new ValidationError(where, [`it is nested more than ${limit.toLocaleString('en-GB')} levels deep; Minute Book reads at most ${limit}`]);

/**
 * Values JSON.parse made from a text already known to be well-formed throughout (parseBoundedJson:
 * no character wellFormedText changes and no \u escape that could make one), with the text's depth.
 */
const parsedFromText = new WeakMap<object, number>();

/** Whether every string JSON.parse makes of `text` is well-formed text already: nothing to change, and no \u escape (which could spell one). Linear. */
export const isWellFormedJsonText = (text: string): boolean => !anyNotText.test(text) && !text.includes('\\u');

/** Records that `value` was parsed from a text for which isWellFormedJsonText holds, nested `depth` deep. */
export function markParsedFromWellFormedText(value: unknown, depth: number): void {
  if (value !== null && typeof value === 'object') parsedFromText.set(value, depth);
}

/**
 * A copy of a JSON-like value (plain objects, arrays, strings, numbers, booleans, null) with every
 * string, keys included, made well-formed text. Values nested deeper than `maxDepth` are refused with a
 * ValidationError naming `where`, before anything recursive (a schema) sees them. Unchanged strings are
 * shared, so the cost is one walk; a value parsed from a text already known well-formed and shallow
 * enough (markParsedFromWellFormedText) is answered as it is, without the walk (library.json at
 * 10,000 meetings: 300 ms of the opening).
 */
export function wellFormedDeep(value: unknown, where: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const depth = value !== null && typeof value === 'object' ? parsedFromText.get(value) : undefined;
  if (depth !== undefined && depth <= maxDepth) return value;
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return wellFormedText(node);
    if (node === null || typeof node !== 'object') return node;
    if (depth >= maxDepth) throw describeDepth(where, maxDepth);
    if (Array.isArray(node)) return node.map((child) => walk(child, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const name = wellFormedText(key);
      // defineProperty, so that a "__proto__" key (JSON.parse makes it an own property) stays a key;
      // only for that key, since it costs several times an assignment (library.json at 10,000 meetings).
      if (name === '__proto__') Object.defineProperty(copy, name, { value: walk(child, depth + 1), enumerable: true, writable: true, configurable: true });
      else copy[name] = walk(child, depth + 1);
    }
    return copy;
  };
  return walk(value, 0);
}
