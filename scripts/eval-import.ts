// Measures the importer against the evaluation corpus (tests/fixtures/eval-corpus): every document is
// read from its bytes exactly as `npm run cli -- import` reads it (electron/services/importFile.ts:
// pdf.js for PDF, mammoth for Word, the text readers otherwise), and what was read is compared with
// the expected results written by hand from the documents. Prints precision, recall and F1 for items
// (number and title), resolutions, declarations, minute references and attendance, the accuracy of
// the meeting's details, and each document's misses, so an engineer can see what the reader gets
// wrong. `--json` prints the same as JSON. `--corpus reader-dev` scores the reader's development corpus
// (tests/fixtures/reader-dev, the documents rules are written against) in the same way, so the
// evaluation corpus can stay held out. Exit 0 whatever the scores: this is a measure, not a gate.
//   npm run eval:import [-- --json] [-- --corpus reader-dev] [-- <file name filter>]
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { readImportFile } from '../electron/services/importFile.js';
import { ImportError, type ImportedMeeting, type ImportOutcome } from '../shared/import/index.js';
import type { Item, MinutesNodeJSON } from '../shared/model/meeting.js';
import { ENGLISH_YEAR_START, minuteYearsOf, printedMinuteNumber } from '../shared/numbering.js';
import { citationsIn } from '../shared/search/minuteReferences.js';

const fixtures = join(import.meta.dirname, '../tests/fixtures');

/** One document's expected results, as tests/fixtures/eval-corpus/expected.json gives them. */
export interface ExpectedMeeting {
  council: string | null;
  committee: string;
  date: string;
  startTime: string | null;
  closingTime: string | null;
  items: [string | null, string][];
  /** Decisions per item, keyed by its number as printed (its title where it has none); items not named have none. */
  resolutions: Record<string, number>;
  declarations: { member: string; item: string; kind: string }[];
  references: { from: string; to: string }[];
  present: string[];
  apologies: string[];
}

// The normalisers are the measuring stick's own, not the importer's (shared/import/memberNames.ts and
// the like): the stick must stay put while the importer is changed against it.

/** A title compared without case, spacing, dash or quote differences. */
export const normalTitle = (title: string): string =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐‑‒–—―−-]/g, '-')
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/[.:;,\s]+$/, '')
    .trim();

/** "79." → "79", "(a)" → "a", "Minute No. 46" → "46", "PLN84/23" → "pln84/23". */
export const normalNumber = (number: string): string =>
  number
    .toLowerCase()
    .replace(/^\s*(?:agenda\s+)?(?:item|minute)s?\s*(?:no\.?\s*)?/, '')
    .replace(/\s+/g, '')
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\.$/, '');

const honorific = /^(?:county\s+)?(?:councillors?|cllrs?|bailie|provost|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|alderman|pc)\s+/i;

/** "Councillor Dame Helen Cartwright (Leader, in the Chair)" → "helen cartwright"; "Cllr. J Smith" → "j smith"; "The Mayor (Councillor L Fraser)" → "l fraser". */
export function normalName(name: string): string {
  // "The Mayor (Councillor Linda Fraser)": the member is the one in brackets.
  const bracketed = /\((?:councillor|cllr)\.?\s+([^)]+)\)/i.exec(name);
  let text = (bracketed?.[1] ?? name).replace(/\([^)]*\)/g, ' ').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(honorific, '');
  }
  return text.toLowerCase().trim();
}

/** The minute number as the import would print it beside the item; null when the importer says the items are not numbered. */
function printedNumber(meeting: ImportedMeeting, item: Item): string | null {
  if (meeting.numberingStyle === null) return null;
  if (item.printedNumber !== undefined) return item.printedNumber;
  // With a year the number prints as "79/16"; without a date the year is unknown, so only the number is left.
  if (meeting.numberingStyle.yearAt !== 'none' && meeting.date === null) return String(item.minuteNumber);
  return printedMinuteNumber(item, minuteYearsOf(meeting.date ?? '0000-01-01', ENGLISH_YEAR_START), meeting.numberingStyle);
}

