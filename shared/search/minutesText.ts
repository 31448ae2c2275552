// The words of an item's minutes, sorted the way search and the registers need them: the narrative, the
// resolutions (opening words and parts), the requests for information, and members' declarations. The
// sentences come from the export outline, so search matches and registers quote exactly what the
// published minutes print; the raw JSON is read only for what the outline flattens away (who declared,
// which request, whether it was answered).
import { minutesOutline, spansOf, textOf, type BulletItem, type OutlineBlock } from '../export/outline.js';
import { attrsOf, type DeclarationAction, type RequestStatus } from '../editor/schema.js';
import type { Item, MinutesNodeJSON } from '../model/meeting.js';

/** One printed line of a resolution after its opening words: a numbered part, or a bullet. */
export interface ResolutionLine {
  /** "1)", "(2)", "c." in the committee's style; null for a bullet. */
  label: string | null;
  text: string;
  /** 0 for a part or a top-level bullet, 1 for a bullet under a part, and so on. */
  depth: number;
}

export interface ResolutionWording {
  unanimous: boolean;
  /** "RESOLVED that the Scrutiny Board noted the update", or just "RESOLVED that" when the parts carry it. */
  opening: string;
  parts: ResolutionLine[];
}

export interface RequestWording {
  requestId: string;
  /** What was asked for. */
  asked: string;
  /** Who was asked (an officer or a directorate); often blank. */
  askedOf: string;
  status: RequestStatus;
}

export interface DeclarationWording {
  /** The member's name as minuted. */
  member: string;
  /** An id from the committee's kinds of interest (shared/model/declarationKinds.ts). */
  kind: string;
  /** The agenda item the interest concerns, as the clerk wrote it ("5", or a title); may be blank. */
  item: string;
  /** What the member did: left the room, took no part in the vote, …; '' when not recorded. */
  action: DeclarationAction;
  /** What was declared, in the member's words. */
  text: string;
  /** The sentence the minutes print: "Cllr J Smith declared a … interest in item 5: …". */
  sentence: string;
}

export interface ItemWording {
  /** Paragraphs, bullets, approvals of minutes, "there were no interests" statements: one string per block. */
  narrative: string[];
  resolutions: ResolutionWording[];
  requests: RequestWording[];
  declarations: DeclarationWording[];
}

function bulletLines(items: readonly BulletItem[], depth: number): ResolutionLine[] {
  return items.flatMap((item) => [{ label: null, text: textOf(item.spans), depth }, ...bulletLines(item.children, depth + 1)]);
}

export function resolutionWording(block: Extract<OutlineBlock, { kind: 'resolution' }>): ResolutionWording {
  const preamble = textOf(block.preamble).trim();
  const opening = preamble === '' ? block.lead : block.joined ? `${block.lead}${preamble}` : `${block.lead} ${preamble}`;
  const parts = block.body.flatMap((entry) =>
    entry.kind === 'bullets'
      ? bulletLines(entry.items, 0)
      : [{ label: entry.label, text: textOf(entry.spans), depth: 0 }, ...bulletLines(entry.bullets, 1)],
  );
  return { unanimous: block.unanimous, opening, parts };
}

const lineText = (line: ResolutionLine): string => (line.label === null ? line.text : `${line.label} ${line.text}`);

/** The resolution as printed: its opening words, then a line per part or bullet. */
export const resolutionText = (wording: ResolutionWording): string => [wording.opening, ...wording.parts.map(lineText)].join('\n');

/** A block of the outline as plain text, a line per paragraph, bullet or part. */
export function blockText(block: OutlineBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return textOf(block.spans);
    case 'bullets':
      return bulletLines(block.items, 0).map(lineText).join('\n');
    case 'quote':
    case 'motion':
      return block.blocks.map(blockText).join('\n');
    case 'resolution':
      return resolutionText(resolutionWording(block));
  }
}

const noInterests = /^(there (were|was) )?no\b.*\b(interests?|declarations?)\b/i;

/**
 * The insert menu starts declarations with one empty declaration, and a clerk may type "There were no
 * declarations of interest." into it: with no member named, that is the nil statement, not a declaration.
 */
const readsAsNoDeclarations = (member: string, text: string): boolean => member === '' && noInterests.test(text);

function readRequest(node: MinutesNodeJSON): RequestWording {
  const attrs = node.attrs ?? {};
  return {
    requestId: String(attrs['id'] ?? ''),
    asked: textOf(spansOf(node)).trim(),
    askedOf: String(attrs['askedOf'] ?? '').trim(),
    // The schema's own reading: anything but 'answered' is still open.
    status: attrs['status'] === 'answered' ? 'answered' : 'open',
  };
}

export function itemWording(item: Item): ItemWording {
  const wording: ItemWording = { narrative: [], resolutions: [], requests: [], declarations: [] };
  for (const node of item.minutes) {
    switch (node.type) {
      case 'resolution':
        for (const block of minutesOutline([node])) if (block.kind === 'resolution') wording.resolutions.push(resolutionWording(block));
        break;
      case 'information_requests': {
        const [intro, ...requests] = node.content ?? [];
        wording.narrative.push(textOf(spansOf(intro)));
        wording.requests.push(...requests.map(readRequest));
        break;
      }
      case 'declarations': {
        // The outline turns each child into one paragraph, in order; the raw child says who declared what.
        const sentences = minutesOutline([node]);
        (node.content ?? []).forEach((child, index) => {
          const text = textOf(spansOf(child)).trim();
          const member = String(child.attrs?.['member'] ?? '').trim();
          const sentence = sentences[index];
          if (child.type !== 'declaration' || sentence === undefined || readsAsNoDeclarations(member, text)) {
            wording.narrative.push(text);
            return;
          }
          wording.declarations.push({
            member,
            kind: String(child.attrs?.['kind']),
            item: String(child.attrs?.['item'] ?? '').trim(),
            action: attrsOf<{ action: DeclarationAction }>(child).action,
            text,
            sentence: blockText(sentence),
          });
        });
        break;
      }
      default:
        wording.narrative.push(...minutesOutline([node]).map(blockText));
    }
  }
  return wording;
}
