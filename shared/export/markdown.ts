// Minutes as Markdown, the way the formal minutes document reads when converted (seed 003): bold
// RESOLVED blocks, "-" bullets, numbered parts, [links](…).
import type { BulletItem, OutlineBlock, Span } from './outline.js';
import { resolutionOpening } from './plainText.js';

/** Escapes what Markdown would otherwise read as syntax, leaving ordinary punctuation alone. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(/^(#{1,6}\s)/gm, '\\$1')
    .replace(/^(\d+)([.)]\s)/gm, '$1\\$2')
    .replace(/^([-+]\s)/gm, '\\$1');
}

function spanMarkdown(span: Span): string {
  let text = escapeMarkdown(span.text);
  if (span.strong) text = `**${text}**`;
  if (span.em) text = `*${text}*`;
  return span.href === null ? text : `[${text}](${span.href.replace(/[()\s]/g, encodeURIComponent)})`;
}

export const inlineMarkdown = (spans: readonly Span[]): string => spans.map(spanMarkdown).join('').replace(/\n/g, '  \n');

const bold = (text: string) => (text === '' ? '' : `**${text}**`);

function bulletLines(items: readonly BulletItem[], depth: number, strong: boolean): string[] {
  return items.flatMap((item) => {
    const text = inlineMarkdown(item.spans);
    return [`${'  '.repeat(depth)}- ${strong ? bold(text) : text}`, ...bulletLines(item.children, depth + 1, strong)];
  });
}

export function blockMarkdown(block: OutlineBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return inlineMarkdown(block.spans);
    case 'bullets':
      return bulletLines(block.items, 0, false).join('\n');
    case 'quote':
      return block.blocks.map((inner) => blockMarkdown(inner).replace(/^/gm, '> ')).join('\n>\n');
    case 'motion':
      return block.blocks.map(blockMarkdown).join('\n\n');
    case 'resolution': {
      // The whole resolution is bold in the formal minutes, its numbered parts included.
      const opening = bold(escapeMarkdown(resolutionOpening(block)));
      const body = block.body.map((part) =>
        part.kind === 'part'
          ? [`${part.label} ${bold(inlineMarkdown(part.spans))}`, ...bulletLines(part.bullets, 1, true)].join('\n')
          : bulletLines(part.items, 0, true).join('\n'),
      );
      return [opening, ...body].join('\n\n');
    }
  }
}
