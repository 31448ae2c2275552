// Linux stamps a file's times from the kernel's coarse clock, a scheduler tick behind Date.now(), and
// a file written twice within one tick at one size keeps the same size and times. So a stamp (size,
// modification and change time) taken this close to a write proves nothing about later writes: what
// is cached or indexed that recently is checked against the file's content instead (git's "racily
// clean" entries are the same problem).

/** How far a file's times may lag Date.now(), in milliseconds, with room for a loaded machine. */
export const FILE_CLOCK_SLACK_MS = 50;

/** True when a file modified at modifiedAtMs (its mtimeMs) could be written again, unseen by its stamp, after the stamp taken at stampedAtMs (Date.now()). */
export function stampIsRacy(modifiedAtMs: number, stampedAtMs: number): boolean {
  return modifiedAtMs > stampedAtMs - FILE_CLOCK_SLACK_MS;
}
