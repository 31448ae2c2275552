// A committee's own kinds of interest ("council tenancy interest") are read when its minutes are
// imported into it: readForCommittee, as the import dialog and the command line call it, reads a file
// again against the kinds of the library's committee the file states or the clerk names.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { renderFormalMarkdown } from '../../shared/export/formalMarkdown.js';
import { declarationKindsFor, importDocument, readForCommittee, type ImportOptions, type ImportOutcome } from '../../shared/import/index.js';
import { knownDeclarationKinds, walesAndOlderCodes } from '../../shared/model/declarationKinds.js';
import type { MinutesNodeJSON } from '../../shared/model/meeting.js';
import { committee10, meeting10 } from '../fixtures/issue10Meeting.js';
import { committee001 } from '../fixtures/seed001.js';
import { cli, removeTestFolder } from './builders.js';

const tenancy = { id: 'council-tenancy', label: 'council tenancy interest', prejudicial: false };
const housing = { ...committee10, declarationKinds: [...committee10.declarationKinds, tenancy] };

/** The issue 10 meeting with its first declaration of the committee's own kind, printed as formal minutes. */
function formalMinutes(): string {
  const first = meeting10.items[0]!;
  const declarations = first.minutes[0]!;
  const declared = { ...declarations, content: [{ ...declarations.content![0]!, attrs: { ...declarations.content![0]!.attrs, kind: 'council-tenancy' } }] };
  const meeting = { ...meeting10, items: [{ ...first, minutes: [declared] }, ...meeting10.items.slice(1)] };
  return String(renderFormalMarkdown({ meeting, committee: housing }).content);
}

/** An "Agenda item" page: it names no committee, so the clerk gives it. */
const agendaItem = `Agenda item

Declarations of Interests

Minutes:

Councillor R Owen declared a council tenancy interest in item 4.
`;

/** Reads as the dialog and the command line do: first with the known kinds, again when the committee has kinds of its own. */
function reader(fileName: string, text: string) {
  const readings: ImportOptions[] = [];
  let next = 0;
  const read = (options: ImportOptions = {}): ImportOutcome => {
    readings.push(options);
    return importDocument(fileName, text, () => `id-${++next}`, options);
  };
  return { read, readings };
}

const firstBlock = (outcome: ImportOutcome): MinutesNodeJSON => outcome.meetings[0]!.items[0]!.minutes[0]!;

describe('reading a file against the kinds of the committee it is imported into', () => {
  it('a kind from the committee’s own list is read as a declaration when the library holds the committee the file states', async () => {
    const { read, readings } = reader('minutes.md', formalMinutes());
    const first = read();
    expect(firstBlock(first).type).toBe('paragraph');
    expect(first.report.warnings.some((warning) => warning.includes('“council tenancy” interest is not a kind'))).toBe(true);
    const outcome = await readForCommittee(first, {}, [housing], read);
    expect(readings).toHaveLength(2);
    // The committee's kinds first, then each kind Minute Book knows that the committee does not list.
    expect(readings[1]!.declarationKinds?.map((kind) => kind.id)).toEqual([...new Set([...housing.declarationKinds, ...knownDeclarationKinds].map((kind) => kind.id))]);
    expect(firstBlock(outcome).type).toBe('declarations');
    expect(firstBlock(outcome).content![0]!.attrs).toMatchObject({ kind: 'council-tenancy' });
    expect(outcome.report.warnings).toEqual([]);
  });

  it('the committee the clerk names, when the file names none', async () => {
    const { read } = reader('item.txt', agendaItem);
    const first = read();
    expect(first.meetings[0]!.committee.name).toBe('');
    const outcome = await readForCommittee(first, { committee: `  ${housing.name.toUpperCase()} ` }, [housing], read);
    expect(firstBlock(outcome)).toMatchObject({ type: 'declarations', content: [{ attrs: { member: 'Councillor R Owen', kind: 'council-tenancy', item: '4' } }] });
  });

  it('is read once when the committee is not in the library, or keeps only kinds Minute Book knows', async () => {
    const { read, readings } = reader('item.txt', agendaItem);
    const first = read();
    const elsewhere = { ...housing, name: 'Planning Committee' };
    expect(await readForCommittee(first, { committee: housing.name }, [elsewhere], read)).toBe(first);
    expect(await readForCommittee(first, { committee: housing.name }, [{ ...housing, declarationKinds: [...walesAndOlderCodes] }], read)).toBe(first);
    expect(readings).toHaveLength(1);
    expect(firstBlock(first).type).toBe('paragraph');
  });

  it('a known kind the committee prints in its own words is read in them', () => {
    const worded = { ...housing, declarationKinds: [{ id: 'personal', label: 'personal (non-prejudicial) interest', prejudicial: false }] };
    expect(declarationKindsFor(reader('item.txt', agendaItem).read(), { committee: housing.name }, [worded])?.[0]).toEqual(worded.declarationKinds[0]);
  });
});

describe('npm run cli -- import, into a committee with kinds of its own', () => {
  it('reads the committee’s own kind of interest in a file imported into it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'minute-book-committee-kinds-'));
    try {
      const library = join(folder, 'library');
      const opened = await MeetingLibrary.open({ folder: library });
      await opened.createCommittee({ ...committee001, name: 'Housing Scrutiny Board', declarationKinds: [...committee001.declarationKinds, tenancy] });
      await opened.close();
      const file = join(folder, 'item.txt');
      await writeFile(file, agendaItem);
      const result = cli('import', file, '--library', library, '--date', '2025-03-13', '--committee', 'Housing Scrutiny Board');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const [name] = (await readdir(join(library, 'meetings'))).filter((entry) => entry.endsWith('.json'));
      const meeting = JSON.parse(await readFile(join(library, 'meetings', name!), 'utf8')).meeting;
      expect(meeting.items[0].minutes[0]).toMatchObject({ type: 'declarations', content: [{ attrs: { member: 'Councillor R Owen', kind: 'council-tenancy', item: '4' } }] });
      expect(meeting.importedFrom.report.warnings).toEqual([]);
    } finally {
      await removeTestFolder(folder);
    }
  }, 60_000);
});
