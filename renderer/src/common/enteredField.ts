// A text field the clerk types a date or a time into, read the British way whatever the computer's
// locale (shared/enteredDates.ts) instead of the browser's own date and time pickers, which follow the
// locale (mm/dd/yyyy and "10:10 AM" on an American machine). Plain DOM, so the same behaviour serves the
// dialogs (through DateField and TimeField) and the blocks' node views, which are not React.
//
// While the clerk types, the note under the field says what the text reads as ("Thursday 13 July
// 2017"); the value is taken when they leave the field or press Enter, never halfway through typing.
// What cannot be read stays as typed, marked invalid (aria-invalid, the note as its description, and
// the form's own validity, so a dialog is not submitted with it) with the reason and what to write.
import { formatClockTime, formatDateInWords, formatEntryDate } from '../../../shared/dates.js';
import { readDate, readTime, type Reading } from '../../../shared/enteredDates.js';

/** How one kind of field reads what is typed and shows what it holds. */
export interface EntryKind {
  read(text: string): Reading;
  /** The text the field shows for a value it holds. */
  show(value: string): string;
  /** The value in words, for the note ("Thursday 13 July 2017"). */
  words(value: string): string;
  placeholder: string;
  /** Said when a required field is left empty. */
  missing: string;
}

/** Dates: typed day first, held as ISO ("2017-07-13"), shown as 13/07/2017 with the date in words. */
export const dateEntry: EntryKind = {
  read: (text) => readDate(text),
  show: formatEntryDate,
  words: formatDateInWords,
  placeholder: 'day/month/year',
  missing: 'Enter the date, as 13/7/2017 or 13 July 2017.',
};

/** Clock times: typed as councils print them or on the 24-hour clock, held as "14:00", shown as 2.00 pm. */
export const timeEntry: EntryKind = {
  read: readTime,
  show: formatClockTime,
  words: formatClockTime,
  placeholder: 'as 2.00 pm',
  missing: 'Enter the time, as 2.00 pm or 14:00.',
};

/** What a field is for: its kind, what is done with a value taken, and whether it may be left empty. */
export interface EnteredFieldOptions {
  kind: EntryKind;
  /** Called with the value read (ISO date, "14:00"), or '' when an optional field is emptied. */
  onCommit(value: string): void;
  required?: boolean;
}

let lastId = 0;

/** The behaviour of one date or time field over its input and note (see the head of this module). */
export class EnteredField {
  private committed = '';
  private readonly listeners: [string, EventListener][];

  /**
   * Takes charge of `input` and of `note`, the element under or beside it that says what the text reads
   * as or why it cannot be read (its description, given an id here if it has none).
   */
  constructor(
    readonly input: HTMLInputElement,
    readonly note: HTMLElement,
    private options: EnteredFieldOptions,
  ) {
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.placeholder ||= options.kind.placeholder;
    if (options.required) input.required = true;
    note.id ||= `entered-field-note-${++lastId}`;
    note.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', note.id);
    this.listeners = [
      ['input', () => this.preview()],
      ['blur', () => this.commit()],
      [
        'keydown',
        ((event: KeyboardEvent) => {
          if (event.key === 'Enter') this.commit();
        }) as EventListener,
      ],
    ];
    for (const [type, listener] of this.listeners) input.addEventListener(type, listener);
  }

  /** Replaces what is done with a value taken (React hands a new function each render). */
  setOptions(options: EnteredFieldOptions): void {
    this.options = options;
    this.input.required = options.required === true;
  }

  /**
   * Shows `value` (ISO date or "14:00", '' for none) unless the clerk is typing in the field, or left
   * in it text that could not be read in place of that same value (they are to put it right).
   */
  show(value: string): void {
    const unchanged = value === this.committed;
    this.committed = value;
    if (document.activeElement === this.input || (unchanged && this.input.getAttribute('aria-invalid') === 'true')) return;
    this.input.value = value === '' ? '' : this.options.kind.show(value);
    // The stored value is not read as if typed: "10:00" is ten in the morning, not a question.
    this.describe(value === '' ? { kind: 'empty' } : { kind: 'read', value, words: this.options.kind.words(value) });
  }

  dispose(): void {
    for (const [type, listener] of this.listeners) this.input.removeEventListener(type, listener);
  }

  /** While typing: the words for what reads, and nothing yet for what does not (it may be half typed). */
  private preview(): void {
    const reading = this.options.kind.read(this.input.value);
    this.describe(reading.kind === 'problem' ? { kind: 'empty' } : reading);
    // The form must not be submitted with text the field cannot read, even before it is left.
    this.input.setCustomValidity(reading.kind === 'problem' ? reading.problem : '');
  }

  /** Leaving the field or Enter: take the value, or say why it cannot be taken. */
  private commit(): void {
    const reading = this.options.kind.read(this.input.value);
    if (reading.kind === 'problem') {
      this.describe(reading);
      return;
    }
    if (reading.kind === 'empty' && this.options.required) {
      this.describe({ kind: 'problem', problem: this.options.kind.missing });
      return;
    }
    const value = reading.kind === 'read' ? reading.value : '';
    this.input.value = value === '' ? '' : this.options.kind.show(value);
    this.describe(reading);
    if (value !== this.committed) {
      this.committed = value;
      this.options.onCommit(value);
    }
  }

  private describe(reading: Reading): void {
    const problem = reading.kind === 'problem' ? reading.problem : '';
    // A time shows itself as it is printed ("2.00 pm"), so its words are said only while they differ.
    const words = reading.kind === 'read' && reading.words !== this.input.value ? reading.words : '';
    this.note.textContent = problem || words;
    this.note.classList.toggle('error', problem !== '');
    this.input.setCustomValidity(problem);
    if (problem === '') this.input.removeAttribute('aria-invalid');
    else this.input.setAttribute('aria-invalid', 'true');
  }
}
