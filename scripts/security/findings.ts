// Electronegativity's findings read against the reviewed exceptions (build/electronegativity-exceptions.json):
// which high and medium findings are explained, which are not, which exceptions no longer match
// anything, and the one summary line CI prints. Pure; tested in tests/unit/electronegativityFindings.test.ts.

/** The severities Electronegativity gives (its `severity.name`), highest first. */
export const severities = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof severities)[number];

/** One finding, reduced from Electronegativity's issue object. */
export interface Finding {
  /** The check's id, e.g. `OPEN_EXTERNAL_JS_CHECK`. */
  check: string;
  severity: Severity;
  /** CERTAIN, FIRM or TENTATIVE. */
  confidence: string;
  /** Which scan found it: `sources` or `built`. */
  scan: string;
  /** The file relative to the scanned folder (`N/A` for a global check). */
  file: string;
  line: number;
  /** The line of code it points at (trimmed), '' for a global check. */
  sample: string;
}

/** A reviewed exception: a finding that is expected, and why it is acceptable. */
export interface ReviewedException {
  check: string;
  /** Matches findings of every scan when absent. */
  scan?: string;
  /** The file it is about (`N/A` for a global check). */
  file: string;
  /** A piece of the sample line that must be in the finding, so an exception covers one call, not a whole file. */
  sampleContains?: string;
  /** Why the finding is acceptable: the review, in a sentence or two. Required. */
  reason: string;
}

export interface Classified {
  findings: Finding[];
  /** High and medium findings no exception covers: CI fails on any. */
  unexplained: Finding[];
  /** Findings (of any severity) an exception covers, with it. */
  explained: { finding: Finding; exception: ReviewedException }[];
  /** Exceptions that cover no finding any more: to be removed from the list. */
  stale: ReviewedException[];
  /** Files the scanner could not parse (it then checked nothing in them): CI fails on any. */
  unparsed: string[];
}

/** True when `exception` covers `finding`: same check and file, the same scan if it names one, and the sample piece if it gives one. */
export function covers(exception: ReviewedException, finding: Finding): boolean {
  return (
    exception.check === finding.check &&
    exception.file === finding.file &&
    (exception.scan === undefined || exception.scan === finding.scan) &&
    (exception.sampleContains === undefined || finding.sample.includes(exception.sampleContains))
  );
}

/**
 * Checks that `raw` (the parsed exceptions file) is a list of exceptions each with a check, a file
 * and a reason of at least 20 characters; throws naming the first that is not, since an exception
 * without its reason is exactly what the list exists to prevent.
 */
export function parseExceptions(raw: unknown): ReviewedException[] {
  if (!Array.isArray(raw)) throw new Error('the reviewed exceptions must be a JSON list');
  return raw.map((entry: unknown, index) => {
    const item = entry as Partial<Record<keyof ReviewedException, unknown>>;
    const where = `reviewed exception ${index + 1}`;
    if (typeof item !== 'object' || item === null) throw new Error(`${where} is not an object`);
    if (typeof item.check !== 'string' || !/^[A-Z_]+$/.test(item.check)) throw new Error(`${where}: "check" must be a check id such as OPEN_EXTERNAL_JS_CHECK`);
    if (typeof item.file !== 'string' || item.file === '') throw new Error(`${where}: "file" is missing`);
    if (typeof item.reason !== 'string' || item.reason.trim().length < 20) throw new Error(`${where} (${item.check}): give the reason it is acceptable`);
    for (const key of ['scan', 'sampleContains'] as const) {
      if (item[key] !== undefined && typeof item[key] !== 'string') throw new Error(`${where}: "${key}" must be text`);
    }
    return item as ReviewedException;
  });
}

/** Sorts the findings against the exceptions (see Classified). */
export function classify(findings: Finding[], exceptions: ReviewedException[], unparsed: string[] = []): Classified {
  const explained: Classified['explained'] = [];
  const unexplained: Finding[] = [];
  const used = new Set<ReviewedException>();
  for (const finding of findings) {
    const exception = exceptions.find((candidate) => covers(candidate, finding));
    if (exception !== undefined) {
      used.add(exception);
      explained.push({ finding, exception });
    } else if (finding.severity === 'HIGH' || finding.severity === 'MEDIUM') {
      unexplained.push(finding);
    }
  }
  return { findings, unexplained, explained, stale: exceptions.filter((exception) => !used.has(exception)), unparsed };
}

/**
 * The line CI prints, e.g. `Electronegativity: 6 findings (0 high, 3 medium, 2 low, 1 informational);
 * 3 high/medium explained by reviewed exceptions, 0 unexplained; 0 stale exceptions; 0 files unparsed`.
 */
export function summaryLine(result: Classified): string {
  const count = (severity: Severity) => result.findings.filter((finding) => finding.severity === severity).length;
  const explainedSerious = result.explained.filter(({ finding }) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `Electronegativity: ${plural(result.findings.length, 'finding')} (${count('HIGH')} high, ${count('MEDIUM')} medium, ${count('LOW')} low, ` +
    `${count('INFORMATIONAL')} informational); ${explainedSerious} high/medium explained by reviewed exceptions, ` +
    `${result.unexplained.length} unexplained; ${plural(result.stale.length, 'stale exception')}; ${plural(result.unparsed.length, 'file')} unparsed`
  );
}

/** True when CI should fail: an unexplained high or medium finding, or a file the scanner could not read. */
export const failsCi = (result: Classified): boolean => result.unexplained.length > 0 || result.unparsed.length > 0;
