// Small form controls for the structured blocks' node views. They sit outside ProseMirror's editable
// content (contenteditable=false), and each has an accessible name.
import { EnteredField, type EntryKind } from '../common/enteredField.js';

export function textField(label: string, onInput: (value: string) => void, type = 'text'): HTMLInputElement {
  const input = document.createElement('input');
  input.type = type;
  input.className = 'block-field';
  input.setAttribute('aria-label', label);
  input.placeholder = label;
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

let listCount = 0;

/**
 * A text field that offers choices as the clerk types (the committee's members, the meeting's items)
 * and still takes any other words: an <input list> over a <datalist>, which Chromium exposes as a
 * combobox and opens with ArrowDown. Append `list` beside the input; fill it with fillList.
 */
export function listedField(label: string, onInput: (value: string) => void): { input: HTMLInputElement; list: HTMLDataListElement } {
  const input = textField(label, onInput);
  const list = document.createElement('datalist');
  list.id = `block-choices-${++listCount}`;
  input.setAttribute('list', list.id);
  input.autocomplete = 'off';
  return { input, list };
}

/** Puts `options` (value, and words shown beside it or '') in a field's list, touching the page only when they change. */
export function fillList(list: HTMLDataListElement, options: readonly (readonly [string, string])[]): void {
  const key = JSON.stringify(options);
  if (list.dataset['options'] === key) return;
  list.replaceChildren(...options.map(([value, text]) => Object.assign(document.createElement('option'), { value, label: text })));
  list.dataset['options'] = key;
}

/**
 * A date or time field in a block (common/enteredField.ts): read day first and as councils print
 * times, with its note beside it. `show` it the block's value on each sync.
 */
export function enteredField(label: string, kind: EntryKind, onCommit: (value: string) => void): { wrapper: HTMLSpanElement; field: EnteredField } {
  const wrapper = document.createElement('span');
  wrapper.className = 'entered-field inline';
  const input = document.createElement('input');
  input.className = 'block-field';
  input.setAttribute('aria-label', label);
  const note = document.createElement('small');
  note.className = 'field-note';
  wrapper.append(input, note);
  return { wrapper, field: new EnteredField(input, note, { kind, onCommit }) };
}

export function choice(label: string, options: readonly (readonly [string, string])[], onChange: (value: string) => void): HTMLSelectElement {
  const select = document.createElement('select');
  select.className = 'block-field';
  select.setAttribute('aria-label', label);
  for (const [value, text] of options) select.add(new Option(text, value));
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

export function checkbox(label: string, onChange: (checked: boolean) => void): { wrapper: HTMLLabelElement; input: HTMLInputElement } {
  const wrapper = document.createElement('label');
  wrapper.className = 'block-check';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.addEventListener('change', () => onChange(input.checked));
  wrapper.append(input, ` ${label}`);
  return { wrapper, input };
}

export function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'block-button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

/** Sets a control's value unless the clerk is typing in it, so an update never moves their cursor. */
export function showValue(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (document.activeElement !== control && control.value !== value) control.value = value;
}

export function words(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/**
 * Fills a choice whose options come from the meeting (its attendance, its committee's kinds), keeping
 * `value` among them even when the meeting no longer lists it, so a block never shows a value it lacks.
 */
export function fillChoice(select: HTMLSelectElement, options: readonly (readonly [string, string])[], value: string): void {
  const listed = options.some(([option]) => option === value) ? options : [...options, [value, value] as const];
  const key = JSON.stringify(listed);
  if (select.dataset['options'] !== key) {
    select.replaceChildren(...listed.map(([option, text]) => new Option(text, option)));
    select.dataset['options'] = key;
  }
  showValue(select, value);
}