function countNodes(nodes: readonly MinutesNodeJSON[] | undefined, type: string): number {
  return (nodes ?? []).reduce((total, node) => total + (node.type === type ? 1 : 0) + countNodes(node.content, type), 0);
}

function nodesOf(nodes: readonly MinutesNodeJSON[] | undefined, type: string): MinutesNodeJSON[] {
  return (nodes ?? []).flatMap((node) => [...(node.type === type ? [node] : []), ...nodesOf(node.content, type)]);
}

/** Counts of one field for precision and recall. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const add = (into: Tally, from: Tally) => {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
};

/** Matches two lists one to one by key; answers the counts and what was missed and what was extra. */
function matchByKey<E, G>(expected: readonly E[], got: readonly G[], expectedKey: (e: E) => string, gotKey: (g: G) => string): { tally: Tally; missed: E[]; extra: G[] } {
  const left = got.map(gotKey);
  const used = new Array<boolean>(got.length).fill(false);
  const missed: E[] = [];
  let tp = 0;
  for (const each of expected) {
    const key = expectedKey(each);
    const at = left.findIndex((other, index) => !used[index] && other === key);
    if (at === -1) missed.push(each);
    else {
      used[at] = true;
      tp++;
    }
  }
  const extra = got.filter((_, index) => !used[index]);
  return { tally: { tp, fp: extra.length, fn: missed.length }, missed, extra };
}

const fields = ['items', 'itemTitles', 'resolutions', 'declarations', 'declarationsByMember', 'references', 'present', 'apologies'] as const;
type Field = (typeof fields)[number];
const details = ['council', 'committee', 'date', 'startTime', 'closingTime'] as const;
type Detail = (typeof details)[number];

/** What one document scored, and what the reader got wrong in it. */
export interface DocumentScore {
  file: string;
  form: string | null;
  refused: string | null;
  /** Lines of the document the importer placed nowhere (its report's `unplaced`). */
  unplaced: number;
  tallies: Record<Field, Tally>;
  /** Per detail: true when read as stated, false when wrong or missing, 'spurious' when the document states none and one was read. */
  details: Partial<Record<Detail, boolean | 'spurious'>>;
  misses: string[];
}

const show = (value: unknown): string => (value === null || value === undefined ? '—' : JSON.stringify(value));
const sameDetail = (detail: Detail, expected: string, got: string | null): boolean =>
  got !== null && (detail === 'council' || detail === 'committee' ? normalTitle(expected).replace(/^the /, '') === normalTitle(got).replace(/^the /, '') : expected === got);

