import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curlQuotes } from '../../shared/editor/curlyQuotes.js';
import { cleanWordHtml, hasMinutesLines, isWordHtml, pastedMinutes } from '../../shared/editor/pastedMinutes.js';
import { minutesSchema } from '../../shared/editor/schema.js';
import { knownDeclarationKinds } from '../../shared/model/declarationKinds.js';
import type { MinutesNodeJSON } from '../../shared/model/meeting.js';

const wordHtml = readFileSync(new URL('../fixtures/clipboard/word-discussion-and-resolution.html', import.meta.url), 'utf8');
const options = { curlyQuotes: true, kinds: knownDeclarationKinds, newId: () => 'pasted' };

/** Blocks as type and text, nested: what the clerk sees of them. */
function outline(node: MinutesNodeJSON): unknown {
  if (node.type === 'paragraph' || node.type === 'resolution_preamble') return `${node.type}: ${(node.content ?? []).map((child) => child.text ?? '').join('')}`;
  return { [node.type]: (node.content ?? []).map(outline) };
}

describe('pasting from Word', () => {
  it('knows Word’s clipboard HTML from a web page’s', () => {
    expect(isWordHtml(wordHtml)).toBe(true);
    expect(isWordHtml('<p>From a <b>web page</b></p>')).toBe(false);
  });

  it('turns the fixture as Word puts it on the clipboard into a paragraph, nested bullets and a resolution with its parts', () => {
    const blocks = pastedMinutes({ html: wordHtml, text: '' }, options);
    expect(blocks?.map(outline)).toEqual([
      'paragraph: The Committee considered the report of the Head of Planning on the Council’s “Local Plan” review.',
      {
        bullet_list: [
          { list_item: ['paragraph: Members asked about the timetable for consultation.', { bullet_list: [{ list_item: ['paragraph: Officers said it would start in September.'] }] }] },
          { list_item: ['paragraph: A Member said the ‘call for sites’ had been well received.'] },
        ],
      },
      { resolution: ['resolution_preamble: :', { resolution_part: ['paragraph: the report be noted;'] }, { resolution_part: ['paragraph: a further report be brought to the next meeting.'] }] },
    ]);
    expect(blocks?.[2]?.attrs).toMatchObject({ lead: 'resolved-that', partStyle: '1)' });
    // Every block is one the schema takes.
    for (const block of blocks ?? []) expect(() => minutesSchema.nodeFromJSON(block).check()).not.toThrow();
  });

  it('leaves out Word’s markers, comments and Office tags', () => {
    const clean = cleanWordHtml(wordHtml);
    expect(clean).not.toMatch(/supportLists|mso-|<o:p|StartFragment|·|Times New Roman/);
    expect(clean).toContain('<p>1) the report be noted;</p>');
  });

  it('reads the other way Word writes the markers (comment-wrapped) and a numbered list outside a resolution', () => {
    const html =
      '<p class=MsoListParagraph style="mso-list:l2 level1 lfo3"><!--[if !supportLists]--><span style="mso-list:Ignore">a)<span>&nbsp; </span></span><!--[endif]-->First point</p>' +
      '<p class=MsoListParagraph style="mso-list:l2 level1 lfo3"><!--[if !supportLists]--><span style="mso-list:Ignore">b)<span>&nbsp; </span></span><!--[endif]-->Second point</p>';
    expect(cleanWordHtml(html)).toBe('<p>a) First point</p>\n<p>b) Second point</p>');
  });

  it('keeps "(a)" parts as "(a)", and a list of its own after the resolution out of it', () => {
    const listParagraph = (list: string, marker: string, text: string) =>
      `<p class=MsoListParagraph style="mso-list:${list} level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">${marker}<span>&nbsp;&nbsp; </span></span><![endif]>${text}</p>`;
    const html =
      '<p class=MsoNormal><b>RESOLVED that:</b></p>' +
      listParagraph('l1', '(a)', 'the report be noted;') +
      listParagraph('l1', '(b)', 'the Chair write to the Minister.') +
      listParagraph('l3', '1.', 'A numbered paragraph not in a resolution.');
    const blocks = pastedMinutes({ html, text: '' }, options);
    expect(blocks?.map(outline)).toEqual([
      { resolution: ['resolution_preamble: :', { resolution_part: ['paragraph: the report be noted;'] }, { resolution_part: ['paragraph: the Chair write to the Minister.'] }] },
      'paragraph: 1. A numbered paragraph not in a resolution.',
    ]);
    expect(blocks?.[0]?.attrs).toMatchObject({ partStyle: '(a)' });
  });
});

