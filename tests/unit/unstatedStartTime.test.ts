// Published minutes that do not state when the meeting began (a single item's page, many parish
// minutes) are imported with no start time. Every form then says when the meeting was held without a
// time, never "12.00 am" (qa13e E8: the sample's meetings were headed "held at 12.00 am").
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compareMeetings } from '../../shared/compare/compareMeetings.js';
import { renderAkomaNtoso } from '../../shared/export/akomaNtoso.js';
import { renderDocx } from '../../shared/export/docx.js';
import { renderFormalHtml } from '../../shared/export/formalHtml.js';
import { renderFormalMarkdown } from '../../shared/export/formalMarkdown.js';
import { renderPageText } from '../../shared/export/pageText.js';
import { Meeting } from '../../shared/model/meeting.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';

const untimed: Meeting = { ...meeting003, startTime: null };
const request = { meeting: untimed, committee: committee003 };

describe('a meeting whose minutes state no start time', () => {
  it('is a valid meeting; an empty time is not one', () => {
    expect(Meeting.safeParse(untimed).success).toBe(true);
    expect(Meeting.safeParse({ ...meeting003, startTime: '' }).success).toBe(false);
  });

  it.each([
    ['formal HTML', () => String(renderFormalHtml(request).content)],
    ['formal Markdown', () => String(renderFormalMarkdown(request).content)],
    ['Akoma Ntoso', () => renderAkomaNtoso(request)],
  ])('%s is headed "held on" the date, with no time', (_form, render) => {
    const printed = render().replace(/<[^>]+>/g, '');
    expect(printed).toContain('held on Thursday, 20 October 2022');
    expect(printed).not.toMatch(/held at|12\.00 am/);
  });

  it('Akoma Ntoso marks no <time> for it, and one when the time is stated', () => {
    expect(renderAkomaNtoso(request)).toMatch(/held on <docDate date="2022-10-20">/);
    expect(renderAkomaNtoso({ meeting: meeting003, committee: committee003 })).toMatch(/held at <time time="14:30:00">2.30 pm<\/time> on <docDate/);
  });

  it('the Word document and the Agenda and minutes page leave the time out', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(request));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('held on Thursday, 20 October 2022');
    const page = String(renderPageText(request).content).split('\n').find((line) => line.startsWith(committee003.name))!;
    expect(page).toMatch(/Thursday, 20th October, 2022$/);
  });

  it('Compare shows the time being added, not "12.00 am" struck out', () => {
    const changes = compareMeetings(untimed, meeting003).details;
    expect(changes).toContainEqual(expect.objectContaining({ field: 'startTime', before: '', after: '2.30 pm' }));
  });
});
