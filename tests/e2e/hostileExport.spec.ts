// Issue 7, item 9: a hostile archive page is imported and published again, and every link of the
// exports is clicked in Chromium: no script runs. Two layers are tried: the allow-list (the exports hold
// no such link at all), and the exports' Content-Security-Policy, by planting links past the allow-list
// in an export's HTML as a future bug might.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { exportForms } from '../../shared/export/forms.js';
import { importDocument } from '../../shared/import/index.js';
import type { Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { committee001 } from '../fixtures/seed001.js';
import { meeting004 } from '../fixtures/seed004.js';
import { decodedHostileHrefs, hostileHrefs } from '../fixtures/hostileLinks.js';

const placeholder = (index: number) => `https://example.org/link-${index}`;

function withLinks(hrefs: readonly string[]): Meeting {
  const meeting = structuredClone(meeting004);
  const paragraphs: MinutesNodeJSON[] = hrefs.map((href, index) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `the report (${index})`, marks: [{ type: 'link', attrs: { href } }] }],
  }));
  meeting.items[2]!.minutes = [...meeting.items[2]!.minutes, ...paragraphs];
  return meeting;
}

const htmlOf = (format: 'page-html' | 'formal-html', meeting: Meeting): string => String((exportForms[format].render!({ meeting, committee: committee001 }) as { content: string }).content);

/** Opens the file, clicks each of its links in turn (coming back after each), and answers whether any script ran. */
async function clickEveryLink(page: Page, file: string): Promise<{ links: number; scriptRan: boolean }> {
  let scriptRan = false;
  page.on('dialog', (dialog) => {
    scriptRan = true;
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  const links = await page.locator('a').count();
  for (let index = 0; index < links; index++) {
    await page.goto(pathToFileURL(file).href);
    await page.locator('a').nth(index).click({ timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(50);
    scriptRan ||= await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned === 1).catch(() => false);
  }
  return { links, scriptRan };
}

test('no link of an export made from a hostile archive page runs script when clicked', async ({ page, context }) => {
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-hostile-'));
  context.on('page', () => {
    throw new Error('a link opened a new window');
  });
  try {
    // An attacker's copy of the council's page: the same minutes, the links swapped for script.
    let hostilePage = htmlOf('page-html', withLinks(hostileHrefs.map((_, index) => placeholder(index))));
    hostileHrefs.forEach((href, index) => {
      hostilePage = hostilePage.replace(`href="${placeholder(index)}"`, `href="${href.replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`);
    });
    const { meetings } = importDocument('minutes.html', hostilePage, () => crypto.randomUUID());
    const imported: Meeting = { ...meeting004, items: meetings[0]!.items };

    const exports: Record<string, string> = {
      'reimported-page.html': htmlOf('page-html', imported),
      'reimported-formal.html': htmlOf('formal-html', imported),
      // Made directly, as if a meeting had reached the exporters with the links in it.
      'direct-formal.html': htmlOf('formal-html', withLinks(decodedHostileHrefs)),
      // Past the allow-list altogether: only the Content-Security-Policy stands in the way.
      'planted.html': htmlOf('formal-html', meeting004).replace(
        '</main>',
        `${hostileHrefs.map((href, index) => `<p><a id="planted-${index}" href="${href.replace(/</g, '&lt;').replace(/"/g, '&quot;')}">planted ${index}</a></p>`).join('')}<p><a href="#" onclick="window.__pwned=1">planted handler</a></p></main>`,
      ),
    };
    for (const [name, html] of Object.entries(exports)) {
      await writeFile(join(folder, name), html);
      const { links, scriptRan } = await clickEveryLink(page, join(folder, name));
      expect(scriptRan, `${name}: a link ran script`).toBe(false);
      if (name === 'planted.html') expect(links).toBe(hostileHrefs.length + 1);
      else expect(await page.content()).not.toMatch(/href="(javascript|vbscript|data|file):/i);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
