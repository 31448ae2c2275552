// The evaluation corpus (tests/fixtures/eval-corpus) is well formed: every document has its expected
// results and every expected result its document, the PDFs and Word files have the sources they were
// built from, and what the expected results name (item numbers and titles, members, cited minutes)
// is printed in the document's own text. Not how well the importer scores: that is `npm run eval:import`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownDeclarationKinds } from '../../shared/model/declarationKinds.js';
import type { ExpectedMeeting } from '../../scripts/eval-import.js';

const folder = join(import.meta.dirname, '..', 'fixtures', 'eval-corpus');
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, ExpectedMeeting | string>;
const entries = Object.entries(expected).filter((entry): entry is [string, ExpectedMeeting] => !entry[0].startsWith('$'));
const documents = readdirSync(folder).filter((name) => /\.(?:pdf|docx|html|txt|md)$/.test(name));

const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"' };
/** The text a reader sees in the document, from its source: HTML without its tags and entities, markup without its marks. */
function sourceText(file: string): string {
  const source = file.endsWith('.pdf') ? join('sources', file.replace(/\.pdf$/, '.html')) : file.endsWith('.docx') ? join('sources', `${file}.txt`) : file;
  const text = readFileSync(join(folder, source), 'utf8');
  const plain = /\.html$/.test(source)
    ? text
        .replace(/<(?:style|script)[\s\S]*?<\/(?:style|script)>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&([a-z]+);/g, (whole, name: string) => entities[name] ?? whole)
    : // Word prints a numbered heading's number itself; the markup types it after "N " (make-eval-corpus.ts checks they agree).
      text.replace(/\*\*/g, '').replace(/^(?:H[12]:|N) /gm, '');
  return plain.replace(/\s+/g, ' ').toLowerCase();
}

// Kinds the Scottish code names, which Minute Book does not know yet: the corpus may expect them.
const kinds = new Set([...knownDeclarationKinds.map((kind) => kind.id), 'financial', 'non-financial']);

describe('the evaluation corpus', () => {
  it('has at least 30 documents, 8 of them PDF and 6 Word, each with its expected results', () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
    expect(documents.filter((name) => name.endsWith('.pdf')).length).toBeGreaterThanOrEqual(8);
    expect(documents.filter((name) => name.endsWith('.docx')).length).toBeGreaterThanOrEqual(6);
    expect(entries.map(([file]) => file).sort()).toEqual([...documents].sort());
  });

  it('keeps the source of every PDF and Word file', () => {
    const sources = new Set(readdirSync(join(folder, 'sources')));
    for (const file of documents.filter((name) => name.endsWith('.pdf'))) expect(sources, file).toContain(file.replace(/\.pdf$/, '.html'));
    for (const file of documents.filter((name) => name.endsWith('.docx'))) expect(sources, file).toContain(`${file}.txt`);
  });

  describe.each(entries)('%s', (file, meeting) => {
    const text = sourceText(file);
    const numbers = meeting.items.map(([number, title]) => number ?? title);

    it('prints every expected item number and title', () => {
      expect(meeting.items.length).toBeGreaterThan(0);
      for (const [number, title] of meeting.items) {
        if (number !== null) expect(text, `item number ${number}`).toContain(number.replace(/\.$/, '').toLowerCase());
        expect(text, `item title ${title}`).toContain(title.replace(/\s+/g, ' ').toLowerCase());
      }
    });

    it('ties resolutions and references to its items, and declarations to known kinds', () => {
      expect(meeting.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const time of [meeting.startTime, meeting.closingTime]) if (time !== null) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      for (const [key, count] of Object.entries(meeting.resolutions)) {
        expect(numbers, `resolutions of ${key}`).toContain(key);
        expect(count).toBeGreaterThan(0);
      }
      for (const reference of meeting.references) {
        expect(numbers, `reference from ${reference.from}`).toContain(reference.from);
        expect(text, `cited minute ${reference.to}`).toContain(reference.to.toLowerCase());
      }
      for (const declaration of meeting.declarations) {
        expect(kinds, `${declaration.member}'s kind`).toContain(declaration.kind);
        expect(text, `declared item ${declaration.item}`).toContain(declaration.item.toLowerCase());
      }
    });

    it('names only members the document names', () => {
      for (const name of [...meeting.present, ...meeting.apologies, ...meeting.declarations.map((declaration) => declaration.member)]) {
        // Lists print "Councillors R Ashdown, T Bellingham": the surname is what must be there.
        expect(text, name).toContain(name.split(' ').at(-1)!.toLowerCase());
      }
      expect(text).toContain(meeting.committee.toLowerCase());
      if (meeting.council !== null) expect(text).toContain(meeting.council.toLowerCase());
    });
  });
});
