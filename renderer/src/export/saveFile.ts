// Saving a file the renderer made: through the desktop app's save dialog, or as a download in the browser.
import type { ExportedFile } from '../../../shared/export/exportForm.js';
import { api, isDesktop } from '../api.js';

/** The bytes as base64, in slices small enough for String.fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves the file where the clerk chooses: answers the path in the desktop app (null when the clerk
 * cancelled), or null once the browser has been given it to download.
 * @throws MinuteBookError when the node side cannot write the chosen path
 */
export async function saveFile(file: ExportedFile): Promise<string | null> {
  if (!isDesktop) {
    download(file);
    return null;
  }
  const content = typeof file.content === 'string' ? file.content : toBase64(file.content);
  const { savedTo } = await api.call('exports:save', { fileName: file.fileName, content, encoding: typeof file.content === 'string' ? 'utf8' : 'base64' });
  return savedTo;
}
