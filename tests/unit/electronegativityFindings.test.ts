// Electronegativity's findings against the reviewed exceptions: what CI counts and the line it prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, failsCi, parseExceptions, summaryLine, type Finding } from '../../scripts/security/findings.js';

const finding = (overrides: Partial<Finding>): Finding => ({
  check: 'OPEN_EXTERNAL_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  scan: 'sources',
  file: 'electron/main.ts',
  line: 87,
  sample: 'await shell.openExternal(decision.address);',
  ...overrides,
});
const reviewed = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main.ts', sampleContains: 'shell.openExternal(decision.address)', reason: 'Opened only after a dialog naming it.' };

describe('classify', () => {
  it('counts a high or medium finding with no exception as unexplained, and fails CI', () => {
    const result = classify([finding({}), finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH' })], [reviewed]);
    expect(result.explained).toHaveLength(1);
    expect(result.unexplained.map((one) => one.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
    expect(failsCi(result)).toBe(true);
  });

  it('does not let an exception for one call cover another call in the same file', () => {
    const result = classify([finding({ sample: 'shell.openExternal(url)' })], [reviewed]);
    expect(result.unexplained).toHaveLength(1);
    expect(result.stale).toEqual([reviewed]);
  });

  it('keeps an exception to its scan when it names one', () => {
    const result = classify([finding({ scan: 'built' })], [{ ...reviewed, scan: 'sources' }]);
    expect(result.unexplained).toHaveLength(1);
  });

  it('leaves low and informational findings out of the failures', () => {
    const result = classify([finding({ severity: 'LOW' }), finding({ severity: 'INFORMATIONAL', check: 'ELECTRON_VERSION_JSON_CHECK' })], []);
    expect(result.unexplained).toEqual([]);
    expect(failsCi(result)).toBe(false);
  });

  it('fails CI for a file the scanner could not parse', () => {
    expect(failsCi(classify([], [], ['built: main.js: Unknown node type PrivateName.']))).toBe(true);
  });

  it('prints one summary line', () => {
    const result = classify([finding({}), finding({ severity: 'LOW', check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', sample: '' })], [reviewed]);
    expect(summaryLine(result)).toBe(
      'Electronegativity: 2 findings (0 high, 1 medium, 1 low, 0 informational); 1 high/medium explained by reviewed exceptions, 0 unexplained; 0 stale exceptions; 0 files unparsed',
    );
  });
});

describe('parseExceptions', () => {
  it('reads the checked-in list, every entry with its reason', () => {
    const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'build', 'electronegativity-exceptions.json'), 'utf8'));
    const exceptions = parseExceptions(raw);
    expect(exceptions.length).toBeGreaterThan(0);
    for (const exception of exceptions) expect(exception.reason.length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['not a list', {}, 'must be a JSON list'],
    ['no reason', [{ check: 'PRELOAD_JS_CHECK', file: 'electron/main.ts' }], 'give the reason'],
    ['a token reason', [{ check: 'PRELOAD_JS_CHECK', file: 'electron/main.ts', reason: 'fine' }], 'give the reason'],
    ['no file', [{ check: 'PRELOAD_JS_CHECK', reason: 'The preload exposes two functions only.' }], '"file" is missing'],
    ['a bad check id', [{ check: 'preload', file: 'x', reason: 'The preload exposes two functions only.' }], 'check id'],
  ])('refuses %s', (_case, raw, message) => {
    expect(() => parseExceptions(raw)).toThrow(message);
  });
});