/** Scores one document's import against what was expected of it; a refused file scores nothing found. */
export function scoreDocument(file: string, expected: ExpectedMeeting, outcome: ImportOutcome | ImportError): DocumentScore {
  const refused = outcome instanceof ImportError ? outcome.problem : null;
  const meeting = outcome instanceof ImportError ? undefined : outcome.meetings[0];
  const misses: string[] = [];
  if (refused !== null) misses.push(`refused: ${refused}`);
  if (!(outcome instanceof ImportError) && outcome.meetings.length !== 1) misses.push(`read ${outcome.meetings.length} meetings, expected 1`);
  const got = (meeting?.items ?? []).map((item) => ({ item, number: meeting === undefined ? null : printedNumber(meeting, item), title: normalTitle(item.title) }));
  const wanted = expected.items.map(([number, title]) => ({ number, title: normalTitle(title), printed: `${number ?? ''} ${title}`.trim() }));
  const label = (entry: { number: string | null; item: Item }) => `${entry.number ?? '(unnumbered)'} ${JSON.stringify(entry.item.title)}`;

  // Items: number and title both right (an unnumbered page's items by title alone).
  const keyOf = (number: string | null, title: string) => `${number === null ? '' : normalNumber(number)}|${title}`;
  const items = matchByKey(
    wanted,
    got,
    (each) => keyOf(each.number, each.title),
    (each) => keyOf(wanted.length > 0 && wanted.every((w) => w.number === null) ? null : each.number, each.title),
  );
  for (const each of items.missed) misses.push(`item missed: ${each.printed}`);
  for (const each of items.extra) misses.push(`item not in the document (or misread): ${label(each)}`);
  const itemTitles = matchByKey(wanted, got, (each) => each.title, (each) => each.title);

  // Each expected item's counterpart among those read: by number and title, else by title, else by number.
  const counterpart = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (same: (w: (typeof wanted)[number], g: (typeof got)[number]) => boolean) =>
    wanted.forEach((w, i) => {
      if (counterpart.has(i)) return;
      const j = got.findIndex((g, index) => !taken.has(index) && same(w, g));
      if (j === -1) return;
      counterpart.set(i, j);
      taken.add(j);
    });
  pair((w, g) => keyOf(w.number, w.title) === keyOf(w.number === null ? null : g.number, g.title));
  pair((w, g) => w.title === g.title);
  pair((w, g) => w.number !== null && g.number !== null && normalNumber(w.number) === normalNumber(g.number));
  const expectedNumberOf = new Map<number, string>();
  for (const [i, j] of counterpart) expectedNumberOf.set(j, wanted[i]!.number ?? wanted[i]!.title);

  // Resolutions, item by item.
  const resolutions = tally();
  const expectedCount = (i: number) => expected.resolutions[wanted[i]!.number ?? expected.items[i]![1]] ?? 0;
  wanted.forEach((w, i) => {
    const j = counterpart.get(i);
    const e = expectedCount(i);
    const g = j === undefined ? 0 : countNodes(got[j]!.item.minutes, 'resolution');
    const tp = Math.min(e, g);
    resolutions.tp += tp;
    resolutions.fn += e - tp;
    resolutions.fp += g - tp;
    if (e !== g) misses.push(`resolutions in ${w.printed}: expected ${e}, read ${j === undefined ? '0 (item not read)' : g}`);
  });
  got.forEach((g, j) => {
    if (taken.has(j)) return;
    const count = countNodes(g.item.minutes, 'resolution');
    resolutions.fp += count;
    if (count > 0) misses.push(`resolutions in an item not expected (${label(g)}): ${count}`);
  });

  // Declarations: who, on which item, what kind; and, to tell a wrong kind from a missed declaration, who and which item.
  const declared = got.flatMap((g) =>
    nodesOf(g.item.minutes, 'declaration').map((node) => ({ member: String(node.attrs?.['member'] ?? ''), item: String(node.attrs?.['item'] ?? ''), kind: String(node.attrs?.['kind'] ?? '') })),
  );
  const declKey = (d: { member: string; item: string; kind: string }, withKind: boolean) => `${normalName(d.member)}|${normalNumber(d.item)}${withKind ? `|${d.kind}` : ''}`;
  const declarations = matchByKey(expected.declarations, declared, (d) => declKey(d, true), (d) => declKey(d, true));
  const declarationsByMember = matchByKey(expected.declarations, declared, (d) => declKey(d, false), (d) => declKey(d, false));
  for (const d of declarations.missed) misses.push(`declaration missed: ${d.member}, item ${d.item}, ${d.kind}`);
  for (const d of declarations.extra) misses.push(`declaration not as expected: ${show(d.member)}, item ${show(d.item)}, ${show(d.kind)}`);

  // References: the citing item as the document numbers it (so a misnumbered item does not lose its citations), and the minute cited.
  const cited = got.flatMap((g, j) => citationsIn(g.item).map((to) => ({ from: expectedNumberOf.get(j) ?? g.number ?? g.item.title, to })));
  const refKey = (r: { from: string; to: string }) => `${normalNumber(r.from)}→${normalNumber(r.to)}`;
  const references = matchByKey(expected.references, cited, refKey, refKey);
  for (const r of references.missed) misses.push(`reference missed: in ${r.from} to ${r.to}`);
  for (const r of references.extra) misses.push(`reference not in the document: in ${r.from} to ${r.to}`);

  // Attendance: members present (with substitutes and co-opted members) and apologies, by name.
  const attendance = meeting?.attendance;
  const presentNames = [...(attendance?.members ?? []), ...(attendance?.coOpted ?? []), ...(attendance?.substitutes ?? [])].map((each) => each.name);
  const present = matchByKey(expected.present, presentNames, normalName, normalName);
  const apologies = matchByKey(expected.apologies, (attendance?.apologies ?? []).map((each) => each.name), normalName, normalName);
  if (present.missed.length > 0) misses.push(`present missed: ${present.missed.join(', ')}`);
  if (present.extra.length > 0) misses.push(`present, not in the document's list: ${present.extra.join(', ')}`);
  if (apologies.missed.length > 0) misses.push(`apologies missed: ${apologies.missed.join(', ')}`);
  if (apologies.extra.length > 0) misses.push(`apologies, not in the document's list: ${apologies.extra.join(', ')}`);

  const detailsScore: DocumentScore['details'] = {};
  const read: Record<Detail, string | null> = {
    council: meeting?.committee.council ?? null,
    committee: meeting === undefined || meeting.committee.name.trim() === '' ? null : meeting.committee.name,
    date: meeting?.date ?? null,
    startTime: meeting?.startTime ?? null,
    closingTime: meeting?.closingTime ?? null,
  };
  for (const detail of details) {
    const want = expected[detail];
    if (want === null) {
      if (read[detail] !== null) {
        detailsScore[detail] = 'spurious';
        misses.push(`${detail}: the document states none, read ${show(read[detail])}`);
      }
      continue;
    }
    detailsScore[detail] = sameDetail(detail, want, read[detail]);
    if (!detailsScore[detail]) misses.push(`${detail}: expected ${show(want)}, read ${show(read[detail])}`);
  }
  return {
    file,
    form: outcome instanceof ImportError ? null : outcome.report.form,
    refused,
    unplaced: outcome instanceof ImportError ? 0 : outcome.report.unplaced.length,
    tallies: {
      items: items.tally,
      itemTitles: itemTitles.tally,
      resolutions,
      declarations: declarations.tally,
      declarationsByMember: declarationsByMember.tally,
      references: references.tally,
      present: present.tally,
      apologies: apologies.tally,
    },
    details: detailsScore,
    misses,
  };
}

