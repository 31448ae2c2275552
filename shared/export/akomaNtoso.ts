// A meeting's minutes as Akoma Ntoso 3.0 (OASIS LegalDocML) XML, for councils and archives that take
// legislative and parliamentary records in that standard. The minutes are a `debate` named "minutes":
// the title block in the preface, the attendance as a roll call, then one debateSection per item,
// grouped under Public/Private Business as the formal minutes are (seed 003). Validates against
// akomantoso30.xsd; every person at the meeting and their part in it is declared in the references.
import { publishedItem } from './lifecycleMarks.js';
import { formatClockTime, formatClosingTime, formatFormalDate, formatProseDate } from '../dates.js';
import type { Attendance } from '../model/attendance.js';
import { adjournmentsOf, businessHeadings, type Business, type Item } from '../model/meeting.js';
import { adjournmentLine } from './meetingTimes.js';
import { minuteCitation, municipalYearOf } from '../numbering.js';
import { itemNumberAsPublished, requirePublishable, type ExportRequest } from './exportForm.js';
import { notYetAgreed } from '../lifecycle/recorded.js';
import { draftMark, signature } from './lifecycleMarks.js';
import { minutesOutline, type BulletItem, type OutlineBlock, type ResolutionPart, type Span } from './outline.js';
import { motionResults, voteSides, type MotionAttrs } from '../editor/schema.js';
import { motionCounts } from '../model/votes.js';

const aknNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** Minute Book's own metadata, in the schema's open `proprietary` element: the status of minutes not yet agreed. */
const lifecycleNamespace = 'urn:minute-book:lifecycle';

// ---------------------------------------------------------------------------------------------
// XML text

// XML 1.0 cannot carry control characters at all; Word's manual line break (U+000B) is the one a
// clerk pastes in practice, so they become spaces rather than failing the whole export.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in element content and in double-quoted attributes. */
function escapeXml(text: string): string {
  return text
    .replace(notInXml, (character) => (character <= '\u001F' ? ' ' : '\uFFFD'))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // As character references, line breaks survive the indentation below and attribute normalisation.
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

/** A link as a URI: what a URI cannot hold (spaces, quotes, non-ASCII) percent-encoded, as browsers send it. */
const uri = (href: string): string =>
  href
    .trim()
    .replace(notInXml, '') // lone surrogates, which have no encoding
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (character) => encodeURIComponent(character));

type Attributes = Record<string, string | undefined>;

const attributesXml = (attributes: Attributes): string =>
  Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');

/** An element of running text: `content` is already XML, kept on one line because whitespace there is text. */
const inlineElement = (name: string, attributes: Attributes, content: string): string =>
  content === '' ? `<${name}${attributesXml(attributes)}/>` : `<${name}${attributesXml(attributes)}>${content}</${name}>`;

/** An element holding only other elements, one per line, indented. */
const blockElement = (name: string, attributes: Attributes, children: readonly string[]): string =>
  [`<${name}${attributesXml(attributes)}>`, ...children.map((child) => child.replace(/^/gm, '  ')), `</${name}>`].join('\n');

// ---------------------------------------------------------------------------------------------
// Identifiers

/** "councillor-j-innes" from "Councillor J Innes": eIds and URI segments from what the clerk typed. */
function slug(text: string, fallback: string): string {
  const slugged = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slugged === '' ? fallback : slugged;
}

/**
 * eIds, unique in the document as the schema's xsd:unique demands. Named ids (people, roles, items,
 * the roll call) never contain "__"; every other id is its parent's id, "__", the kind of element and
 * a count, so the two kinds never collide.
 */
class Identifiers {
  private readonly taken = new Set<string>();
  private readonly counts = new Map<string, number>();

  named(base: string): string {
    let eId = base;
    for (let n = 2; this.taken.has(eId); n++) eId = `${base}-${n}`;
    this.taken.add(eId);
    return eId;
  }

