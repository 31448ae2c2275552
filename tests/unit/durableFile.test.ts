// Durable writes, and an import's writes made as one batch (withDurableBatch): synced, renamed and their folders synced at its end.
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendDurably, isLeftoverTemporary, settledBeforeReading, withDurableBatch, writeFileDurably } from '../../electron/services/durableFile.js';
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
    const answered = await withDurableBatch(async () => {
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
      withDurableBatch(async () => {
        await writeFileDurably(join(folder, 'first.json'), 'whole');
        throw new Error('the second file could not be read');
      }),
    ).rejects.toThrow('the second file could not be read');
    expect(syncs).toEqual([folder]);
    expect(await fs.readdir(folder)).toEqual(['first.json']);
  });
});

describe('a batch of durable writes', () => {
  it('puts each file in place only once its temporary file is synced, all at the end, in the order written', async () => {
    const target = join(folder, 'meeting.json');
    await fs.writeFile(target, 'as it was');
    const synced: string[] = [];
    const open = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (path, flags, mode) => {
      const handle = await open(path, flags, mode);
      if (flags === 'r+') {
        const sync = handle.sync.bind(handle);
        vi.spyOn(handle, 'sync').mockImplementation(async () => {
          // Synced while the target still holds what it held: nothing is renamed before every sync is made.
          expect(await fs.readFile(target, 'utf8')).toBe('as it was');
          synced.push(String(path));
          return sync();
        });
      }
      return handle;
    });
    await withDurableBatch(async () => {
      await writeFileDurably(target, 'first');
      await writeFileDurably(target, 'second');
      await writeFileDurably(join(folder, 'index.json'), 'index');
      expect(await fs.readFile(target, 'utf8')).toBe('as it was');
    });
    expect(synced).toHaveLength(3);
    expect(synced.every((path) => isLeftoverTemporary(basename(path)))).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('second');
    expect(await fs.readFile(join(folder, 'index.json'), 'utf8')).toBe('index');
    expect((await fs.readdir(folder)).sort()).toEqual(['index.json', 'meeting.json']);
  });

  it('settles a file put off before it is read or appended to, so neither sees its old content', async () => {
    const path = join(folder, 'history.jsonl');
    await withDurableBatch(async () => {
      await writeFileDurably(path, 'compacted\n');
      await settledBeforeReading(path);
      expect(await fs.readFile(path, 'utf8')).toBe('compacted\n');
      await writeFileDurably(path, 'compacted again\n');
      await appendDurably(path, 'appended\n');
    });
    expect(await fs.readFile(path, 'utf8')).toBe('compacted again\nappended\n');
  });

  it('changes no target and leaves no temporary file when a sync fails, and says so in the clerk’s words', async () => {
    const kept = join(folder, 'kept.json');
    await fs.writeFile(kept, 'as it was');
    const open = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (path, flags, mode) => {
      const handle = await open(path, flags, mode);
      if (flags === 'r+') vi.spyOn(handle, 'sync').mockRejectedValue(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
      return handle;
    });
    await expect(
      withDurableBatch(async () => {
        await writeFileDurably(kept, 'new words', 'meetings/kept.json');
        await writeFileDurably(join(folder, 'new.json'), 'a new meeting');
      }),
    ).rejects.toThrow(/The disk is full/);
    expect(await fs.readdir(folder)).toEqual(['kept.json']);
    expect(await fs.readFile(kept, 'utf8')).toBe('as it was');
  });
});
