// Minutes as semantic HTML, and the shell every HTML form shares: self-contained (inline CSS, no
// scripts), accessible, printable. Everything from the minutes is escaped.
import type { Meeting } from '../model/meeting.js';
import { draftMark, signatureLine } from './lifecycleMarks.js';
import type { BulletItem, OutlineBlock, Span } from './outline.js';
import { resolutionOpening } from './plainText.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => entities[character]!);

function spanHtml(span: Span): string {
  let html = escapeHtml(span.text).replace(/\n/g, '<br>');
  if (span.strong) html = `<strong>${html}</strong>`;
  if (span.em) html = `<em>${html}</em>`;
  if (span.minute !== null) html = `<cite class="minute-reference">${html}</cite>`;
  return span.href === null ? html : `<a href="${escapeHtml(span.href)}">${html}</a>`;
}

export const inlineHtml = (spans: readonly Span[]): string => spans.map(spanHtml).join('');

function bulletsHtml(items: readonly BulletItem[]): string {
  if (items.length === 0) return '';
  return `<ul>${items.map((item) => `<li>${inlineHtml(item.spans)}${bulletsHtml(item.children)}</li>`).join('')}</ul>`;
}

export function blockHtml(block: OutlineBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlineHtml(block.spans)}</p>`;
    case 'bullets':
      return bulletsHtml(block.items);
    case 'quote':
      return `<blockquote>${block.blocks.map(blockHtml).join('')}</blockquote>`;
    case 'motion':
      return `<div class="${block.motion.kind}">${block.blocks.map(blockHtml).join('')}</div>`;
    case 'resolution': {
      // Consecutive numbered parts form one list; bullets between them stand on their own.
      const chunks: string[] = [];
      let parts: string[] = [];
      const closeParts = () => {
        if (parts.length > 0) chunks.push(`<ol class="parts">${parts.join('')}</ol>`);
        parts = [];
      };
      for (const part of block.body) {
        if (part.kind === 'part') {
          parts.push(`<li><span class="part-label">${escapeHtml(part.label)}</span> ${inlineHtml(part.spans)}${bulletsHtml(part.bullets)}</li>`);
        } else {
          closeParts();
          chunks.push(bulletsHtml(part.items));
        }
      }
      closeParts();
      return `<div class="resolution"><p><strong>${escapeHtml(resolutionOpening(block))}</strong></p>${chunks.join('')}</div>`;
    }
  }
}

const styles = `
  body { font-family: Georgia, 'DejaVu Serif', serif; color: #1d232b; line-height: 1.45; margin: 0; }
  main { max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; } h3 { font-size: 1.05rem; margin: 1.4rem 0 0.3rem; }
  .source { font-style: italic; }
  .items { list-style: none; padding: 0; }
  .attendance-group { display: grid; grid-template-columns: 13rem 1fr; }
  .attendance-group dd { margin: 0; grid-column: 2; }
  .attendance-group dt { grid-row: span 30; }
  h1 .held { display: block; }
  .resolution { font-weight: bold; }
  /* A numbered part hangs: its label stands out to the left and every line of its words starts under the first. */
  .parts { list-style: none; padding-left: 1rem; }
  .parts > li { padding-left: 2.2rem; }
  .part-label { float: left; width: 2.2rem; margin-left: -2.2rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  a { color: #1f5fa8; }
  blockquote { margin-left: 1.5rem; border-left: 3px solid #ccc; padding-left: 0.8rem; }
  @media print { main { margin: 0; max-width: none; padding: 0; } a { color: inherit; } h3 { break-after: avoid; } .resolution { break-inside: avoid; } }
  /* Paper as councils print it: A4, page numbers at the foot (Chromium's margin boxes, so the PDF, the command line and Print all number it). */
  @page { size: A4; margin: 22mm 20mm 22mm 20mm;
    @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt Georgia, 'DejaVu Serif', serif; color: #444; } }
`;

/** Text as a CSS string literal ("…"), safe inside a <style> element: quotes, backslashes and "<" escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `).replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The running header of each printed page after the first ("Planning Committee — Thursday 13 July 2017"),
 * with the draft mark beside it on minutes not yet agreed, as extra styles for htmlDocument.
 */
export function runningHeaderStyles(header: string, mark: string | null): string {
  const right = mark === null ? '' : `\n    @top-right { content: ${cssString(mark)}; width: 25%; white-space: nowrap; font: bold 9pt Georgia, 'DejaVu Serif', serif; color: #8a1c1c; }`;
  return `\n  @page { @top-left { content: ${cssString(header)}; width: 75%; white-space: nowrap; font: 9pt Georgia, 'DejaVu Serif', serif; color: #444; }${right} }\n  @page :first { @top-left { content: none; } }\n`;
}

/**
 * The draft mark to open a document with and the Chair's signature to close it (lifecycleMarks.ts), and
 * the mark's style, added only where there is a mark so agreed minutes print exactly as before.
 */
export function lifecycleHtml(meeting: Meeting): { opening: string[]; closing: string[]; styles: string } {
  const marks = draftMark(meeting);
  return {
    opening: marks.map((mark) => `<p class="draft-mark"><strong>${escapeHtml(mark)}</strong></p>`),
    closing: signatureLine(meeting).map((line) => `<p class="signed">${escapeHtml(line)}</p>`),
    styles: marks.length === 0 ? '' : '\n  .draft-mark { border: 2px solid #8a1c1c; color: #8a1c1c; padding: 0.3rem 0.6rem; display: inline-block; letter-spacing: 0.04em; }\n',
  };
}

/**
 * The exports' Content-Security-Policy: no script of any kind (inline, event handlers, javascript: URLs),
 * no plugins, forms or base-URL tricks; the inline stylesheet and data: images only. Links still open
 * (navigation is not a fetch). As a <meta>, so it travels with the file to any web server or inbox.
 */
export const exportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A complete, self-contained HTML document; `extraStyles` adds to the shared stylesheet (the comparison's marks). */
export function htmlDocument(title: string, body: string, extraStyles = ''): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${exportContentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Minute Book">
<title>${escapeHtml(title)}</title>
<style>${styles}${extraStyles}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