  within(parent: string, kind: string): string {
    const key = `${parent}__${kind}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return `${key}_${n}`;
  }
}

const minuteAnchor = (citation: string): string => `minute-${slug(citation, 'unnumbered')}`;

// ---------------------------------------------------------------------------------------------
// Attendance

/** Each person's part in the meeting, declared once as a TLCRole and referred to from the roll call. */
const roles = {
  chair: 'Chair',
  member: 'Member',
  coOptedMember: 'Co-opted member',
  invited: 'Invited',
  otherMember: 'Other member',
  employee: 'Employee',
  apology: 'Apology',
  substitute: 'Substitute',
} as const;
type Role = keyof typeof roles;

/** A person named in the roll call; `role` is absent where they are only mentioned (the member substituted for). */
interface Named {
  name: string;
  role?: Role;
}
type Line = (string | Named)[];

interface AttendanceGroup {
  heading: string;
  lines: Line[];
}

const withNote = (note: string): string => (note.trim() === '' ? '' : ` (${note.trim()})`);

/**
 * The groups and headings of attendanceGroups (the printed minutes), but with each person kept apart
 * from the note after their name so that they can be marked up. Rows the clerk has added but not yet
 * named are left out: there is no one to refer to.
 */
function attendanceLines(attendance: Attendance): AttendanceGroup[] {
  const named = <T extends { name: string }>(rows: readonly T[]): T[] => rows.filter((row) => row.name.trim() !== '');
  const directorates = new Map<string, string[]>();
  for (const employee of named(attendance.employees)) {
    directorates.set(employee.directorate.trim(), [...(directorates.get(employee.directorate.trim()) ?? []), employee.name]);
  }
  const groups: AttendanceGroup[] = [
    {
      heading: 'Members',
      lines: named(attendance.members).map((member) =>
        member.chair ? [{ name: member.name, role: 'chair' }, ' (Chair)'] : [{ name: member.name, role: 'member' }],
      ),
    },
    {
      heading: 'Co-Opted Members',
      lines: named(attendance.coOpted).map((member) => [{ name: member.name, role: 'coOptedMember' }, member.voting ? '' : ' (non-voting)']),
    },
    { heading: 'Invited', lines: named(attendance.invited).map((guest) => [{ name: guest.name, role: 'invited' }, withNote(guest.capacity)]) },
    {
      heading: 'Other Members',
      lines: named(attendance.otherMembers).map((member) => [{ name: member.name, role: 'otherMember' }, withNote(member.portfolio)]),
    },
    {
      heading: 'Employees (by Directorate)',
      lines: [...directorates].map(([directorate, names]) => [
        directorate === '' ? '' : `${directorate}: `,
        ...names.flatMap((name, index): Line => (index === 0 ? [{ name, role: 'employee' }] : [', ', { name, role: 'employee' }])),
      ]),
    },
    { heading: 'Apologies', lines: named(attendance.apologies).map((apology) => [{ name: apology.name, role: 'apology' }, withNote(apology.note)]) },
    {
      heading: 'Substitutes',
      lines: named(attendance.substitutes).map((substitute) =>
        substitute.substitutingFor.trim() === ''
          ? [{ name: substitute.name, role: 'substitute' }]
          : [{ name: substitute.name, role: 'substitute' }, ' substituting for ', { name: substitute.substitutingFor.trim() }],
      ),
    },
  ];
  return groups.filter((group) => group.lines.length > 0);
}

// ---------------------------------------------------------------------------------------------
// The document

export function renderAkomaNtoso(request: ExportRequest): string {
  requirePublishable(request);
  const { meeting, committee } = request;
  const ids = new Identifiers();
  /** Each motion printed, with its eId, for the votes in the metadata's parliamentary analysis. */
  const votes: { motionId: string; motion: MotionAttrs }[] = [];

  // The organisations and roles are named first so that a person's name can never take their eIds.
  const minuteBookId = ids.named('minutebook');
  const councilId = ids.named(slug(committee.council, 'council'));
  const committeeId = ids.named(slug(committee.name, 'committee'));
  const roleIds = Object.fromEntries(Object.keys(roles).map((role) => [role, ids.named(role)])) as Record<Role, string>;
  const rolesUsed = new Set<Role>();
  const people = new Map<string, string>();
  const personId = (name: string): string => {
    const key = name.trim();
    const known = people.get(key);
    if (known !== undefined) return known;
    const eId = ids.named(slug(key, 'person'));
    people.set(key, eId);
    return eId;
  };

  const year = municipalYearOf(meeting.date, committee.municipalYearStartMonth);
  const agenda = meeting.items.map((item) => {
    const anchor = minuteAnchor(minuteCitation(item.minuteNumber, year));
    return { item, anchor, eId: ids.named(anchor) };
  });
  const minutesHere = new Map(agenda.map(({ anchor, eId }) => [anchor, eId]));

  const seriesUri = `/akn/gb/debate/minutes/${committeeId}`;
  const workUri = `${seriesUri}/${meeting.date}`;
  const expressionUri = `${workUri}/eng@`;

  // --- Running text -----------------------------------------------------------------------------

  /** A minute of this meeting is linked within the document; one of an earlier meeting, within the committee's series. */
  const minuteHref = (citation: string): string => {
    const anchor = minuteAnchor(citation);
    const here = minutesHere.get(anchor);
    return here === undefined ? `${seriesUri}#${anchor}` : `#${here}`;
  };