describe('pasting plain text', () => {
  it('reads "- ", "• " and "1)" lines as bullets and a resolution’s parts', () => {
    const text = 'Members discussed the bid.\n• the cost\n• the timing\nRESOLVED that:\n1) the bid be supported;\n2) the Chair write to the Minister.';
    expect(hasMinutesLines(text)).toBe(true);
    expect(pastedMinutes({ html: '', text }, options)?.map(outline)).toEqual([
      'paragraph: Members discussed the bid.',
      { bullet_list: [{ list_item: ['paragraph: the cost'] }, { list_item: ['paragraph: the timing'] }] },
      { resolution: ['resolution_preamble: :', { resolution_part: ['paragraph: the bid be supported;'] }, { resolution_part: ['paragraph: the Chair write to the Minister.'] }] },
    ]);
  });

  it('keeps "- " and "• " lines at one level, and nests "- " and "o" under "•" as Word and typed minutes do', () => {
    const siblings = 'Members noted:\n- first point\n- second point\n• third point';
    expect(pastedMinutes({ html: '', text: siblings }, options)?.map(outline)).toEqual([
      'paragraph: Members noted:',
      { bullet_list: [{ list_item: ['paragraph: first point'] }, { list_item: ['paragraph: second point'] }, { list_item: ['paragraph: third point'] }] },
    ]);
    const nested = 'Members noted:\n• the cost\n- of the land\no of the building\n• the timing';
    expect(pastedMinutes({ html: '', text: nested }, options)?.map(outline)).toEqual([
      'paragraph: Members noted:',
      {
        bullet_list: [
          { list_item: ['paragraph: the cost', { bullet_list: [{ list_item: ['paragraph: of the land'] }, { list_item: ['paragraph: of the building'] }] }] },
          { list_item: ['paragraph: the timing'] },
        ],
      },
    ]);
  });

  it('keeps a line about the meeting’s times as the words it is, after list lines too: a paste loses no line (qa13f F2)', () => {
    const text = 'Members noted:\n- the first point\n1) a numbered thing\nThe meeting ended at 3.15 pm.\n(Meeting adjourned at 3:10pm and reconvened at 3:25pm)';
    const blocks = pastedMinutes({ html: '', text }, options);
    const words = JSON.stringify(blocks);
    for (const line of ['Members noted:', 'the first point', 'a numbered thing', 'The meeting ended at 3.15 pm.', '(Meeting adjourned at 3:10pm and reconvened at 3:25pm)']) expect(words).toContain(line);
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p class=MsoNormal>Intro:</p><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;</span></span><![endif]>a point</p><p class=MsoNormal>The meeting ended at 3.15 pm.</p></body></html>`;
    expect(JSON.stringify(pastedMinutes({ html: word, text: '' }, options))).toContain('The meeting ended at 3.15 pm.');
  });

  it('leaves ordinary text and web pages to the editor’s own paste', () => {
    expect(pastedMinutes({ html: '', text: 'Just a sentence, 2.00 pm.' }, options)).toBeNull();
    expect(pastedMinutes({ html: '<p>- not Word</p>', text: '- not Word' }, options)).toBeNull();
  });

  it('curls quotes only when the clerk wants them curled', () => {
    const text = "- the \"Local Plan\" and the Members' room";
    const straight = pastedMinutes({ html: '', text }, { ...options, curlyQuotes: false });
    const curly = pastedMinutes({ html: '', text }, options);
    expect(JSON.stringify(straight)).toContain('the \\"Local Plan\\" and the Members\' room');
    expect(JSON.stringify(curly)).toContain('the “Local Plan” and the Members’ room');
  });
});

describe('curly quotes', () => {
  it('opens after a space, a bracket or the start, closes after a letter, and makes apostrophes', () => {
    expect(curlQuotes(`"Yes," she said ('quite') and didn't`)).toBe('“Yes,” she said (‘quite’) and didn’t');
    expect(curlQuotes("'s", 'r')).toBe('’s');
  });
});
