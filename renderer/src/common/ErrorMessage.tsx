import { clerkMessage } from './clerkMessage.js';
import { inClerkWords } from '../../../shared/clerkWords.js';

// Shows a failed call's message where the clerk is looking, announced to screen readers, in the clerk's words (no channel or field names).
export function ErrorMessage({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className="error">
      {inClerkWords(clerkMessage(error))}
    </p>
  );
}
