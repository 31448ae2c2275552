// Failures the node side reports to its callers, each with the code the contract carries across IPC.
import type { ErrorCode } from '../../shared/contract.js';

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(
    readonly code: Exclude<ErrorCode, 'invalid-input' | 'internal' | 'unavailable'>,
    message: string,
  ) {
    super(message);
  }
}