  const spanXml = (span: Span, parent: string): string => {
    if (span.minute !== null) return inlineElement('ref', { eId: ids.within(parent, 'ref'), href: minuteHref(span.minute) }, escapeXml(span.text));
    // A hard break in the minutes is the end of a printed line.
    let xml = span.text.split('\n').map(escapeXml).join('<eol/>');
    if (span.em) xml = inlineElement('i', {}, xml);
    if (span.strong) xml = inlineElement('b', {}, xml);
    return span.href === null ? xml : inlineElement('a', { href: uri(span.href) }, xml);
  };
  const spansXml = (spans: readonly Span[], parent: string): string => spans.map((span) => spanXml(span, parent)).join('');
  const paragraph = (spans: readonly Span[], parent: string): string => inlineElement('p', {}, spansXml(spans, parent));

  // --- Minutes ----------------------------------------------------------------------------------

  const bulletList = (items: readonly BulletItem[], parent: string): string => {
    const listId = ids.within(parent, 'list');
    return blockElement(
      'blockList',
      { eId: listId },
      items.map((bullet) => {
        const itemId = ids.within(listId, 'item');
        const nested = bullet.children.length > 0 ? [bulletList(bullet.children, itemId)] : [];
        return blockElement('item', { eId: itemId }, [paragraph(bullet.spans, itemId), ...nested]);
      }),
    );
  };

  /** Numbered parts in a row make one list, each item carrying the part's label as its num. */
  const partList = (parts: readonly ResolutionPart[], parent: string): string => {
    const listId = ids.within(parent, 'list');
    return blockElement(
      'blockList',
      { eId: listId },
      parts.map((part) => {
        const itemId = ids.within(listId, 'item');
        const bullets = part.bullets.length > 0 ? [bulletList(part.bullets, itemId)] : [];
        return blockElement('item', { eId: itemId }, [inlineElement('num', {}, escapeXml(part.label)), paragraph(part.spans, itemId), ...bullets]);
      }),
    );
  };

  const resolution = (block: Extract<OutlineBlock, { kind: 'resolution' }>, parent: string): string => {
    const resolutionId = ids.within(parent, 'resolution');
    const preamble = spansXml(block.preamble, resolutionId);
    const space = block.joined || preamble === '' ? '' : ' ';
    const children = [inlineElement('p', {}, `${inlineElement('b', {}, escapeXml(block.lead))}${space}${preamble}`)];
    let parts: ResolutionPart[] = [];
    const closeParts = (): void => {
      if (parts.length > 0) children.push(partList(parts, resolutionId));
      parts = [];
    };
    for (const entry of block.body) {
      if (entry.kind === 'part') {
        parts.push(entry);
      } else {
        closeParts();
        children.push(bulletList(entry.items, resolutionId));
      }
    }
    closeParts();
    return blockElement('debateSection', { name: 'resolution', eId: resolutionId }, children);
  };

  const minutesBlock = (block: OutlineBlock, parent: string): string => {
    switch (block.kind) {
      case 'paragraph':
        return paragraph(block.spans, parent);
      case 'bullets':
        return bulletList(block.items, parent);
      case 'quote': {
        // A debateSection rather than a blockContainer: it can hold whatever the quoted minutes hold.
        const quoteId = ids.within(parent, 'quote');
        return blockElement('debateSection', { name: 'quote', eId: quoteId }, block.blocks.map((inner) => minutesBlock(inner, quoteId)));
      }
      case 'resolution':
        return resolution(block, parent);
      case 'motion': {
        const motionId = ids.within(parent, block.motion.kind);
        votes.push({ motionId, motion: block.motion });
        return blockElement('debateSection', { name: block.motion.kind, eId: motionId }, block.blocks.map((inner) => minutesBlock(inner, motionId)));
      }
    }
  };

  const itemSection = ({ item, eId: itemId }: { item: Item; eId: string }): string => {
    const source = item.source.trim() === '' ? [] : [inlineElement('subheading', { eId: `${itemId}__subheading` }, escapeXml(item.source.trim()))];
    return blockElement('debateSection', { name: 'item', eId: itemId }, [
      inlineElement('num', {}, escapeXml(itemNumberAsPublished({ meeting, committee }, item))),
      inlineElement('heading', { eId: `${itemId}__heading` }, escapeXml(item.title.trim())),
      ...source,
      ...minutesOutline(publishedItem(meeting, item).minutes, committee.declarationKinds).map((block) => minutesBlock(block, itemId)),
    ]);
  };

