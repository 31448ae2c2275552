// The minutes grammar against the corpus of other councils' wordings (tests/fixtures/minutesCorpus.ts):
// every development case reads exactly as expected, and the held-out cases, which the rules were not
// written against, are scored for precision and recall per structure.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { attrsOf, type AttendanceEventAttrs, type MotionAttrs } from '../../shared/editor/schema.js';
import { textOf, spansOf } from '../../shared/export/outline.js';
import { Ledger } from '../../shared/import/ledger.js';
import { textLines } from '../../shared/import/lines.js';
import { noMeetingNotes } from '../../shared/import/meetingNotes.js';
import { readMinutes } from '../../shared/import/minutesGrammar.js';
import { knownDeclarationKinds } from '../../shared/model/declarationKinds.js';
import type { MinutesNodeJSON } from '../../shared/model/meeting.js';
import { development, heldOut, type CorpusCase, type Expected } from '../fixtures/minutesCorpus.js';

type Structure = { kind: string; value: unknown };

const motionDefaults = { kind: 'motion', mover: '', seconder: '', result: '', unanimous: false, counts: null, named: null, castingVote: '' };

/** The expected structures with every default filled in, so that they compare with what was read. */
function expectedStructures(expected: readonly Expected[]): Structure[] {
  return expected.map((entry): Structure => {
    if ('motion' in entry) return { kind: 'motion', value: { ...motionDefaults, amends: null, words: [], ...entry.motion } };
    if ('event' in entry) return { kind: 'event', value: { time: '', reason: '', ...entry.event } };
    if ('declaration' in entry) return { kind: 'declaration', value: { item: '', action: '', ...entry.declaration } };
    if ('resolution' in entry) return { kind: 'resolution', value: { unanimous: false, ...entry.resolution } };
    if ('closingTime' in entry) return { kind: 'closing time', value: entry.closingTime };
    if ('adjournment' in entry) return { kind: 'adjournment', value: entry.adjournment };
    if ('substitute' in entry) return { kind: 'substitute', value: entry.substitute };
    return { kind: 'text', value: entry.text };
  });
}

/** What the grammar read from the case, in the same shapes. */
function readStructures(corpusCase: CorpusCase): { structures: Structure[]; warnings: string[] } {
  const lines = textLines(corpusCase.minutes);
  const ledger = new Ledger(lines);
  const notes = noMeetingNotes();
  let next = 0;
  const blocks = readMinutes(lines, { newId: () => `motion-${++next}`, ledger, kinds: corpusCase.kinds ?? knownDeclarationKinds, notes, item: 'item 1' });
  const motionIds = blocks.filter((block) => block.type === 'motion').map((block) => String(block.attrs?.['id']));
  const structures = blocks.flatMap((block): Structure[] => {
    switch (block.type) {
      case 'motion': {
        const { id: _id, amends, ...attrs } = attrsOf<MotionAttrs>(block);
        const words = (block.content ?? []).map((paragraph: MinutesNodeJSON) => textOf(spansOf(paragraph))).filter((text) => text !== '');
        return [{ kind: 'motion', value: { ...attrs, amends: amends === '' ? null : motionIds.indexOf(amends), words } }];
      }
      case 'attendance_event':
        return [{ kind: 'event', value: attrsOf<AttendanceEventAttrs>(block) }];
      case 'declarations':
        return (block.content ?? [])
          .filter((declaration) => declaration.type === 'declaration')
          .map((declaration) => {
            const { member, kind, item, action } = attrsOf<{ member: string; kind: string; item: string; action: string }>(declaration);
            return { kind: 'declaration', value: { member, kind, item, action } };
          });
      case 'resolution': {
        const { lead, unanimous } = attrsOf<{ lead: string; unanimous: boolean }>(block);
        return [{ kind: 'resolution', value: { lead, unanimous, preamble: textOf(spansOf(block.content?.[0])) } }];
      }
      case 'paragraph':
        return [{ kind: 'text', value: textOf(spansOf(block)) }];
      default:
        return [{ kind: block.type, value: block }];
    }
  });
  const meeting: Structure[] = [
    ...notes.substitutes.map((substitute) => ({ kind: 'substitute', value: substitute })),
    ...notes.adjournments.map((adjournment) => ({ kind: 'adjournment', value: adjournment })),
    ...(notes.closingTime === null ? [] : [{ kind: 'closing time', value: notes.closingTime }]),
  ];
  return { structures: [...meeting, ...structures], warnings: ledger.warnings };
}

const sorted = (structures: Structure[]) => [...structures].sort((a, b) => a.kind.localeCompare(b.kind));

describe('the development corpus reads exactly as expected', () => {
  it.each(development.map((corpusCase) => [corpusCase.name, corpusCase] as const))('%s', (_name, corpusCase) => {
    expect(sorted(readStructures(corpusCase).structures)).toEqual(sorted(expectedStructures(corpusCase.expect)));
  });

  it('a kind of interest nobody lists is kept as text, and the clerk is told', () => {
    const unknown = development.find((corpusCase) => corpusCase.name === 'a kind the committee does not know stays text')!;
    expect(readStructures(unknown).warnings).toEqual([
      'Line 1, item 1: a “council tenancy” interest is not a kind the committee lists or Minute Book knows; the declaration is kept as a paragraph.',
    ]);
  });
});

/** Per structure: how many were read, how many expected, how many of those read were right. */
export function score(cases: readonly CorpusCase[]): Map<string, { read: number; expected: number; right: number }> {
  const table = new Map<string, { read: number; expected: number; right: number }>();
  const row = (kind: string) => table.get(kind) ?? table.set(kind, { read: 0, expected: 0, right: 0 }).get(kind)!;
  for (const corpusCase of cases) {
    const read = readStructures(corpusCase).structures;
    const expected = expectedStructures(corpusCase.expect);
    for (const structure of read) row(structure.kind).read++;
    const unmatched = [...read];
    for (const structure of expected) {
      row(structure.kind).expected++;
      const at = unmatched.findIndex((candidate) => candidate.kind === structure.kind && isDeepStrictEqual(candidate.value, structure.value));
      if (at >= 0) {
        row(structure.kind).right++;
        unmatched.splice(at, 1);
      }
    }
  }
  return table;
}

describe('the held-out corpus', () => {
  it('is read with high precision and recall for every structure', () => {
    const table = score(heldOut);
    const lines = [...table].map(([kind, { read, expected, right }]) => {
      const precision = read === 0 ? 1 : right / read;
      const recall = expected === 0 ? 1 : right / expected;
      return { kind, read, expected, right, precision: Number(precision.toFixed(2)), recall: Number(recall.toFixed(2)) };
    });
    console.table(lines);
    const all = lines.reduce((sum, line) => ({ read: sum.read + line.read, expected: sum.expected + line.expected, right: sum.right + line.right }), { read: 0, expected: 0, right: 0 });
    expect(all.right / all.read).toBeGreaterThanOrEqual(0.8);
    expect(all.right / all.expected).toBeGreaterThanOrEqual(0.8);
  });
});
