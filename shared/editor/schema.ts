// The ProseMirror schema for a meeting's minutes. One document holds the whole meeting: a sequence of
// agenda items, each a title, a source line and the structured blocks of its minutes. Specs are plain
// objects whose toDOM returns arrays, so this module loads in Node (exporters, importers, tests) too.
import { linkRule, safeLinkAddress } from '../model/linkAddress.js';
import { Schema, type DOMOutputSpec, type Node as ProseMirrorNode, type NodeSpec, type MarkSpec } from 'prosemirror-model';

export const declarationKinds = ['disclosable-pecuniary', 'other-registrable', 'non-registrable'] as const;
export type DeclarationKind = (typeof declarationKinds)[number];
export const declarationKindLabels: Record<DeclarationKind, string> = {
  'disclosable-pecuniary': 'disclosable pecuniary interest',
  'other-registrable': 'other registrable interest',
  'non-registrable': 'non-registrable interest',
};

export const approvalOutcomes = ['agreed', 'agreed-with-amendments'] as const;
export type ApprovalOutcome = (typeof approvalOutcomes)[number];

export const requestStatuses = ['open', 'answered'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** How the numbered parts of a resolution are labelled in the council's house style. */
export const partStyles = ['1)', '(1)', '1.', 'a.'] as const;
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

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'item+' },

  item: {
    content: 'item_title item_source block+',
    attrs: {
      id: { default: '', validate: isString },
      business: { default: 'public', validate: oneOf(['public', 'private']) },
      agendaText: { default: '', validate: isString },
      documents: { default: [], validate: validateDocuments },
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
      kind: { default: 'disclosable-pecuniary', validate: oneOf(declarationKinds) },
    },
    parseDOM: [
      {
        tag: 'p.declaration',
        getAttrs: (dom) => ({
          member: readAttr(dom, 'data-member') ?? '',
          item: readAttr(dom, 'data-item') ?? '',
          kind: readAttr(dom, 'data-kind') ?? 'disclosable-pecuniary',
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

  /** "RESOLVED [unanimously] that <preamble>", then numbered parts or bullets. */
  resolution: {
    group: 'block',
    content: 'resolution_preamble (resolution_part | bullet_list)*',
    attrs: { unanimous: { default: false, validate: isBoolean }, partStyle: { default: '1)', validate: oneOf(partStyles) } },
    parseDOM: [
      {
        tag: 'div.resolution',
        getAttrs: (dom) => ({
          unanimous: readAttr(dom, 'data-unanimous') === 'true',
          partStyle: readAttr(dom, 'data-part-style') ?? '1)',
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'div',
      {
        class: 'resolution',
        'data-unanimous': String(node.attrs['unanimous']),
        'data-part-style': node.attrs['partStyle'],
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
