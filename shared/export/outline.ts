// The minutes of an item as an outline every export form can print: paragraphs, bullet lists and
// resolutions, with the structured blocks (declarations, approval of minutes, requests) already
// turned into the sentences the published minutes use. Each form only chooses its own syntax.
import type { MinutesNodeJSON } from '../model/meeting.js';
import { preambleJoinsLead, resolutionLead } from '../editor/blocks.js';
import { attrsOf, type AttendanceEventAttrs, type DeclarationAction, type MotionAttrs, type PartStyle, type ResolutionLead } from '../editor/schema.js';
import { attendanceEventText } from '../model/attendanceEvents.js';
import { declarationKindLabel, type DeclarationKind } from '../model/declarationKinds.js';
import { safeLinkAddress } from '../model/linkAddress.js';
import { movedLead, namedVoteLine, resultLine } from './motionText.js';

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
  /**
   * A motion or amendment: its attributes (for forms that record the vote as data) and the paragraphs
   * every form prints — who moved and seconded it, the words moved, the result with its counts, and a
   * recorded vote's names.
   */
  | { kind: 'motion'; motion: MotionAttrs; blocks: OutlineBlock[] }
  | {
      kind: 'resolution';
      unanimous: boolean;
      /** The lead as stored ('resolved-that' for files before leads were kept). */
      leadKind: ResolutionLead;
      /** The printed words: "RESOLVED that", "RESOLVED unanimously that", "AGREED", "Decision:", …. */
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

/** "1)", "(1)", "1.", "a.", "(a)" for the part at `index` (from 0). */
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
    case '(a)':
      return `(${String.fromCharCode(97 + (index % 26))})`;
  }
}

/** What the member did, as the declaration's sentence ends: "… and left the room for the item." */
export const declarationActionWords: Record<Exclude<DeclarationAction, ''>, string> = {
  'left-room': 'left the room for the item',
  'no-vote': 'took no part in the vote',
  'stayed-spoke': 'stayed and spoke',
  'stayed-no-vote': 'stayed but did not vote',
};

