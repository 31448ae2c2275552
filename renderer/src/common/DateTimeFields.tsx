// The date and time fields of the dialogs and panels: a label, the text field (common/enteredField.ts)
// and the note under it saying what was read ("Thursday 13 July 2017") or why it could not be.
import { useEffect, useId, useRef } from 'react';
import { EnteredField, dateEntry, timeEntry, type EntryKind } from './enteredField.js';

export interface DateTimeFieldProps {
  label: string;
  /** ISO date ("2017-07-13") or time ("14:00"); '' for none. */
  value: string;
  /** Called with the value read when the clerk leaves the field or presses Enter ('' when emptied, unless required). */
  onChange: (value: string) => void;
  required?: boolean;
  className?: string;
  /** Why the value can no longer change, shown under the field, which is then read-only; absent when it can. */
  fixedBecause?: string;
  /** Takes the focus when the dialog opens (the dialog's first field is otherwise the first to). */
  autoFocus?: boolean;
}

function EnteredInput({ label, value, onChange, required = false, className, fixedBecause, autoFocus = false, kind }: DateTimeFieldProps & { kind: EntryKind }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const note = useRef<HTMLElement>(null);
  const field = useRef<EnteredField | null>(null);

  useEffect(() => {
    const entered = new EnteredField(input.current!, note.current!, { kind, onCommit: () => undefined });
    field.current = entered;
    return () => {
      entered.dispose();
      field.current = null;
    };
  }, [kind]);
  useEffect(() => field.current?.setOptions({ kind, onCommit: onChange, required }), [kind, onChange, required]);
  useEffect(() => field.current?.show(value), [kind, value]);
  // After the field's own note (set when it was made): the reason it is fixed is read with it.
  useEffect(() => input.current!.setAttribute('aria-describedby', fixedBecause === undefined ? `${id}-note` : `${id}-note ${id}-fixed`), [fixedBecause, id]);

  return (
    <div className={`entered-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} ref={input} className="entered-input" readOnly={fixedBecause !== undefined} autoFocus={autoFocus} />
      <small id={`${id}-note`} ref={note} className="field-note" />
      {fixedBecause !== undefined && (
        <small id={`${id}-fixed`} className="field-note">
          {fixedBecause}
        </small>
      )}
    </div>
  );
}

/** A date, typed day first ("13/7/2017", "13 July 2017", "13 Jul 17") whatever the computer's locale. */
export function DateField(props: DateTimeFieldProps) {
  return <EnteredInput {...props} kind={dateEntry} />;
}

/** A clock time, typed as councils print it ("2pm", "2.00 pm") or on the 24-hour clock ("14:00"). */
export function TimeField(props: DateTimeFieldProps) {
  return <EnteredInput {...props} kind={timeEntry} />;
}
