// The bench's measures that need the window: the browser bridge started as a clerk starts it, Debian's
// Chromium driven by Playwright. Start-up to an editable meeting and the node side's memory, each with a
// big library against a library holding nothing (or only the meeting opened); and typing in a 150-item
// meeting against a bare ProseMirror page holding the same text, in the same Chromium.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import { formatProseDate } from '../../shared/dates.js';
import type { Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { chromiumArgs, chromiumPath } from '../../tests/chromium.js';
import { libraryHolding } from './archiveCache.js';
import { longMeeting, syntheticCommittee } from './syntheticArchive.js';

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const percentile = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

interface Bridge {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

export async function startBridge(libraryFolder: string): Promise<Bridge> {
  const child = spawn(process.execPath, ['dist/bridge/server.mjs', '--library', libraryFolder, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /running at (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.on('exit', () => reject(new Error('the bridge exited')));
  });
  // Stopping waits for the bridge to exit, so its last write is done before the folder is used again.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill();
      await exited;
    },
  };
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** Resident memory of a process now and at its peak, in MB, from /proc. */
function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMB: kB('VmRSS') / 1024, peakMB: kB('VmHWM') / 1024 };
}

/** Searches through the window's own transport until search answers (the index caught up with the files). */
async function untilSearchAnswers(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    // The page's session cookie goes with the call, as the window's own calls carry it.
    const answered = await page.evaluate(async () => {
      const response = await fetch('/api/call', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: 'search:query', input: { query: 'council', filters: {} } }),
      });
      return ((await response.json()) as { ok: boolean }).ok;
    });
    if (answered) return;
    await page.waitForTimeout(500);
  }
  throw new Error('search never answered');
}

export interface StartUp {
  /** Milliseconds from starting the bridge to a keystroke shown in the meeting's editor. */
  editableMs: number;
}

/**
 * Starts the bridge on `folder`, opens the window in a fresh browser context, opens the meeting of
 * `date` of `committeeName` and types into its minutes; the time until the keystroke shows.
 */
async function startUpOnce(browser: Browser, folder: string, committeeName: string, date: string): Promise<number> {
  const started = performance.now();
  const bridge = await startBridge(folder);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(bridge.url);
    const committee = page.locator('ul.committees > li').filter({ has: page.getByRole('heading', { name: committeeName, exact: true }) });
    await committee.getByRole('button', { name: new RegExp(`^${formatProseDate(date)}`) }).first().click({ timeout: 120_000 });
    const paragraph = page.locator('.minutes section.item p.narrative').first();
    await paragraph.click({ timeout: 120_000 });
    await page.keyboard.type('zq');
    await page.waitForFunction(() => document.querySelector('.minutes')?.textContent?.includes('zq') === true, undefined, { timeout: 120_000 });
    const took = performance.now() - started;
    // The meeting put back as it was and saved, so no unsaved changes are left to recover at the next start.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.locator('.save-status.saved').waitFor({ timeout: 30_000 });
    return took;
  } finally {
    await context.close();
    await bridge.stop();
  }
}

/** Start-up to an editable meeting, runs interleaved between the two libraries; the median of each. */
export async function startUpBenchmarks(
  browser: Browser,
  libraries: { big: string; small: string },
  meeting: { committeeName: string; date: string },
  runs: number,
): Promise<{ bigMs: number; smallMs: number }> {
  const big: number[] = [];
  const small: number[] = [];
  // One start first, unmeasured, so both libraries' files are in the page cache as a clerk's would be.
  await startUpOnce(browser, libraries.big, meeting.committeeName, meeting.date);
  for (let run = 0; run < runs; run++) {
    small.push(await startUpOnce(browser, libraries.small, meeting.committeeName, meeting.date));
    big.push(await startUpOnce(browser, libraries.big, meeting.committeeName, meeting.date));
  }
  return { bigMs: median(big), smallMs: median(small) };
}

/** The node side's memory once the window has opened the library and search answers. */
export async function memoryAfterOpening(browser: Browser, folder: string): Promise<{ rssMB: number; peakMB: number }> {
  const bridge = await startBridge(folder);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(bridge.url);
    await page.getByRole('searchbox', { name: 'Search minutes' }).waitFor();
    await untilSearchAnswers(page);
    // Whatever the opening left to collect is left a moment to go.
    await page.waitForTimeout(1500);
    return memoryOf(bridge.pid);
  } finally {
    await context.close();
    await bridge.stop();
  }
}

interface BasicNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BasicNode[];
  text?: string;
}

const isInline = (node: MinutesNodeJSON) => node.type === 'text' || node.type === 'minute_reference' || node.type === 'hard_break';
function inlineText(node: MinutesNodeJSON): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'minute_reference') return `Minute ${String(node.attrs?.['minute'] ?? '')}`;
  return (node.content ?? []).map(inlineText).join('');
}
const basicParagraph = (text: string): BasicNode => ({ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] });

/** The minutes as schema-basic nodes: every text block a paragraph, bullet lists as lists, the rest unwrapped. */
function basicBlocks(node: MinutesNodeJSON): BasicNode[] {
  if (node.type === 'bullet_list') return [{ type: 'bullet_list', content: (node.content ?? []).map((entry) => ({ type: 'list_item', content: (entry.content ?? []).flatMap(basicBlocks) })) }];
  if (node.content === undefined || node.content.length === 0 || node.content.some(isInline)) return [basicParagraph(inlineText(node))];
  return node.content.flatMap(basicBlocks);
}