/** "a disclosable pecuniary interest", "an other registrable interest": the label with its article. */
export const withArticle = (label: string): string => `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;

/**
 * "Councillor X declared a prejudicial interest in item 5: a governor of the school, and left the room
 * for the item." — the kind's label from the committee's list, the item when stated, what was declared
 * when written, what the member did when recorded ("in Minute 74" where the item is named so). A
 * declaration of lobbying is "made", not declared.
 */
function declarationSentence(declaration: MinutesNodeJSON, kinds: readonly DeclarationKind[]): Span[] {
  const attrs = attrsOf<{ member: string; item: string; kind: string; action: DeclarationAction }>(declaration);
  const label = declarationKindLabel(kinds, attrs.kind);
  const member = attrs.member.trim() || 'A member';
  const item = attrs.item.trim();
  const lead = `${member} ${/^declaration\b/i.test(label) ? `made ${withArticle(label)}` : `declared ${withArticle(label)}`}${item === '' ? '' : /^minute\s/i.test(item) ? ` in ${item}` : ` in item ${item}`}`;
  const action = attrs.action === '' ? '' : ` and ${declarationActionWords[attrs.action]}`;
  const declared = spansOf(declaration);
  if (textOf(declared).trim() === '') return [plain(`${lead}${action}.`)];
  if (action === '') return [plain(`${lead}: `), ...declared];
  // The declared words end without their full stop so that the action follows them in the one sentence.
  const last = declared.at(-1)!;
  const trimmed = [...declared.slice(0, -1), { ...last, text: last.text.replace(/\.\s*$/, '') }];
  return [plain(`${lead}: `), ...trimmed, plain(`,${action}.`)];
}

/** One paragraph of words run on after "… that": its own leading "That" dropped, a full stop ensured. */
function runOn(words: Span[]): Span[] {
  const [first, ...rest] = words;
  const opened = first === undefined ? [] : [{ ...first, text: first.text.replace(/^\s*that\s+/i, '') }, ...rest];
  return /[.!?]\s*$/.test(textOf(opened)) ? opened : [...opened, plain('.')];
}

function motionOutline(node: MinutesNodeJSON): OutlineBlock {
  const motion = attrsOf<MotionAttrs>(node);
  const paragraph = (text: string): OutlineBlock => ({ kind: 'paragraph', spans: [plain(text)] });
  const result = resultLine(motion);
  const named = motion.named !== null && motion.named.for.length + motion.named.against.length + motion.named.abstain.length > 0 ? namedVoteLine(motion.named) : null;
  const words = (node.content ?? []).map(spansOf).filter((spans) => textOf(spans).trim() !== '');
  const moved: OutlineBlock[] =
    words.length === 1
      ? [{ kind: 'paragraph', spans: [plain(`${movedLead(motion)} `), ...runOn(words[0]!)] }]
      : [paragraph(`${movedLead(motion)}:`), ...words.map((spans): OutlineBlock => ({ kind: 'paragraph', spans }))];
  return {
    kind: 'motion',
    motion,
    blocks: [
      ...moved,
      ...(result === null ? [] : [paragraph(result)]),
      ...(named === null ? [] : [paragraph(named)]),
    ],
  };
}

/** The event's sentence as the clerk left it, or the council's sentence for it when the block is empty. */
function attendanceEventSpans(node: MinutesNodeJSON): Span[] {
  const spans = spansOf(node);
  return textOf(spans).trim() === '' ? [plain(attendanceEventText(attrsOf<AttendanceEventAttrs>(node)))] : spans;
}

function resolutionOutline(node: MinutesNodeJSON): OutlineBlock {
  const { unanimous, partStyle: style, lead: leadKind } = attrsOf<{ unanimous: boolean; partStyle: PartStyle; lead: ResolutionLead }>(node);
  const [preambleNode, ...rest] = node.content ?? [];
  const preamble = spansOf(preambleNode);
  let partIndex = 0;
  const body = rest.map((child): ResolutionPart | { kind: 'bullets'; items: BulletItem[] } => {
    if (child.type === 'bullet_list') return { kind: 'bullets', items: bulletItems(child) };
    const [paragraph, nested] = child.content ?? [];
    return { kind: 'part', label: partLabel(style, partIndex++), spans: spansOf(paragraph), bullets: nested ? bulletItems(nested) : [] };
  });
  return { kind: 'resolution', unanimous, leadKind, lead: resolutionLead({ unanimous, lead: leadKind }), preamble, joined: preambleJoinsLead(textOf(preamble)), body };
}

function blockOutline(node: MinutesNodeJSON, kinds: readonly DeclarationKind[]): OutlineBlock[] {
  const inner = (child: MinutesNodeJSON) => blockOutline(child, kinds);
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', spans: spansOf(node) }];
    case 'bullet_list':
      return [{ kind: 'bullets', items: bulletItems(node) }];
    case 'declarations':
      return (node.content ?? []).map((child) =>
        child.type === 'declaration' ? { kind: 'paragraph', spans: declarationSentence(child, kinds) } : { kind: 'paragraph', spans: spansOf(child) },
      );
    case 'minutes_approval': {
      const statement = (node.content ?? []).filter((child) => child.type === 'approval_statement').map((child) => textOf(spansOf(child))).join(' ');
      return (node.content ?? []).flatMap((child): OutlineBlock[] => {
        if (child.type === 'approval_statement') return [{ kind: 'paragraph', spans: spansOf(child) }];
        if (child.type === 'amendment') {
          // Which minute the words replace, as seed 000 prints it ("amendment to Minute 60/24 headed, “…”"), unless the statement says so already.
          const minute = String(child.attrs?.['minute'] ?? '').trim();
          const heading = String(child.attrs?.['heading'] ?? '').trim();
          const named = minute === '' || statement.includes(`Minute ${minute}`) ? [] : [{ kind: 'paragraph' as const, spans: [plain(`Amendment to Minute ${minute}${heading === '' ? '' : ` headed “${heading}”`}:`)] }];
          return [...named, { kind: 'quote', blocks: (child.content ?? []).flatMap(inner) }];
        }
        return [{ kind: 'paragraph', spans: [plain('Matters arising:')] }, ...(child.content ?? []).flatMap(inner)];
      });
    }
    case 'information_requests': {
      const [intro, ...requests] = node.content ?? [];
      return [
        { kind: 'paragraph', spans: spansOf(intro) },
        { kind: 'bullets', items: requests.map((request) => ({ spans: spansOf(request), children: [] })) },
      ];
    }
    case 'resolution':
      return [resolutionOutline(node)];
    case 'motion':
      return [motionOutline(node)];
    case 'attendance_event':
      return [{ kind: 'paragraph', spans: attendanceEventSpans(node) }];
    default:
      throw new Error(`Minute Book cannot export a ${node.type} block`);
  }
}

/**
 * An item's minutes as the outline the export forms print. `kinds` is the committee's list of kinds
 * of interest (declarations print its labels; without it, the known kinds' labels or the id in words).
 */
export function minutesOutline(minutes: readonly MinutesNodeJSON[], kinds: readonly DeclarationKind[] = []): OutlineBlock[] {
  return minutes.flatMap((node) => blockOutline(node, kinds));
}
