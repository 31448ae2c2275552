// Which files Import… offers and the desktop app accepts when one is double-clicked or passed to it:
// the archive's own JSON, the published minutes as text, Markdown, HTML, PDF or Word. The reader is
// chosen from the bytes (fileFormat.ts); the name only decides what is offered.
import { MAX_IMPORT_BYTES } from './detectForm.js';

/** The endings offered, without the dot, lower case. */
export const IMPORTABLE_EXTENSIONS = ['json', 'txt', 'md', 'html', 'htm', 'pdf', 'docx'] as const;

/** At most this many files go to the window in one answer: more than a committee's archive of a decade. */
export const MAX_FILES_SENT = 500;

/** At most this many bytes (before base64) go to the window in one answer. */
export const MAX_BYTES_SENT = 4 * MAX_IMPORT_BYTES;

/** The file input's `accept`: the endings above. */
export const IMPORTABLE_ACCEPT = IMPORTABLE_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** True when `fileName` (a name or a path, any case) ends in one of IMPORTABLE_EXTENSIONS. */
export function isImportableName(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return (IMPORTABLE_EXTENSIONS as readonly string[]).includes(extension);
}