  /** Items in agenda order, each run of public or private business under its heading, as printed. */
  const businessSections = (): string[] => {
    const runs: { business: Business; items: typeof agenda }[] = [];
    for (const entry of agenda) {
      const run = runs.at(-1);
      if (run?.business === entry.item.business) run.items.push(entry);
      else runs.push({ business: entry.item.business, items: [entry] });
    }
    return runs.map((run) => {
      const sectionId = ids.named(`${run.business}Business`);
      return blockElement('debateSection', { name: `${run.business}Business`, eId: sectionId }, [
        inlineElement('heading', { eId: `${sectionId}__heading` }, businessHeadings[run.business]),
        ...run.items.map(itemSection),
      ]);
    });
  };

  // --- Attendance -------------------------------------------------------------------------------

  const rollCall = (): string[] => {
    const groups = attendanceLines(meeting.attendance);
    if (groups.length === 0) return [];
    const rollCallId = ids.named('rollCall');
    return [
      blockElement('rollCall', { eId: rollCallId }, [
        inlineElement('heading', { eId: `${rollCallId}__heading` }, 'Present'),
        ...groups.map((group) => {
          const listId = ids.within(rollCallId, 'list');
          return blockElement('blockList', { eId: listId }, [
            inlineElement('listIntroduction', {}, escapeXml(group.heading)),
            ...group.lines.map((line) => {
              const itemId = ids.within(listId, 'item');
              const text = line.map((part) => {
                if (typeof part === 'string') return escapeXml(part);
                if (part.role !== undefined) rolesUsed.add(part.role);
                return inlineElement(
                  'person',
                  {
                    eId: ids.within(itemId, 'person'),
                    refersTo: `#${personId(part.name)}`,
                    as: part.role === undefined ? undefined : `#${roleIds[part.role]}`,
                  },
                  escapeXml(part.name.trim()),
                );
              });
              return blockElement('item', { eId: itemId }, [inlineElement('p', {}, text.join(''))]);
            }),
          ]);
        }),
      ]),
    ];
  };

  // --- Title block ------------------------------------------------------------------------------

  const preface = (): string =>
    blockElement('preface', {}, [
      ...draftMark(meeting).map((mark) => inlineElement('p', {}, inlineElement('docStatus', {}, escapeXml(mark)))),
      inlineElement('p', {}, inlineElement('organization', { eId: ids.within('preface', 'organization'), refersTo: `#${councilId}` }, escapeXml(committee.council))),
      inlineElement('p', {}, inlineElement('docTitle', {}, `Minutes of the Meeting of ${escapeXml(committee.name.trim())}`)),
      inlineElement(
        'p',
        {},
        `held ${meeting.startTime === null ? '' : `at ${inlineElement('time', { time: `${meeting.startTime}:00` }, escapeXml(formatClockTime(meeting.startTime)))} `}on ${inlineElement(
          'docDate',
          { date: meeting.date },
          escapeXml(formatFormalDate(meeting.date)),
        )}`,
      ),
    ]);

  /** "Signed Councillor J Innes (Chair), 13 July 2017": the Chair is a person of the references, in the Chair's role. */
  const signatureXml = (): string[] => {
    const signed = signature(meeting);
    if (signed === null) return [];
    rolesUsed.add('chair');
    const chair = inlineElement('person', { eId: ids.within('conclusions', 'person'), refersTo: `#${personId(signed.chair)}`, as: `#${roleIds.chair}` }, escapeXml(signed.chair));
    const day = signed.on === null ? '' : `, ${inlineElement('date', { date: signed.on }, escapeXml(formatProseDate(signed.on)))}`;
    return [inlineElement('p', {}, inlineElement('signature', {}, `Signed ${chair} (Chair)${day}`))];
  };

  const conclusions = (): string[] => {
    const adjourned = adjournmentsOf(meeting).map((adjournment) => inlineElement('p', {}, escapeXml(adjournmentLine(adjournment))));
    const closed =
      meeting.closingTime === null
        ? []
        : [inlineElement('p', {}, `(Meeting closed at ${inlineElement('time', { time: `${meeting.closingTime}:00` }, escapeXml(formatClosingTime(meeting.closingTime)))})`)];
    const lines = [...adjourned, ...closed, ...signatureXml()];
    return lines.length === 0 ? [] : [blockElement('conclusions', {}, lines)];
  };

  // --- Metadata (written last: the roll call decides which people and roles it declares) -----------

  const body = [preface(), blockElement('debateBody', {}, [...rollCall(), ...businessSections()]), ...conclusions()];

