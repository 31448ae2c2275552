// The ProseMirror schema for a meeting's minutes. One document holds the whole meeting: a sequence of
// agenda items, each a title, a source line and the structured blocks of its minutes. Specs are plain
// objects whose toDOM returns arrays, so this module loads in Node (exporters, importers, tests) too.
import { DECLARATION_KIND_ID } from '../model/declarationKinds.js';
import { linkRule, safeLinkAddress } from '../model/linkAddress.js';
import { Schema, type DOMOutputSpec, type Node as ProseMirrorNode, type NodeSpec, type MarkSpec } from 'prosemirror-model';

/**
 * What a member who declared an interest did (DOMAIN.md, "Interests"): left the room, took no part in
 * the vote, stayed and spoke, stayed but did not vote; '' when the minutes do not say.
 */
export const declarationActions = ['', 'left-room', 'no-vote', 'stayed-spoke', 'stayed-no-vote'] as const;
export type DeclarationAction = (typeof declarationActions)[number];

/** The words a resolution opens with, as councils print them (shared/editor/blocks.ts `resolutionLead`). */
export const resolutionLeads = [
  'resolved-that',
  'resolved',
  'resolved-to-note',
  'unanimously-resolved',
  'agreed',
  'noted',
  'decision',
  'recommended-to-council',
  'committee-resolved',
] as const;
export type ResolutionLead = (typeof resolutionLeads)[number];

export const motionKinds = ['motion', 'amendment'] as const;
export type MotionKind = (typeof motionKinds)[number];

/** What became of a motion; '' while it has not been put. */
export const motionResults = ['', 'carried', 'lost', 'withdrawn', 'not-seconded', 'fell'] as const;
export type MotionResult = (typeof motionResults)[number];

export const castingVotes = ['', 'for', 'against'] as const;
export type CastingVote = (typeof castingVotes)[number];

/** "(For: 6, Against: 4, Abstain: 1)". */
export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
}
/** A recorded (named) vote: who voted each way. */
export interface NamedVote {
  for: string[];
  against: string[];
  abstain: string[];
}

/** The attributes of a `motion` block. */
export interface MotionAttrs {
  id: string;
  kind: MotionKind;
  /** The id of the motion an amendment amends; '' for a motion. */
  amends: string;
  mover: string;
  seconder: string;
  result: MotionResult;
  unanimous: boolean;
  counts: VoteCounts | null;
  named: NamedVote | null;
  castingVote: CastingVote;
}

/** A member's coming or going, or the meeting's adjourning and resuming, at the item it sits in. */
export const attendanceEventKinds = ['arrived', 'left', 'left-for-item', 'returned', 'took-chair', 'left-chair', 'adjourned', 'resumed'] as const;
export type AttendanceEventKind = (typeof attendanceEventKinds)[number];

/** The attributes of an `attendance_event` block. */
export interface AttendanceEventAttrs {
  member: string;
  event: AttendanceEventKind;
  /** '' or a 24-hour time, "14:05". */
  time: string;
  /** "declared a prejudicial interest"; '' when none is given. */
  reason: string;
}

export const approvalOutcomes = ['agreed', 'agreed-with-amendments'] as const;
export type ApprovalOutcome = (typeof approvalOutcomes)[number];

