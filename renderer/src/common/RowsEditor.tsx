// A list of rows with the same fields (members, apologies, standard agenda items…), each field with
// an accessible name such as "Member 2 name", and Add / Remove buttons reachable from the keyboard.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

export interface Column {
  key: string;
  label: string;
  kind: 'text' | 'check' | 'select';
  options?: readonly (readonly [string, string])[];
  /** For a text field: what it offers as the clerk types (a <datalist>, Chromium's combobox), any other words still taken. */
  suggestions?: readonly string[];
}

type Row = Record<string, unknown>;

interface RowsEditorProps<R extends Row> {
  legend: string;
  /** Singular noun for one row, lower case: "member", "apology". */
  noun: string;
  rows: readonly R[];
  columns: readonly Column[];
  blank: () => R;
  onChange: (rows: R[]) => void;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function RowsEditor<R extends Row>({ legend, noun, rows, columns, blank, onChange }: RowsEditorProps<R>) {
  const listRef = useRef<HTMLOListElement>(null);
  // The row to put the focus in once it is there (a row just added), or null.
  const focusRow = useRef<number | null>(null);
  const listIds = useId();

  useEffect(() => {
    if (focusRow.current === null) return;
    const row = listRef.current?.children[focusRow.current];
    focusRow.current = null;
    row?.querySelector<HTMLElement>('input, select')?.focus();
  }, [rows.length]);

  // Enter in a row adds a row after it, as in a table in Word, and never submits the dialog.
  const addRowOnEnter = (event: KeyboardEvent, index: number): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    focusRow.current = index + 1;
    onChange([...rows.slice(0, index + 1), blank(), ...rows.slice(index + 1)]);
  };

  const update = (index: number, key: string, value: unknown): void =>
    onChange(rows.map((row, at) => (at === index ? { ...row, [key]: value } : row)));

  return (
    <fieldset className="rows-editor">
      <legend>{legend}</legend>
      <ol ref={listRef}>
        {rows.map((row, index) => (
          <li key={index}>
            {columns.map((column) => {
              const label = `${capitalised(noun)} ${index + 1} ${column.label}`;
              if (column.kind === 'check') {
                return (
                  <label key={column.key} className="check">
                    <input
                      type="checkbox"
                      aria-label={label}
                      checked={row[column.key] === true}
                      onChange={(event) => update(index, column.key, event.target.checked)}
                    />
                    {column.label}
                  </label>
                );
              }
              if (column.kind === 'select') {
                return (
                  <select
                    key={column.key}
                    aria-label={label}
                    value={String(row[column.key])}
                    onChange={(event) => update(index, column.key, event.target.value)}
                    onKeyDown={(event) => addRowOnEnter(event, index)}
                  >
                    {column.options?.map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </select>
                );
              }
              return (
                <input
                  key={column.key}
                  type="text"
                  {...(column.suggestions === undefined ? {} : { list: `${listIds}-${column.key}`, autoComplete: 'off' })}
                  aria-label={label}
                  placeholder={capitalised(column.label)}
                  value={String(row[column.key] ?? '')}
                  onChange={(event) => update(index, column.key, event.target.value)}
                  onKeyDown={(event) => addRowOnEnter(event, index)}
                />
              );
            })}
            <button type="button" className="quiet" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
              Remove {noun} {index + 1}
            </button>
          </li>
        ))}
      </ol>
      {columns.map(
        (column) =>
          column.suggestions !== undefined && (
            <datalist key={column.key} id={`${listIds}-${column.key}`}>
              {column.suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          ),
      )}
      <button
        type="button"
        onClick={() => {
          focusRow.current = rows.length;
          onChange([...rows, blank()]);
        }}
      >
        Add {noun}
      </button>
    </fieldset>
  );
}