/** The meeting's text as one schema-basic document, and the paragraph where the app's typing goes (the middle item's first). */
function bareDocument(meeting: Meeting): { doc: BasicNode; caretParagraph: number } {
  const content: BasicNode[] = [];
  let caretParagraph = 0;
  let paragraphs = 0;
  const countParagraphs = (node: BasicNode): number => (node.type === 'paragraph' ? 1 : (node.content ?? []).reduce((total, child) => total + countParagraphs(child), 0));
  for (const [index, item] of meeting.items.entries()) {
    const itemBlocks = [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `${item.minuteNumber}. ${item.title}` }] }, basicParagraph(item.source), ...item.minutes.flatMap(basicBlocks)];
    if (index === Math.floor(meeting.items.length / 2)) {
      const first = item.minutes.findIndex((node) => node.type === 'paragraph');
      caretParagraph = paragraphs + 1 + item.minutes.slice(0, first).flatMap(basicBlocks).reduce((total, node) => total + countParagraphs(node), 0);
    }
    paragraphs += itemBlocks.reduce((total, node) => total + countParagraphs(node), 0);
    content.push(...itemBlocks);
  }
  return { doc: { type: 'doc', content }, caretParagraph };
}

const typed = 'The Board noted the report and asked for a further update at the next meeting. '.repeat(3);

/** Listens for keydown → next animation frame on the page; `collectLatencies` hands them back. */
async function listenForLatencies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { latencies: number[] };
    state.latencies = [];
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => state.latencies.push(performance.now() - start));
      },
      true,
    );
  });
}

const collectLatencies = (page: Page) => page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);

async function bareProseMirrorPage(doc: BasicNode): Promise<string> {
  const bundle = await build({ entryPoints: [join(import.meta.dirname, 'barePage.ts')], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' });
  const css = readFileSync(createRequire(import.meta.url).resolve('prosemirror-view/style/prosemirror.css'), 'utf8');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>${css} body { max-width: 60em; margin: 2em auto; font: 16px/1.5 sans-serif; }</style></head><body><div id="editor"></div><script>window.benchDocument = ${JSON.stringify(doc).replaceAll('<', '\\u003c')};</script><script>${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script></body></html>`;
}

export interface Typing {
  app: number[];
  bare: number[];
  /** The same typing into an empty contenteditable: the wait for the next frame alone, which no page goes below. */
  floor: number[];
  characters: number;
  /** Changes React made outside the minutes and the save status while typing (none expected). */
  reactMutations: number;
}

/**
 * Typing in the app's 150-item meeting, in the bare page and in an empty contenteditable (the floor: a
 * keystroke's frame comes at the display's next tick, 0–16.7 ms later, whatever the page does), in
 * turn twice each, in one Chromium.
 */
export async function typingBenchmarks(browser: Browser): Promise<Typing> {
  const meeting: Meeting = { ...longMeeting(150, '2017-07-13'), status: 'draft' };
  const numbered = { ...meeting, items: meeting.items.map((item, index) => ({ ...item, minuteNumber: index + 1 })) };
  const library = await libraryHolding([syntheticCommittee(0)], [numbered]);
  const bridge = await startBridge(library);
  const { doc, caretParagraph } = bareDocument(numbered);
  const html = await bareProseMirrorPage(doc);
  const result: Typing = { app: [], bare: [], floor: [], characters: 0, reactMutations: 0 };
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => console.error(`[bench] the typing page threw: ${error.message}`));
    for (let round = 0; round < 2; round++) {
      await page.goto(bridge.url);
      await page.getByRole('button', { name: /13 July 2017/ }).click();
      const items = page.locator('.minutes section.item');
      await items.nth(2).waitFor();
      await items.nth(Math.floor((await items.count()) / 2)).locator('p.narrative').first().click();
      await listenForLatencies(page);
      await page.evaluate(() => {
        const state = window as unknown as { reactMutations: number; observer: MutationObserver };
        state.reactMutations = 0;
        // Everything React renders apart from the save status: none of it should change while typing.
        state.observer = new MutationObserver((records) => {
          state.reactMutations += records.filter((record) => {
            const element = record.target instanceof Element ? record.target : record.target.parentElement;
            return !element?.closest('.save-status, .minutes');
          }).length;
        });
        state.observer.observe(document.querySelector('.app')!, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.keyboard.type(typed);
      await page.waitForTimeout(300);
      result.app.push(...(await collectLatencies(page)));
      result.reactMutations += await page.evaluate(() => (window as unknown as { reactMutations: number }).reactMutations);

      // about:blank first: the bridge's page forbids inline scripts, which setContent would inherit.
      await page.goto('about:blank');
      await page.setContent(html);
      await page.waitForFunction(() => 'benchPlaceCaret' in window);
      await page.evaluate((paragraph) => (window as unknown as { benchPlaceCaret: (at: number) => void }).benchPlaceCaret(paragraph), caretParagraph);
      result.characters = await page.evaluate(() => document.querySelector('#editor')!.textContent!.length);
      await listenForLatencies(page);
      await page.keyboard.type(typed);
      await page.waitForTimeout(300);
      result.bare.push(...(await collectLatencies(page)));

      await page.setContent('<!doctype html><html lang="en-GB"><body><div id="editor" contenteditable="true">Minutes</div></body></html>');
      await page.locator('#editor').click();
      await listenForLatencies(page);
      await page.keyboard.type(typed);
      await page.waitForTimeout(300);
      result.floor.push(...(await collectLatencies(page)));
    }
  } finally {
    await bridge.stop();
    await rm(library, { recursive: true, force: true });
  }
  return result;
}
