// JSON read with limits, for everything Minute Book reads from outside: library files, archives being
// imported, and calls to the browser bridge. JSON.parse itself copes with any depth, but what reads
// the result does not: zod's recursive schemas, ProseMirror's nodeFromJSON and structured walks all
// recurse, and about a thousand levels overflow the stack ("Maximum call stack size exceeded"), while
// a ten-million-deep array keeps JSON.parse busy for seconds. So size and depth are checked first, by
// one linear scan of the brackets outside strings, and only then is the text parsed.
import { MAX_JSON_DEPTH, isWellFormedJsonText, markParsedFromWellFormedText } from './wellFormedText.js';
import { ValidationError } from './validation.js';

export interface JsonLimits {
  /** Largest text accepted, in UTF-8 bytes. Default 32 MB: the bridge's largest call, and far more than a year of any committee's minutes. */
  maxBytes?: number;
  /** Deepest nesting of arrays and objects accepted (the top-level value is depth 1). Default MAX_JSON_DEPTH (64). */
  maxDepth?: number;
}

export const DEFAULT_MAX_JSON_BYTES = 32 * 1024 * 1024;

/** "32 MB", "1.5 MB", "900 KB": sizes as the clerk reads them. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1)).toLocaleString('en-GB')} MB`;
  return `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB`;
}

/** UTF-8 length of a string, counting a lone surrogate as the three bytes of U+FFFD that replaces it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      at++;
    } else bytes += 3;
  }
  return bytes;
}

/** The deepest nesting of `[` and `{` outside strings; stops counting once past `stopAbove`. Linear, no allocation. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === 0x5c) at++; // backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Parses `text` as JSON after checking its size and nesting against `limits`. Every refusal is a
 * ValidationError naming `where` (a file name, "the call"): "…: it is nested 1,204 levels deep;
 * Minute Book reads at most 64", "…: it is 40.2 MB; Minute Book reads at most 32 MB", "…: not valid
 * JSON (…)". Cost: one scan of the text before JSON.parse. The depth is measured to the end so the
 * message can say how deep the file is; the scan is linear whatever the depth.
 */
export function parseBoundedJson(text: string, where: string, limits: JsonLimits = {}): unknown {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  // A UTF-16 code unit is at most three UTF-8 bytes, so only long texts need counting.
  if (text.length * 3 > maxBytes) {
    const bytes = utf8Length(text);
    if (bytes > maxBytes) throw new ValidationError(where, [`it is ${describeBytes(bytes)}; Minute Book reads at most ${describeBytes(maxBytes)}`]);
  }
  const depth = jsonDepth(text);
  if (depth > maxDepth) {
    throw new ValidationError(where, [`it is nested ${depth.toLocaleString('en-GB')} levels deep; Minute Book reads at most ${maxDepth}`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = text.trim() === '' ? 'it is empty' : (error as Error).message;
    throw new ValidationError(where, [`not valid JSON (${reason})`]);
  }
  // One scan of the text now spares wellFormedDeep its walk of every string (and copy of every object) later.
  if (isWellFormedJsonText(text)) markParsedFromWellFormedText(value, depth);
  return value;
}
