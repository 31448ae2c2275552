// The comparison printed as marked text and as a standalone HTML document, for the edited draft of
// seed 003 and for two different meetings.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareMeetings } from '../../shared/compare/compareMeetings.js';
import { comparisonHtml } from '../../shared/compare/comparisonHtml.js';
import { comparisonText } from '../../shared/compare/comparisonText.js';
import { editedDraft } from '../fixtures/editedDraft003.js';
import { meeting001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';

const { saved, draft } = editedDraft();
const comparison = compareMeetings(saved, draft);
const changedParts = (kind: 'deleted' | 'inserted') =>
  // An added or removed item's title is its heading, said "Added" or "Removed" rather than marked.
  comparison.items.flatMap((item) => [...(item.before && item.after ? [item.title] : []), ...item.fields.map((field) => field.text), ...item.blocks.map((block) => block.text)]).flatMap((text) => text.parts.filter((part) => part.kind === kind).map((part) => part.text));

/** libxml2's HTML parser's complaints, less those about HTML5 elements it does not know. */
function htmlErrors(html: string): string[] {
  const result = spawnSync('xmllint', ['--html', '--noout', '-'], { input: html, encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint is needed to parse the HTML (apt-get install -y libxml2-utils): ${result.error.message}`);
  return result.stderr.split('\n').filter((line) => /error/.test(line) && !/Tag (main|section|del|ins) invalid/.test(line));
}

describe('comparisonText', () => {
  it('marks every deletion and insertion the model holds, git word-diff style, and says what moved', () => {
    const text = comparisonText(comparison);
    for (const deleted of changedParts('deleted')) expect(text).toContain(`[-${deleted}-]`);
    for (const inserted of changedParts('inserted')) expect(text).toContain(`{+${inserted}+}`);
    expect(text).toContain('Receives the Development Plan at [-a future-]{+the next+} meeting');
    expect(text).toContain('Item moved from 5 to 3');
    expect(text).toContain('Minute 6: Youth Justice Plan  — Added');
    expect(text).toContain('Members: [-Councillor S Keough-]{+Councillor S Keogh+}');
    expect(text.split('\n')[0]).toBe('Comparing 2022-10-20 (revision 3) with 2022-10-20 (revision 4): 5 changes');
    // Unchanged items are left out unless asked for.
    expect(text).not.toContain('Declarations of Interests');
    expect(comparisonText(comparison, { all: true })).toContain('Minute 1: Declarations of Interests');
  });
});

describe('comparisonHtml', () => {
  it('is a standalone document that parses, has no script, and marks what the model says', () => {
    const html = comparisonHtml(comparison);
    expect(htmlErrors(html)).toEqual([]);
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html.match(/<del>/g)!.length).toBe(changedParts('deleted').length + 1 + 1); // + the heading's before name + the attendance
    expect(html.match(/<ins>/g)!.length).toBe(changedParts('inserted').length + 1 + 1);
    expect(html).toContain('Receives the Development Plan at <del>a future</del><ins>the next</ins> meeting');
    expect(html).toContain('Item moved from 5 to 3; Minute 5 renumbered 3');
    expect(html).toContain('<p class="note">Added</p>');
    expect(html).toContain('Members — Changed: <del>Councillor S Keough</del> <ins>Councillor S Keogh</ins>');
  });

  it('names both meetings and escapes what they hold', () => {
    const before = structuredClone(meeting001);
    before.items[2]!.title = '<script>alert("x")</script> & Co';
    const html = comparisonHtml(compareMeetings(before, meeting004), { before: 'Scrutiny Board (2), 27 April 2017', after: 'Scrutiny Board (2), 13 July 2017' });
    expect(html).toContain('<h1>Comparison of Scrutiny Board (2), 27 April 2017 with Scrutiny Board (2), 13 July 2017</h1>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('<p class="note">Removed</p>');
    expect(htmlErrors(html)).toEqual([]);
  });
});
