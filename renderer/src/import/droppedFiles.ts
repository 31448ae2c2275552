// The files a clerk drops on the window, folders walked through, or picks with File → Import.
interface FileSystemEntryLike {
  isFile: boolean;
  isDirectory: boolean;
  file?(success: (file: File) => void, failure: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: FileSystemEntryLike[]) => void, failure: (error: unknown) => void): void };
}

async function filesIn(entry: FileSystemEntryLike): Promise<File[]> {
  if (entry.isFile && entry.file) return [await new Promise<File>((resolve, reject) => entry.file!(resolve, reject))];
  if (!entry.isDirectory || !entry.createReader) return [];
  const reader = entry.createReader();
  const files: File[] = [];
  // readEntries answers in batches until it answers with none.
  for (;;) {
    const batch = await new Promise<FileSystemEntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) files.push(...(await filesIn(child)));
  }
  return files;
}

export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .map((item) => (item.webkitGetAsEntry?.() ?? null) as FileSystemEntryLike | null)
    .filter((entry): entry is FileSystemEntryLike => entry !== null);
  if (entries.length === 0) return [...transfer.files];
  const files = (await Promise.all(entries.map(filesIn))).flat();
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
