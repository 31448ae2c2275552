// Minutes whose file prints no minute numbers (a table-flattened copy, one item's page) are numbered on
// through the municipal year from the committee's earlier meetings in the library, as drafts are, so two
// minutes of one year never share a number; a file's printed numbers are kept as printed (qa13e E9).
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRequest, ImportedMeetingPayload } from '../../shared/contract.js';
import { plainNumbering } from '../../shared/model/committee.js';
import { importIntoLibrary } from '../../electron/services/libraryImport.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { meeting004 } from '../fixtures/seed004.js';
import { removeTestFolder } from './builders.js';

let folder: string;
let library: MeetingLibrary;
beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-import-numbers-'));
  library = await MeetingLibrary.open({ folder });
});
afterEach(async () => {
  await library.close();
  await removeTestFolder(folder);
});

/** A meeting of seed 004's board as the reader gives it: items counted 1, 2 … unless `printed`. */
const read = (date: string, itemCount: number, printed = false): ImportedMeetingPayload => ({
  committee: { name: 'Education Board', council: 'Coventry City Council' },
  date,
  startTime: '14:00',
  closingTime: null,
  venue: 'Council House',
  contact: null,
  attendance: meeting004.attendance,
  numberingStyle: plainNumbering,
  items: meeting004.items.slice(0, itemCount).map(({ printedNumber: _printed, ...item }, index) => ({
    ...item,
    minuteNumber: printed ? 40 + index : index + 1,
    ...(printed ? { printedNumber: `${40 + index}.` } : {}),
  })),
});

const request = (...files: [string, ImportedMeetingPayload][]): ImportRequest => ({
  files: files.map(([fileName, meeting]) => ({ fileName, form: 'page-text', warnings: [], unplaced: [], guesses: [], meetings: [meeting] })),
  onDuplicate: 'skip',
  replaceDrafts: [],
});

const numbers = () =>
  [...library.overview().meetings].sort((a, b) => a.date.localeCompare(b.date)).map((meeting) => [meeting.date, meeting.firstMinuteNumber, meeting.lastMinuteNumber]);

describe('importing minutes that print no minute numbers', () => {
  it('numbers them on from the earlier meetings of the year, oldest first whatever the files’ order, and says so', async () => {
    const { summary } = await importIntoLibrary(library, request(['march.txt', read('2025-03-13', 2)], ['january.txt', read('2025-01-16', 3)], ['june.txt', read('2025-06-05', 2)]), {
      now: new Date('2026-12-02T12:00:00Z'),
      newId: () => crypto.randomUUID(),
    });
    // June 2025 begins the municipal year 2025/26: it starts again at 1.
    expect(numbers()).toEqual([
      ['2025-01-16', 1, 3],
      ['2025-03-13', 4, 5],
      ['2025-06-05', 1, 2],
    ]);
    // The report keeps the files' order, and says what was numbered.
    expect(summary.files.map((file) => file.fileName)).toEqual(['march.txt', 'january.txt', 'june.txt']);
    expect(summary.files[0]!.notes).toContain(
      'The meeting of 13 March 2025 prints no minute numbers: its items are numbered 4–5, on from the committee’s earlier meetings of 2024/25 in the library.',
    );
    expect(summary.files[1]!.notes).toEqual([]);
  });

  it('keeps the numbers a file prints', async () => {
    await importIntoLibrary(library, request(['january.txt', read('2025-01-16', 3)], ['march.txt', read('2025-03-13', 2, true)]), { now: new Date(), newId: () => crypto.randomUUID() });
    expect(numbers()).toEqual([
      ['2025-01-16', 1, 3],
      ['2025-03-13', 40, 41],
    ]);
  });
});
