// Which reader a file's bytes need, told by the bytes themselves (never the file's name, which a
// download or a clerk may have changed), and the size each kind may have. Shared so the window can
// send a PDF or Word file to the node side and read text itself, and the node side checks the same.

/** PDFs and Word files larger than this are packs of reports, not minutes; it also keeps a base64 copy under the bridge's 32 MB. */
export const MAX_BINARY_IMPORT_BYTES = 20 * 1024 * 1024;

/** 'zip' is a Word document (.docx) or another zip; 'ole' an old Word (.doc) or Office file. */
export type FileFormat = 'pdf' | 'zip' | 'ole' | 'text';

/** How many of the first bytes `fileFormatOf` needs. */
export const FORMAT_SIGNATURE_BYTES = 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, offset) => bytes[offset] === byte);

const pdfHeader = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * The format of a file from its first FORMAT_SIGNATURE_BYTES bytes (fewer when the file is shorter):
 * a PDF's header may follow up to 1 KB of junk, as PDF readers allow (ISO 32000-1, annex H.3 note 3);
 * a zip starts "PK\x03\x04" (APPNOTE 4.3.7); an OLE compound file D0 CF 11 E0 A1 B1 1A E1 ([MS-CFB] 2.2).
 */
export function fileFormatOf(head: Uint8Array): FileFormat {
  const end = Math.min(head.length, FORMAT_SIGNATURE_BYTES) - pdfHeader.length;
  for (let at = 0; at <= end; at++) if (startsWith(head.subarray(at), pdfHeader)) return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return 'text';
}
