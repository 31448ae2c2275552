// Durable writes, and an import's folder syncs made once at its end (withFolderSyncsAtEnd).
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendDurably, withFolderSyncsAtEnd, writeFileDurably } from '../../electron/services/durableFile.js';
import { removeTestFolder } from './builders.js';

let folder: string;

beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-durable-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await removeTestFolder(folder);
});

/** The folders opened to be synced (opened read-only, as only a folder sync opens them), in order. */
function folderSyncs(): string[] {
  const opened: string[] = [];
  const open = fs.open.bind(fs);
  vi.spyOn(fs, 'open').mockImplementation(async (path, flags, mode) => {
    if (flags === 'r') opened.push(String(path));
    return open(path, flags, mode);
  });
  return opened;
}

describe('durable writes', () => {
  it('syncs the folder after each write, as ever, outside an import', async () => {
    const syncs = folderSyncs();
    await writeFileDurably(join(folder, 'a.json'), 'one');
    await writeFileDurably(join(folder, 'b.json'), 'two');
    await appendDurably(join(folder, 'c.jsonl'), 'three\n');
    expect(syncs).toEqual([folder, folder, folder]);
  });

  it('within an import, syncs each folder once at its end, before it answers, every file whole and in place', async () => {
    await fs.mkdir(join(folder, 'history'));
    const syncs = folderSyncs();
    const answered = await withFolderSyncsAtEnd(async () => {
      for (let index = 0; index < 5; index++) {
        await writeFileDurably(join(folder, `${index}.json`), `meeting ${index}`);
        await appendDurably(join(folder, 'history', `${index}.jsonl`), `version ${index}\n`);
      }
      expect(syncs).toEqual([]);
      return 'imported';
    });
    expect(answered).toBe('imported');
    expect(syncs.sort()).toEqual([folder, join(folder, 'history')].sort());
    for (let index = 0; index < 5; index++) expect(await fs.readFile(join(folder, `${index}.json`), 'utf8')).toBe(`meeting ${index}`);
    // After the import, writes sync as ever.
    await writeFileDurably(join(folder, 'after.json'), 'later');
    expect(syncs.length).toBe(3);
  });

  it('syncs what an import wrote even when it fails midway, and leaves no temporary file', async () => {
    const syncs = folderSyncs();
    await expect(
      withFolderSyncsAtEnd(async () => {
        await writeFileDurably(join(folder, 'first.json'), 'whole');
        throw new Error('the second file could not be read');
      }),
    ).rejects.toThrow('the second file could not be read');
    expect(syncs).toEqual([folder]);
    expect(await fs.readdir(folder)).toEqual(['first.json']);
  });
});
