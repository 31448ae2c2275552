// The HTML export forms in Chromium: no axe-core violations, no scripts, and the Agenda and minutes
// page carries the same words, in the same order, as the text form.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { renderFormalHtml } from '../../shared/export/formalHtml.js';
import { renderPageHtml } from '../../shared/export/pageHtml.js';
import { renderPageText } from '../../shared/export/pageText.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';

const forms = [
  ['Agenda and minutes page, seed 001', () => renderPageHtml({ meeting: meeting001, committee: committee001 })],
  ['Agenda and minutes page, seed 004', () => renderPageHtml({ meeting: meeting004, committee: committee001 })],
  ['formal minutes, seed 003', () => renderFormalHtml({ meeting: meeting003, committee: committee003 })],
] as const;

for (const [name, render] of forms) {
  test(`${name} as HTML has no axe-core violations and runs no script`, async ({ page }) => {
    const html = String(render().content);
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    await page.setContent(html);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the HTML page reads, word for word, as the text page', async ({ page }) => {
  const words = (text: string) => text.replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean);
  await page.setContent(String(renderPageHtml({ meeting: meeting001, committee: committee001 }).content));
  const shown = await page.locator('main').innerText();
  // The text form's bullet characters and its "No. Item" column heads are layout; HTML lists and headings carry them.
  const printed = String(renderPageText({ meeting: meeting001, committee: committee001 }).content).replace('No. Item', '');
  expect(words(shown)).toEqual(words(printed).filter((word) => word !== '·' && word !== '•'));
});