export const requestStatuses = ['open', 'answered'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** How the numbered parts of a resolution are labelled in the council's house style. */
export const partStyles = ['1)', '(1)', '1.', 'a.', '(a)'] as const;
export type PartStyle = (typeof partStyles)[number];

/** Attribute validator: PM runs it on nodeFromJSON and Node.check, so a bad file is rejected at load. */
const oneOf = (values: readonly string[]) => (value: unknown) => {
  if (typeof value !== 'string' || !values.includes(value)) {
    throw new RangeError(`expected one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
  }
};
const isString = 'string';
/** The one allow-list (shared/model/linkAddress.ts): checked on every load (nodeFromJSON, Node.check). */
const safeLink = (value: unknown) => {
  if (safeLinkAddress(value) !== value) throw new RangeError(`${linkRule}, not ${JSON.stringify(value)}`);
};
const isBoolean = 'boolean';
const declarationKindId = (value: unknown) => {
  if (typeof value !== 'string' || !DECLARATION_KIND_ID.test(value)) {
    throw new RangeError(`expected a kind of interest such as disclosable-pecuniary, got ${JSON.stringify(value)}`);
  }
};
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockOrEmpty = (value: unknown) => {
  if (value !== '' && (typeof value !== 'string' || !CLOCK_TIME.test(value))) {
    throw new RangeError(`expected '' or a 24-hour time such as 14:05, got ${JSON.stringify(value)}`);
  }
};
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isNameList = (value: unknown) => Array.isArray(value) && value.every((name) => typeof name === 'string');
/** The sides of a vote, as the keys of `counts` and `named`. */
export const voteSides = ['for', 'against', 'abstain'] as const;
/** A side-by-side record of a vote: null, or { for, against, abstain } each passing `side`. */
const voteRecord = (what: string, side: (value: unknown) => boolean) => (value: unknown) => {
  if (value === null) return;
  const ok =
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).every((key) => (voteSides as readonly string[]).includes(key)) &&
    voteSides.every((key) => side((value as Record<string, unknown>)[key]));
  if (!ok) throw new RangeError(`${what} must be null or { for, against, abstain }, got ${JSON.stringify(value)}`);
};

const textBlock = (tag: string, className: string): NodeSpec => ({
  content: 'inline*',
  parseDOM: [{ tag: `${tag}.${className}` }],
  toDOM: (): DOMOutputSpec => [tag, { class: className }, 0],
});

/**
 * parseDOM only runs in a browser, but this module must type-check without the DOM library (it is
 * shared with Node), so elements are read through the one method the parse rules need.
 */
const readAttr = (dom: unknown, name: string): string | null =>
  (dom as { getAttribute(name: string): string | null }).getAttribute(name);

/** A pasted element's attribute when it is one of `values`, else the first of them (the default). */
const readOneOf = <T extends string>(dom: unknown, name: string, values: readonly T[]): T => {
  const value = readAttr(dom, name);
  return values.find((allowed) => allowed === value) ?? (values[0] as T);
};

const dataAttr = (name: string) => (dom: unknown) => ({ [name]: readAttr(dom, `data-${name}`) ?? '' });

/** An attached paper: "Minutes pdf icon PDF 70 KB" in the archive. */
export interface ItemDocument {
  title: string;
  sizeKb: number | null;
}
function validateDocuments(value: unknown): void {
  const ok =
    Array.isArray(value) &&
    value.every(
      (doc: unknown) =>
        typeof doc === 'object' &&
        doc !== null &&
        typeof (doc as ItemDocument).title === 'string' &&
        ((doc as ItemDocument).sizeKb === null || typeof (doc as ItemDocument).sizeKb === 'number'),
    );
  if (!ok) throw new RangeError('documents must be a list of { title, sizeKb }');
}

/** An item's number as its imported document printed it, with the minute number it was printed for (Item.printedNumber). */
export interface PrintedNumberAttr {
  minuteNumber: number;
  text: string;
}

function validatePrintedNumber(value: unknown): void {
  if (value === null) return;
  const printed = value as Partial<PrintedNumberAttr> | undefined;
  if (typeof printed?.text !== 'string' || !Number.isInteger(printed.minuteNumber)) throw new RangeError('a printed minute number is { minuteNumber, text }');
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'item+' },

  item: {
    content: 'item_title item_source block+',
    attrs: {
      id: { default: '', validate: isString },
      business: { default: 'public', validate: oneOf(['public', 'private']) },
      agendaText: { default: '', validate: isString },
      documents: { default: [], validate: validateDocuments },
      printedNumber: { default: null, validate: validatePrintedNumber },
    },
    isolating: true,
    defining: true,
    parseDOM: [
      {
        tag: 'section.item',
        getAttrs: (dom) => ({
          id: readAttr(dom, 'data-item-id') ?? '',
          business: readAttr(dom, 'data-business') === 'private' ? 'private' : 'public',
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'section',
      { class: 'item', 'data-item-id': node.attrs['id'], 'data-business': node.attrs['business'] },
      0,
    ],
  },
  item_title: { ...textBlock('h2', 'item-title'), content: 'text*', marks: '' },
  item_source: { ...textBlock('p', 'item-source'), content: 'text*', marks: '' },

  paragraph: { group: 'block', ...textBlock('p', 'narrative'), parseDOM: [{ tag: 'p' }] },
  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  list_item: {
    content: 'paragraph bullet_list?',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },

  declarations: {
    group: 'block',
    content: 'declaration+ | declarations_none',
    parseDOM: [{ tag: 'div.declarations' }],
    toDOM: () => ['div', { class: 'declarations' }, 0],
  },
  /** One member's declaration; the text is what they declared. */
  declaration: {
    content: 'inline*',
    attrs: {
      member: { default: '', validate: isString },
      item: { default: '', validate: isString },
      /** An id from the committee's list of kinds (shared/model/declarationKinds.ts). */
      kind: { default: 'disclosable-pecuniary', validate: declarationKindId },
      action: { default: '', validate: oneOf(declarationActions) },
    },
    parseDOM: [
      {
        tag: 'p.declaration',
        getAttrs: (dom) => ({
          member: readAttr(dom, 'data-member') ?? '',
          item: readAttr(dom, 'data-item') ?? '',
          kind: DECLARATION_KIND_ID.test(readAttr(dom, 'data-kind') ?? '') ? readAttr(dom, 'data-kind') : 'disclosable-pecuniary',
          action: readOneOf(dom, 'data-action', declarationActions),
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'p',
      {
        class: 'declaration',
        'data-member': node.attrs['member'],
        'data-item': node.attrs['item'],
        'data-kind': node.attrs['kind'],
        'data-action': node.attrs['action'],
      },
      0,
    ],
  },
  /** "There were no disclosable pecuniary interests." in the council's own words. */
  declarations_none: textBlock('p', 'declarations-none'),

  minutes_approval: {
    group: 'block',
    content: 'approval_statement amendment* matters_arising?',
    attrs: { meetingDate: { default: '', validate: isString }, outcome: { default: 'agreed', validate: oneOf(approvalOutcomes) } },
    parseDOM: [
      {
        tag: 'div.minutes-approval',
        getAttrs: (dom) => ({
          meetingDate: readAttr(dom, 'data-meeting-date') ?? '',
          outcome: readAttr(dom, 'data-outcome') ?? 'agreed',
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'div',
      { class: 'minutes-approval', 'data-meeting-date': node.attrs['meetingDate'], 'data-outcome': node.attrs['outcome'] },
      0,
    ],
  },
  approval_statement: textBlock('p', 'approval-statement'),
  /** Replacement text for an earlier minute, quoted in the approval (seed 000). */
  amendment: {
    content: 'paragraph+',
    attrs: { minute: { default: '', validate: isString }, heading: { default: '', validate: isString } },
    parseDOM: [
      { tag: 'blockquote.amendment', getAttrs: (dom) => ({ ...dataAttr('minute')(dom), ...dataAttr('heading')(dom) }) },
    ],
    toDOM: (node): DOMOutputSpec => [
      'blockquote',
      { class: 'amendment', 'data-minute': node.attrs['minute'], 'data-heading': node.attrs['heading'] },
      0,
    ],
  },
  matters_arising: {
    content: '(paragraph | bullet_list)+',
    parseDOM: [{ tag: 'div.matters-arising' }],
    toDOM: () => ['div', { class: 'matters-arising' }, 0],
  },

  information_requests: {
    group: 'block',
    content: 'requests_intro request+',
    parseDOM: [{ tag: 'div.information-requests' }],
    toDOM: () => ['div', { class: 'information-requests' }, 0],
  },
  requests_intro: textBlock('p', 'requests-intro'),
  /** One thing asked for; tracked until answered (the "Outstanding Issues" list). */
  request: {
    content: 'inline*',
    attrs: {
      id: { default: '', validate: isString },
      askedOf: { default: '', validate: isString },
      status: { default: 'open', validate: oneOf(requestStatuses) },
    },
    parseDOM: [
      {
        tag: 'p.request',
        getAttrs: (dom) => ({
          id: readAttr(dom, 'data-request-id') ?? '',
          askedOf: readAttr(dom, 'data-asked-of') ?? '',
          status: readAttr(dom, 'data-status') === 'answered' ? 'answered' : 'open',
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'p',
      {
        class: 'request',
        'data-request-id': node.attrs['id'],
        'data-asked-of': node.attrs['askedOf'],
        'data-status': node.attrs['status'],
      },
      0,
    ],
  },

  /** "<lead> <preamble>" (RESOLVED that, AGREED, …), then numbered parts or bullets. */
  resolution: {
    group: 'block',
    content: 'resolution_preamble (resolution_part | bullet_list)*',
    attrs: {
      unanimous: { default: false, validate: isBoolean },
      partStyle: { default: '1)', validate: oneOf(partStyles) },
      lead: { default: 'resolved-that', validate: oneOf(resolutionLeads) },
    },
    parseDOM: [
      {
        tag: 'div.resolution',
        getAttrs: (dom) => ({
          unanimous: readAttr(dom, 'data-unanimous') === 'true',
          partStyle: readAttr(dom, 'data-part-style') ?? '1)',
          lead: readOneOf(dom, 'data-lead', resolutionLeads),
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'div',
      {
        class: 'resolution',
        'data-unanimous': String(node.attrs['unanimous']),
        'data-part-style': node.attrs['partStyle'],
        'data-lead': node.attrs['lead'],
      },
      0,
    ],
  },
  resolution_preamble: textBlock('p', 'resolution-preamble'),
  resolution_part: {
    content: 'paragraph bullet_list?',
    defining: true,
    parseDOM: [{ tag: 'div.resolution-part' }],
    toDOM: () => ['div', { class: 'resolution-part' }, 0],
  },

  /**
   * A motion or an amendment to one: moved, seconded and put to the vote; the paragraphs are the words
   * moved. Counts and named votes are JSON attributes, shown and edited by the block's own controls.
   */
  motion: {
    group: 'block',
    content: 'paragraph+',
    attrs: {
      id: { default: '', validate: isString },
      kind: { default: 'motion', validate: oneOf(motionKinds) },
      amends: { default: '', validate: isString },
      mover: { default: '', validate: isString },
      seconder: { default: '', validate: isString },
      result: { default: '', validate: oneOf(motionResults) },
      unanimous: { default: false, validate: isBoolean },
      counts: { default: null, validate: voteRecord('counts', isCount) },
      named: { default: null, validate: voteRecord('named', isNameList) },
      castingVote: { default: '', validate: oneOf(castingVotes) },
    },
    defining: true,
    parseDOM: [
      {
        tag: 'div.motion',
        getAttrs: (dom) => ({
          id: readAttr(dom, 'data-motion-id') ?? '',
          kind: readOneOf(dom, 'data-kind', motionKinds),
          amends: readAttr(dom, 'data-amends') ?? '',
          mover: readAttr(dom, 'data-mover') ?? '',
          seconder: readAttr(dom, 'data-seconder') ?? '',
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'div',
      {
        class: 'motion',
        'data-motion-id': node.attrs['id'],
        'data-kind': node.attrs['kind'],
        'data-amends': node.attrs['amends'],
        'data-mover': node.attrs['mover'],
        'data-seconder': node.attrs['seconder'],
        'data-result': node.attrs['result'],
      },
      0,
    ],
  },

  /** "Councillor Bigham left the meeting during consideration of this item.": the text is the sentence printed. */
  attendance_event: {
    group: 'block',
    content: 'inline*',
    attrs: {
      member: { default: '', validate: isString },
      event: { default: 'arrived', validate: oneOf(attendanceEventKinds) },
      time: { default: '', validate: clockOrEmpty },
      reason: { default: '', validate: isString },
    },
    parseDOM: [
      {
        tag: 'p.attendance-event',
        getAttrs: (dom) => ({
          member: readAttr(dom, 'data-member') ?? '',
          event: readOneOf(dom, 'data-event', attendanceEventKinds),
          time: CLOCK_TIME.test(readAttr(dom, 'data-time') ?? '') ? readAttr(dom, 'data-time') : '',
          reason: readAttr(dom, 'data-reason') ?? '',
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'p',
      {
        class: 'attendance-event',
        'data-member': node.attrs['member'],
        'data-event': node.attrs['event'],
        'data-time': node.attrs['time'],
        'data-reason': node.attrs['reason'],
      },
      0,
    ],
  },

  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
  /** "Minute 59/16": a citation of an earlier item, resolved against the library by number/year. */
  minute_reference: {
    inline: true,
    group: 'inline',
    atom: true,
    attrs: { minute: { default: '', validate: isString } },
    parseDOM: [{ tag: 'span.minute-reference', getAttrs: dataAttr('minute') }],
    toDOM: (node): DOMOutputSpec => [
      'span',
      { class: 'minute-reference', 'data-minute': node.attrs['minute'] },
      `Minute ${String(node.attrs['minute'])}`,
    ],
  },
};

const marks: Record<string, MarkSpec> = {
  strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
  em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: () => ['em', 0] },
  link: {
    attrs: { href: { validate: safeLink } },
    inclusive: false,
    // Pasted or dropped HTML: a link to anything but http, https or mailto keeps its text and loses the link.
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = safeLinkAddress(readAttr(dom, 'href'));
          return href === null ? false : { href };
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => ['a', { href: mark.attrs['href'], rel: 'noopener noreferrer' }, 0],
  },
};

export const minutesSchema = new Schema({ nodes, marks });

export type MinutesNode = ProseMirrorNode;

/**
 * A stored node's attributes with the schema's defaults for those it lacks (a file written before an
 * attribute existed holds none for it), typed as the caller knows the node to be. Not validated:
 * stored minutes were checked against the schema when read.
 */
export function attrsOf<T>(node: { type: string; attrs?: Record<string, unknown> | undefined }): T {
  const specs = minutesSchema.nodes[node.type]?.spec.attrs ?? {};
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, node.attrs?.[name] ?? spec.default])) as T;
}