/** Precision, recall and F1 of a tally; 1 where there was nothing to find and nothing was found. */
export function rates({ tp, fp, fn }: Tally): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const fieldNames: Record<Field, string> = {
  items: 'items (number + title)',
  itemTitles: '  items (title only)',
  resolutions: 'resolutions',
  declarations: 'declarations',
  declarationsByMember: '  declarations (member + item)',
  references: 'references',
  present: 'present',
  apologies: 'apologies',
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const corpusAt = args.indexOf('--corpus');
  const corpusName = corpusAt === -1 ? 'eval-corpus' : args[corpusAt + 1];
  if (corpusName === undefined || !/^[\w-]+$/.test(corpusName)) throw new Error('--corpus takes the name of a folder in tests/fixtures, such as reader-dev');
  const corpus = join(fixtures, corpusName);
  const filter = args.find((arg, index) => !arg.startsWith('--') && (corpusAt === -1 || index !== corpusAt + 1));
  const expected = JSON.parse(await readFile(join(corpus, 'expected.json'), 'utf8')) as Record<string, ExpectedMeeting | string>;
  const scores: DocumentScore[] = [];
  for (const [file, wanted] of Object.entries(expected)) {
    if (file.startsWith('$') || typeof wanted === 'string' || (filter !== undefined && !file.includes(filter))) continue;
    let outcome: ImportOutcome | ImportError;
    try {
      outcome = await readImportFile(file, new Uint8Array(await readFile(join(corpus, file))), randomUUID);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      outcome = error;
    }
    scores.push(scoreDocument(file, wanted, outcome));
  }
  const totals = Object.fromEntries(fields.map((field) => [field, tally()])) as Record<Field, Tally>;
  for (const score of scores) for (const field of fields) add(totals[field], score.tallies[field]);
  const detailTotals = details.map((detail) => {
    const stated = scores.filter((score) => typeof score.details[detail] === 'boolean');
    return { detail, stated: stated.length, correct: stated.filter((score) => score.details[detail] === true).length, spurious: scores.filter((score) => score.details[detail] === 'spurious').length };
  });
  if (json) {
    console.log(JSON.stringify({ totals: Object.fromEntries(fields.map((field) => [field, { ...totals[field], ...rates(totals[field]) }])), details: detailTotals, documents: scores }, null, 2));
    return;
  }
  const pct = (value: number) => value.toFixed(3);
  const refused = scores.filter((score) => score.refused !== null).length;
  console.log(`${corpusName === 'eval-corpus' ? 'Evaluation corpus' : `Corpus ${corpusName}`}: ${scores.length} documents (${refused} refused by the importer)\n`);
  console.log(`${'field'.padEnd(32)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'FN'.padStart(5)}  precision  recall     F1`);
  for (const field of fields) {
    const { precision, recall, f1 } = rates(totals[field]);
    const { tp, fp, fn } = totals[field];
    console.log(`${fieldNames[field].padEnd(32)}${String(tp).padStart(5)}${String(fp).padStart(5)}${String(fn).padStart(5)}  ${pct(precision).padStart(9)}  ${pct(recall).padStart(6)}  ${pct(f1).padStart(5)}`);
  }
  console.log(`\n${'meeting detail'.padEnd(16)}correct / stated   read where none stated`);
  for (const { detail, stated, correct, spurious } of detailTotals) {
    console.log(`${detail.padEnd(16)}${`${correct} / ${stated}`.padEnd(10)} ${`(${stated === 0 ? '—' : ((100 * correct) / stated).toFixed(0)}%)`.padEnd(8)} ${spurious}`);
  }
  // By format, so a weak PDF or Word path is not hidden by well-read web pages.
  console.log(`\n${'format'.padEnd(8)}docs  refused  items F1  resolutions F1  declarations F1  references F1  date`);
  for (const format of [...new Set(scores.map((score) => extname(score.file).slice(1)))].sort()) {
    const mine = scores.filter((score) => extname(score.file) === `.${format}`);
    const f1 = (field: Field) => {
      const sum = tally();
      for (const score of mine) add(sum, score.tallies[field]);
      return pct(rates(sum).f1);
    };
    const dated = mine.filter((score) => score.details.date === true).length;
    console.log(
      `${format.padEnd(8)}${String(mine.length).padEnd(6)}${String(mine.filter((score) => score.refused !== null).length).padEnd(9)}${f1('items').padEnd(10)}${f1('resolutions').padEnd(16)}${f1('declarations').padEnd(17)}${f1('references').padEnd(15)}${dated}/${mine.length}`,
    );
  }
  console.log(`\n${'document'.padEnd(38)}${'form'.padEnd(12)}items  res   decl  refs  date committee  unplaced`);
  const cell = (t: Tally) => `${t.tp}/${t.tp + t.fn}`.padEnd(6);
  const mark = (value: boolean | 'spurious' | undefined) => (value === true ? 'ok' : value === undefined ? '–' : 'MISS');
  for (const score of scores) {
    const t = score.tallies;
    console.log(
      `${score.file.padEnd(38)}${(score.form ?? 'REFUSED').padEnd(12)}${cell(t.items)} ${cell(t.resolutions)}${cell(t.declarations)}${cell(t.references)}${mark(score.details.date).padEnd(5)}${mark(score.details.committee).padEnd(11)}${score.refused === null ? score.unplaced : '–'}`,
    );
  }
  console.log('\nMisses, document by document:');
  for (const score of scores) {
    if (score.misses.length === 0) continue;
    console.log(`\n${score.file}`);
    for (const miss of score.misses) console.log(`  - ${miss}`);
  }
}

await main();
