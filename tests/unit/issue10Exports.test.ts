// Every published form prints issue 10's structures as councils do: who moved and seconded, the
// result with its counts after the decision, the named vote, the casting vote, "not seconded",
// "carried unanimously", comings and goings, declarations with their kind and what the member did,
// the decision's lead words, the adjournment and the closing time.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderAgendaItemText } from '../../shared/export/agendaItemText.js';
import { renderDocx } from '../../shared/export/docx.js';
import { renderFormalHtml } from '../../shared/export/formalHtml.js';
import { renderFormalMarkdown } from '../../shared/export/formalMarkdown.js';
import { renderPageHtml } from '../../shared/export/pageHtml.js';
import { renderPageText } from '../../shared/export/pageText.js';
import { committee10, meeting10 } from '../fixtures/issue10Meeting.js';

const request = { meeting: meeting10, committee: committee10 };

/** What every form prints, as sentences (the forms differ only in their markup around them). */
const sentences = [
  'Councillor R Bigham declared a prejudicial interest in item 4: her husband is employed by the applicant, and left the room for the item.',
  'Councillor S Keough arrived at the meeting at 2.15 pm.',
  'An amendment was moved by Councillor K Sandhu and seconded by Councillor S Keough that the words “by March” be added.',
  'On being put to the vote the amendment was LOST (For: 4, Against: 6, Abstain: 1).',
  'It was moved by Councillor J Innes and seconded by Councillor A Jobbar that the Board supports the plan.',
  'On being put to the vote the motion was CARRIED (For: 5, Against: 3, Abstain: 1).',
  'For (5): Councillors J Innes, A Jobbar, K Caan, S Keough and G Lloyd; Against (3): Councillors K Sandhu, P Seaman and R Singh; Abstention (1): Councillor M Lapsa.',
  'AGREED that the plan be supported.',
  'Councillor R Bigham, having declared a prejudicial interest, left the meeting during consideration of this item.',
  'On being put to the vote the motion was CARRIED (5:5 and on the Chair\'s casting vote).',
  'It was moved by Councillor P Seaman that the item be deferred.',
  'The motion was not seconded.',
  'On being put to the vote the motion was carried unanimously.',
  'Councillor R Bigham returned to the meeting.',
  'RESOLVED – That Council be RECOMMENDED to:',
];
const times = ['(Meeting adjourned at 3:10pm for a comfort break and reconvened at 3:25pm)', '(Meeting closed at 4:30pm)'];

/** Text with markup, escapes and line structure flattened, so a sentence can be looked for in any form. */
const flat = (content: string | Uint8Array): string =>
  String(content)
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/\s+/g, ' ');

describe('issue 10 in every export form', () => {
  it.each([
    ['page text', () => renderPageText(request).content],
    ['page HTML', () => renderPageHtml(request).content],
    ['formal Markdown', () => renderFormalMarkdown(request).content],
    ['formal HTML', () => renderFormalHtml(request).content],
  ])('%s prints each sentence', (_form, render) => {
    const printed = flat(render());
    for (const sentence of sentences) expect(printed).toContain(sentence);
  });

  it('the formal forms end with the adjournment and the closing time', () => {
    for (const printed of [renderFormalMarkdown(request).content, renderFormalHtml(request).content].map((content) => flat(content))) {
      expect(printed).toContain(times.join(' '));
    }
  });

  it('the Agenda and minutes page ends with them as its header writes a time', () => {
    const pageTimes = '(Meeting adjourned at 3.10 pm for a comfort break and reconvened at 3.25 pm) (Meeting closed at 4.30 pm)';
    for (const printed of [renderPageText(request).content, renderPageHtml(request).content].map((content) => flat(content))) expect(printed).toContain(pageTimes);
  });

  it('several paragraphs of a motion follow "that:" each as its own paragraph', () => {
    const item = meeting10.items[2]!;
    const motion = item.minutes.find((block) => block.type === 'motion')!;
    const twice = { ...motion, content: [...motion.content!, { type: 'paragraph', content: [{ type: 'text', text: 'That officers report back in March.' }] }] };
    const meeting = { ...meeting10, items: meeting10.items.map((each) => (each === item ? { ...item, minutes: [twice] } : each)) };
    const printed = String(renderPageText({ meeting, committee: committee10 }).content);
    expect(printed).toContain('It was moved by Councillor J Innes and seconded by Councillor A Jobbar that:\n\nThat the report be approved.\n\nThat officers report back in March.');
  });

  it('the Agenda item page prints the item’s motions', () => {
    const printed = flat(renderAgendaItemText({ ...request, item: meeting10.items[2]!.minuteNumber }).content);
    expect(printed).toContain('On being put to the vote the motion was CARRIED (5:5 and on the Chair\'s casting vote).');
  });

  it('the Word document holds every sentence and both times', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(request));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = flat([...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0].replace(/<[^>]+>/g, '')).join(' '));
    for (const sentence of [...sentences, ...times]) expect(paragraphs).toContain(sentence);
  });
});