  const frbr = (level: string, thisUri: string, uriValue: string, date: { date: string; name: string }, author: string, extra: string[]): string =>
    blockElement(level, {}, [
      inlineElement('FRBRthis', { value: thisUri }, ''),
      inlineElement('FRBRuri', { value: uriValue }, ''),
      inlineElement('FRBRdate', date, ''),
      inlineElement('FRBRauthor', { href: `#${author}` }, ''),
      ...extra,
    ]);
  const meetingDate = { date: meeting.date, name: 'meeting' };

  const identification = blockElement('identification', { source: `#${minuteBookId}` }, [
    frbr('FRBRWork', `${workUri}/!main`, workUri, meetingDate, committeeId, [
      inlineElement('FRBRcountry', { value: 'GB' }, ''),
      inlineElement('FRBRsubtype', { value: 'minutes' }, ''),
    ]),
    frbr('FRBRExpression', `${expressionUri}/!main`, expressionUri, meetingDate, committeeId, [inlineElement('FRBRlanguage', { language: 'eng' }, '')]),
    // This file is the meeting as last saved; an export of the same revision is the same manifestation.
    frbr('FRBRManifestation', `${expressionUri}/!main.xml`, `${expressionUri}.akn`, { date: meeting.updatedAt, name: 'saved' }, minuteBookId, [
      inlineElement('FRBRformat', { value: 'application/akn+xml' }, ''),
    ]),
  ]);

  // Each vote as the schema's parliamentary analysis: a <voting> naming the motion and its outcome,
  // with a <count> for each side; the printed sentences stay in the debate as the minutes read.
  const counted = votes.flatMap(({ motionId, motion }) => {
    const counts = motionCounts(motion);
    const outcome = motion.result === '' ? null : motion.result;
    if (counts === null && outcome === null) return [];
    const voteId = `${motionId}__vote`;
    const sides = counts === null ? [] : voteSides.map((side) => inlineElement('count', { eId: `${voteId}__${side}`, value: String(counts[side]), refersTo: `#${side}` }, ''));
    if (sides.length === 0) return [];
    return [blockElement('voting', { eId: voteId, href: `#${motionId}`, ...(outcome === null ? {} : { outcome: `#${outcome}` }) }, sides)];
  });
  const analysis = counted.length === 0 ? [] : [blockElement('analysis', { source: `#${minuteBookId}` }, [blockElement('parliamentary', {}, counted)])];
  const concepts =
    counted.length === 0
      ? []
      : [...voteSides, ...motionResults.filter((result) => result !== '')].map((concept) =>
          inlineElement('TLCConcept', { eId: concept, href: `/akn/ontology/concept/gb/vote.${concept}`, showAs: concept.replace('-', ' ') }, ''),
        );

  const organization = (eId: string, kind: string, showAs: string): string =>
    inlineElement('TLCOrganization', { eId, href: `/akn/ontology/organization/gb/${kind}`, showAs }, '');
  const references = blockElement('references', { source: `#${minuteBookId}` }, [
    organization(minuteBookId, 'minutebook', 'Minute Book'),
    organization(councilId, councilId, committee.council.trim()),
    organization(committeeId, `${councilId}.${committeeId}`, committee.name.trim()),
    ...[...people].map(([name, eId]) => inlineElement('TLCPerson', { eId, href: `/akn/ontology/person/gb/${eId}`, showAs: name }, '')),
    ...[...rolesUsed].map((role) =>
      inlineElement('TLCRole', { eId: roleIds[role], href: `/akn/ontology/role/gb/${role}`, showAs: roles[role] }, ''),
    ),
    ...concepts,
  ]);

  // The step the minutes stand at, where it is not what an Akoma Ntoso document of minutes implies (agreed):
  // not yet agreed, or signed (with the date, and any publication recorded beside the record).
  const signedRecord = meeting.lifecycle?.signed ?? null;
  const publication = meeting.lifecycle?.published;
  const lifecycleAttributes = {
    'xmlns:mb': lifecycleNamespace,
    status: signedRecord === null ? meeting.status : 'signed',
    ...(signedRecord === null ? {} : { signedOn: signedRecord.signedOn }),
    ...(publication === undefined ? {} : { published: publication.at.slice(0, 10) }),
  };
  const proprietary =
    notYetAgreed(meeting) || signedRecord !== null
      ? [blockElement('proprietary', { source: `#${minuteBookId}` }, [inlineElement('mb:lifecycle', lifecycleAttributes, '')])]
      : [];
  const debate = blockElement('debate', { name: 'minutes' }, [blockElement('meta', {}, [identification, ...analysis, references, ...proprietary]), ...body]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${blockElement('akomaNtoso', { xmlns: aknNamespace }, [debate])}\n`;
}
