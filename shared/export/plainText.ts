// Minutes as plain text, the way the council's web pages print them: one line per paragraph, "·"
// bullets, numbered resolution parts ("1)  …"), blank lines between blocks.
import type { BulletItem, OutlineBlock } from './outline.js';
import { textOf } from './outline.js';

export interface BulletMarks {
  /** Marks a top-level bullet ("·" on the Agenda and minutes page, "•" on the Agenda item page). */
  bullet: string;
  /** Marks a bullet inside another list or a resolution part. */
  nested: string;
}

function bulletLines(items: readonly BulletItem[], marks: BulletMarks, depth: number): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}${depth === 0 ? marks.bullet : marks.nested}  ${textOf(item.spans)}`,
    ...bulletLines(item.children, marks, depth + 1),
  ]);
}

/** The resolution's opening line: "RESOLVED that the Board noted …", or the lead alone before numbered parts. */
export function resolutionOpening(block: Extract<OutlineBlock, { kind: 'resolution' }>): string {
  const preamble = textOf(block.preamble);
  if (preamble === '') return block.lead;
  return block.joined ? `${block.lead}${preamble}` : `${block.lead} ${preamble}`;
}

/** Each block as a group of lines; callers put blank lines between groups. */
export function blockLines(block: OutlineBlock, marks: BulletMarks): string[] {
  switch (block.kind) {
    case 'paragraph':
      return textOf(block.spans).split('\n');
    case 'bullets':
      return bulletLines(block.items, marks, 0);
    case 'quote':
      return block.blocks.flatMap((inner) => blockLines(inner, marks));
    case 'motion':
      // Each of a motion's paragraphs stands apart, as the minutes' other paragraphs do.
      return block.blocks.flatMap((inner, index) => [...(index === 0 ? [] : ['']), ...blockLines(inner, marks)]);
    case 'resolution':
      return [
        resolutionOpening(block),
        ...block.body.flatMap((part) =>
          part.kind === 'part' ? [`${part.label}  ${textOf(part.spans)}`, ...bulletLines(part.bullets, marks, 1)] : bulletLines(part.items, marks, 0),
        ),
      ];
  }
}

/** The minutes as text, blocks separated by blank lines. */
export function minutesText(blocks: readonly OutlineBlock[], marks: BulletMarks): string {
  return blocks.map((block) => blockLines(block, marks).join('\n')).join('\n\n');
}
