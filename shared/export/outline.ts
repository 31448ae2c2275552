// The minutes of an item as an outline every export form can print: paragraphs, bullet lists and
// resolutions, with the structured blocks (declarations, approval of minutes, requests) already
// turned into the sentences the published minutes use. Each form only chooses its own syntax.
import type { MinutesNodeJSON } from '../model/meeting.js';
import { preambleJoinsLead, resolutionLead } from '../editor/blocks.js';
import { declarationKindLabels, type DeclarationKind, type PartStyle } from '../editor/schema.js';
import { safeLinkAddress } from '../model/linkAddress.js';

export interface Span {
  text: string;
  strong: boolean;
  em: boolean;
  /** Always an allowed address (http, https, mailto) or null: every export form prints links from here. */
  href: string | null;
  /** Set on a minute reference ("Minute 59/16"): the minute cited. */
  minute: string | null;
}

export interface BulletItem {
  spans: Span[];
  children: BulletItem[];
}

export interface ResolutionPart {
  kind: 'part';
  /** "1)", "(2)", "3.", "c." in the committee's style. */
  label: string;
  spans: Span[];
  bullets: BulletItem[];
}

export type OutlineBlock =
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'bullets'; items: BulletItem[] }
  | { kind: 'quote'; blocks: OutlineBlock[] }
  | {
      kind: 'resolution';
      unanimous: boolean;
      /** "RESOLVED that" or "RESOLVED unanimously that". */
      lead: string;
      preamble: Span[];
      /** Whether the preamble follows the lead without a space ("RESOLVED unanimously that:"). */
      joined: boolean;
      body: (ResolutionPart | { kind: 'bullets'; items: BulletItem[] })[];
    };

const plain = (text: string): Span => ({ text, strong: false, em: false, href: null, minute: null });

export function spansOf(node: MinutesNodeJSON | undefined): Span[] {
  const spans: Span[] = [];
  for (const child of node?.content ?? []) {
    if (child.type === 'text') {
      const marks = child.marks ?? [];
      const link = marks.find((mark) => mark.type === 'link');
      spans.push({
        text: child.text ?? '',
        strong: marks.some((mark) => mark.type === 'strong'),
        em: marks.some((mark) => mark.type === 'em'),
        // Stored meetings cannot hold another kind of link; checked again here so that no export form can write one.
        href: link ? safeLinkAddress(link.attrs?.['href']) : null,
        minute: null,
      });
    } else if (child.type === 'minute_reference') {
      const minute = String(child.attrs?.['minute'] ?? '');
      spans.push({ ...plain(`Minute ${minute}`), minute });
    } else if (child.type === 'hard_break') {
      spans.push(plain('\n'));
    }
  }
  return spans;
}

export const textOf = (spans: readonly Span[]): string => spans.map((span) => span.text).join('');

function bulletItems(list: MinutesNodeJSON): BulletItem[] {
  return (list.content ?? []).map((item) => {
    const [paragraph, nested] = item.content ?? [];
    return { spans: spansOf(paragraph), children: nested ? bulletItems(nested) : [] };
  });
}

/** "1)", "(1)", "1.", "a." for the part at `index` (from 0). */
export function partLabel(style: PartStyle, index: number): string {
  switch (style) {
    case '1)':
      return `${index + 1})`;
    case '(1)':
      return `(${index + 1})`;
    case '1.':
      return `${index + 1}.`;
    case 'a.':
      return `${String.fromCharCode(97 + (index % 26))}.`;
  }
}

function declarationSentence(declaration: MinutesNodeJSON): Span[] {
  const attrs = declaration.attrs ?? {};
  const kind = declarationKindLabels[String(attrs['kind']) as DeclarationKind] ?? String(attrs['kind']);
  const member = String(attrs['member'] ?? '').trim() || 'A member';
  const item = String(attrs['item'] ?? '').trim();
  const article = /^[aeiou]/i.test(kind) ? 'an' : 'a';
  const lead = `${member} declared ${article} ${kind}${item === '' ? '' : ` in item ${item}`}`;
  const declared = spansOf(declaration);
  return textOf(declared).trim() === '' ? [plain(`${lead}.`)] : [plain(`${lead}: `), ...declared];
}

function resolutionOutline(node: MinutesNodeJSON): OutlineBlock {
  const unanimous = node.attrs?.['unanimous'] === true;
  const style = (node.attrs?.['partStyle'] ?? '1)') as PartStyle;
  const [preambleNode, ...rest] = node.content ?? [];
  const preamble = spansOf(preambleNode);
  let partIndex = 0;
  const body = rest.map((child): ResolutionPart | { kind: 'bullets'; items: BulletItem[] } => {
    if (child.type === 'bullet_list') return { kind: 'bullets', items: bulletItems(child) };
    const [paragraph, nested] = child.content ?? [];
    return { kind: 'part', label: partLabel(style, partIndex++), spans: spansOf(paragraph), bullets: nested ? bulletItems(nested) : [] };
  });
  return { kind: 'resolution', unanimous, lead: resolutionLead(unanimous), preamble, joined: preambleJoinsLead(textOf(preamble)), body };
}

function blockOutline(node: MinutesNodeJSON): OutlineBlock[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', spans: spansOf(node) }];
    case 'bullet_list':
      return [{ kind: 'bullets', items: bulletItems(node) }];
    case 'declarations':
      return (node.content ?? []).map((child) =>
        child.type === 'declaration' ? { kind: 'paragraph', spans: declarationSentence(child) } : { kind: 'paragraph', spans: spansOf(child) },
      );
    case 'minutes_approval':
      return (node.content ?? []).flatMap((child): OutlineBlock[] => {
        if (child.type === 'approval_statement') return [{ kind: 'paragraph', spans: spansOf(child) }];
        if (child.type === 'amendment') return [{ kind: 'quote', blocks: (child.content ?? []).flatMap(blockOutline) }];
        return [{ kind: 'paragraph', spans: [plain('Matters arising:')] }, ...(child.content ?? []).flatMap(blockOutline)];
      });
    case 'information_requests': {
      const [intro, ...requests] = node.content ?? [];
      return [
        { kind: 'paragraph', spans: spansOf(intro) },
        { kind: 'bullets', items: requests.map((request) => ({ spans: spansOf(request), children: [] })) },
      ];
    }
    case 'resolution':
      return [resolutionOutline(node)];
    default:
      throw new Error(`Minute Book cannot export a ${node.type} block`);
  }
}

export function minutesOutline(minutes: readonly MinutesNodeJSON[]): OutlineBlock[] {
  return minutes.flatMap(blockOutline);
}
