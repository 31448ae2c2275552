// Files the node side read for the window (Import…'s open dialog in the desktop app, or files
// double-clicked or passed to the app), made into the File objects the import dialog reads, as a
// dropped or chosen file would be.
import type { FileSent } from '../../../shared/contract.js';
import { api } from '../api.js';

/** `sent` as Files, by name and bytes. */
export function filesFromNode(sent: readonly FileSent[]): File[] {
  return sent.map(({ fileName, base64 }) => new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], fileName));
}

/** What came: the files, and one sentence about those that could not be read (null when all were). */
export interface FilesGiven {
  files: File[];
  problem: string | null;
}

const given = ({ files, problems }: { files: readonly FileSent[]; problems: readonly string[] }): FilesGiven => ({
  files: filesFromNode(files),
  problem: problems.length === 0 ? null : problems.join(' '),
});

/** The desktop app's open dialog for Import…: the files chosen (none when the clerk cancels). */
export const chooseFilesToImport = async (): Promise<FilesGiven> => given(await api.call('files:choose-to-import', {}));

/** The files given to the desktop app since it was last asked (double-clicked, or passed to a second start). */
export const takeOpenedFiles = async (): Promise<FilesGiven> => given(await api.call('files:take-opened', {}));
