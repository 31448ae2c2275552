// A lowdb adapter that validates on every read: lowdb's DataFile writes atomically (temp file, then
// rename); this adds JSON parsing and a schema check that names the file and the field at fault.
import { DataFile } from 'lowdb/node';
import { ValidationError } from '../../shared/model/validation.js';

export function validatedJsonFile<T>(
  path: string,
  label: string,
  parse: (raw: unknown, where: string) => T,
): DataFile<T> {
  return new DataFile<T>(path, {
    parse: (text) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        const reason = text.trim() === '' ? 'the file is empty' : (error as Error).message;
        throw new ValidationError(label, [`not valid JSON (${reason})`]);
      }
      return parse(raw, label);
    },
    stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
  });
}
