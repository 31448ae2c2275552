// Shows a failed call's message where the clerk is looking, announced to screen readers.
import { clerkMessage } from './clerkMessage.js';

export function ErrorMessage({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className="error">
      {clerkMessage(error)}
    </p>
  );
}
