// How a committee prints its minute numbers (shared/model/committee.ts NumberingStyle), chosen in the
// committee dialog: the prefix, where and which year, the full stop and sub-items, with an example
// of the committee's next number as it will print.
import { type NumberingStyle } from '../../../shared/model/committee.js';
import { formatMinuteNumber, formatMinuteNumberParts } from '../../../shared/numbering.js';

interface NumberingFieldsProps {
  style: NumberingStyle;
  onChange: (style: NumberingStyle) => void;
}

/** The example the fields show: minute 79 of a meeting in January 2017 (municipal year 2016/17), and its first sub-item. */
const example = (style: NumberingStyle): string =>
  `${formatMinuteNumber(79, { municipal: 2016, calendar: 2017 }, style)}, sub-item ${formatMinuteNumberParts({ prefix: style.prefix, number: 79, year: style.yearOf === 'calendar' ? 2017 : 2016, sub: style.subItems === 'decimal' ? '1' : 'a' }, style)}`;

export function NumberingFields({ style, onChange }: NumberingFieldsProps) {
  const set = <K extends keyof NumberingStyle>(key: K, value: NumberingStyle[K]) => onChange({ ...style, [key]: value });
  return (
    <fieldset className="numbering-fields">
      <legend>Minute numbers</legend>
      <label>
        Prefix
        <input value={style.prefix} maxLength={6} pattern="[A-Za-z]*" placeholder="none (EX, PLN …)" onChange={(event) => set('prefix', event.target.value.replace(/[^A-Za-z]/g, '').slice(0, 6))} />
      </label>
      <label>
        Year in the number
        <select value={style.yearAt} onChange={(event) => set('yearAt', event.target.value as NumberingStyle['yearAt'])}>
          <option value="none">not printed (79.)</option>
          <option value="after">after the number (79/16)</option>
          <option value="before">before the number (16/79)</option>
        </select>
      </label>
      <label>
        Which year
        <select value={style.yearOf} disabled={style.yearAt === 'none'} onChange={(event) => set('yearOf', event.target.value as NumberingStyle['yearOf'])}>
          <option value="municipal">the year the municipal year began</option>
          <option value="calendar">the calendar year of the meeting</option>
        </select>
      </label>
      <label>
        Year digits
        <select value={style.yearDigits} disabled={style.yearAt === 'none'} onChange={(event) => set('yearDigits', Number(event.target.value) === 4 ? 4 : 2)}>
          <option value={2}>two (16)</option>
          <option value={4}>four (2016)</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={style.terminator === '.'} onChange={(event) => set('terminator', event.target.checked ? '.' : '')} />
        Full stop after the number
      </label>
      <label>
        Sub-items
        <select value={style.subItems} onChange={(event) => set('subItems', event.target.value as NumberingStyle['subItems'])}>
          <option value="decimal">decimal (5.1)</option>
          <option value="letter">a letter after the number (11a)</option>
          <option value="bracketed-letter">a bracketed letter ((a))</option>
        </select>
      </label>
      <p className="hint" aria-live="polite">
        Prints as {example(style)}
      </p>
    </fieldset>
  );
}
