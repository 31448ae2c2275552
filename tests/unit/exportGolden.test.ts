// Exporting each seed meeting, from its structured record alone, reproduces the seed's published
// text in its own form, whitespace aside.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedAsMinuteBookSigns } from './builders.js';
import { describe, expect, it } from 'vitest';
import { renderAgendaItemText } from '../../shared/export/agendaItemText.js';
import { renderFormalMarkdown } from '../../shared/export/formalMarkdown.js';
import { pageMinutes, renderPageText } from '../../shared/export/pageText.js';
import type { Item } from '../../shared/model/meeting.js';
import { item002 } from '../fixtures/seed002.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';
import { normalisedLines } from './normalise.js';

const seed = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'seeds', name), 'utf8');
const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content));

describe('the Agenda and minutes page (text)', () => {
  it('reproduces seed 001, 27 April 2017', () => {
    const page = renderPageText({ meeting: meeting001, committee: committee001 });
    expect(normalisedLines(text(page.content))).toEqual(normalisedLines(seed('001_a919da4fdd24a8d9.txt')));
  });

  it('reproduces seed 004, 13 July 2017, cutting items 7 and 8 where the seed does when asked for the same length', () => {
    const fullLength = (minuteNumber: number) => pageMinutes(meeting004.items.find((item) => item.minuteNumber === minuteNumber) as Item, undefined, committee001.declarationKinds).length;
    const page = renderPageText({ meeting: meeting004, committee: committee001, cutMinutes: { 7: fullLength(7), 8: fullLength(8) } });
    expect(normalisedLines(text(page.content))).toEqual(normalisedLines(seed('004_b658104d70fdaac4.txt')));
  });

  it('cuts nothing when not asked to', () => {
    const page = text(renderPageText({ meeting: meeting004, committee: committee001 }).content);
    expect(page).not.toContain('view the full minutes text');
  });
});

describe('the Agenda item page (text)', () => {
  it('reproduces seed 002', () => {
    const meeting = { ...meeting001, items: [item002] };
    const page = renderAgendaItemText({ meeting, committee: committee001, item: item002.minuteNumber });
    expect(normalisedLines(text(page.content))).toEqual(normalisedLines(seed('002_649d194bed661f2d.txt')));
  });
});

describe('the formal minutes (Markdown)', () => {
  it('reproduces seed 003 but for the converter’s inconsistent headings and bold, each named here', () => {
    const exported = normalisedLines(text(renderFormalMarkdown({ meeting: meeting003, committee: committee003 }).content));
    const published = normalisedLines(seed('003_4d226feff2281d8f.txt'));
    // Where the published Markdown (converted from Word) formats the same thing differently from
    // item to item, Minute Book writes it one way. These are the only lines allowed to differ.
    const conversionArtefacts: [string, string][] = [
      ['#### 4. **Children\'s Services Ofsted Outcome**', '### **4. Children\'s Services Ofsted Outcome**'],
      ['- 1. Consider the recommendations highlighted in the Inspection report and requested a further report on progress implementation.**', '1. **Consider the recommendations highlighted in the Inspection report and requested a further report on progress implementation.**'],
      ['- 2. Receives the Development Plan at a future meeting in response to the Inspection report.**', '2. **Receives the Development Plan at a future meeting in response to the Inspection report.**'],
      ['- 3. It was unanimously agreed to write to the Children\'s Services team to congratulate them on the recent Ofsted result.**', '3. **It was unanimously agreed to write to the Children\'s Services team to congratulate them on the recent Ofsted result.**'],
      ['5. **Work Programme and Outstanding Issues**', '### **5. Work Programme and Outstanding Issues**'],
      ['6. **Any Other Business**', '### **6. Any Other Business**'],
    ];
    const expected = published.map((line) => conversionArtefacts.find(([seedLine]) => seedLine === line)?.[1] ?? line);
    expect(conversionArtefacts.every(([seedLine]) => published.includes(seedLine))).toBe(true);
    expect(exported).toEqual(expected);
  });
});

describe('minutes not yet agreed, and signed minutes, in the text forms', () => {
  const draft = { ...meeting003, status: 'draft' } as const;
  const signed = signedAsMinuteBookSigns(meeting003, 'Councillor J Innes', '2022-12-01');
  // Each form, and its draft mark: Markdown sets it in bold.
  const forms = [
    ['the Agenda and minutes page', 'DRAFT – not yet agreed', (meeting: typeof meeting003) => renderPageText({ meeting, committee: committee003 })],
    ['the Agenda item page', 'DRAFT – not yet agreed', (meeting: typeof meeting003) => renderAgendaItemText({ meeting, committee: committee003, item: 4 })],
    ['the formal minutes (Markdown)', '**DRAFT – not yet agreed**', (meeting: typeof meeting003) => renderFormalMarkdown({ meeting, committee: committee003 })],
  ] as const;

  it.each(forms)('%s of a draft or circulated meeting opens with the draft mark, and is otherwise the agreed text', (_name, mark, render) => {
    const agreed = text(render(meeting003).content);
    expect(agreed).not.toContain('DRAFT');
    expect(text(render(draft).content)).toBe(`${mark}\n\n${agreed}`);
    expect(text(render({ ...meeting003, status: 'circulated' }).content)).toBe(`${mark}\n\n${agreed}`);
  });

  it.each(forms)('%s of signed minutes ends with the Chair’s signature and the day', (_name, _mark, render) => {
    const agreed = text(render(meeting003).content);
    expect(text(render(signed as typeof meeting003).content)).toBe(`${agreed}\nSigned Councillor J Innes (Chair), 1 December 2022\n`);
  });
});
