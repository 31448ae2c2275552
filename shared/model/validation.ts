// Turns schema failures into one sentence a clerk (or a developer reading a log) can act on:
// which file or call, which field, what was wrong.
import type { z } from 'zod';

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly where: string,
    readonly problems: string[],
  ) {
    super(`${where}: ${problems.join('; ')}`);
  }
}

/** `items[3].minutes[0].type` style path, the way a developer would write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** Parses `value` with `schema`, throwing a ValidationError that names `where` and each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(where, describeIssues(result.error));
  return result.data;
}
