// The checks a clerk clicks through before circulating draft minutes and before the Chair signs them
// (issue 9): each names the place in the minutes and says what is wrong in the clerk's words. Errors
// block the step; a warning allows it once the clerk has confirmed it (keyed by `checkKey`). Pure:
// the caller supplies the committee, the library's meeting summaries and the meeting's citations
// resolved against the library (LibrarySearch.resolve on the node side, the CLI from the files).
import type { Attendance } from '../model/attendance.js';
import type { Committee } from '../model/committee.js';
import type { Item, Meeting, MeetingSummary } from '../model/meeting.js';
import { formatProseDate, heldAtKey } from '../dates.js';
import { attrsOf, type MotionAttrs, type VoteCounts } from '../editor/schema.js';
import { minutesOutline, textOf, withArticle, type BulletItem, type OutlineBlock } from '../export/outline.js';
import { barsFromVote, declarationKindLabel } from '../model/declarationKinds.js';
import { motionCounts, votesCast } from '../model/votes.js';
import { isSubItem, minuteYearsOf, municipalYearLabel, municipalYearOf, printedMinuteNumber } from '../numbering.js';
import type { MinutePlace } from '../search/citation.js';
import { citationsIn } from '../search/minuteReferences.js';
import { itemWording } from '../search/minutesText.js';
import { memberName } from '../search/registers.js';
import { recordedLifecycle } from './recorded.js';

export interface Check {
  severity: 'error' | 'warning';
  /** Stable: the renderer and the lifecycle record confirmations by it (see `checkCodes`). */
  code: string;
  /** "Minute 83: the resolution has an empty part 2)": begins with `place`. */
  message: string;
  /** The item the check is about, for the list to open it; null for the meeting as a whole. */
  itemId: string | null;
  /** "Minute 83", "Attendance", "The meeting": where the clerk goes to put it right. */
  place: string;
}

export interface CheckContext {
  committee: Committee;
  /** Every meeting summary in the library; those of other committees are ignored. */
  library: readonly MeetingSummary[];
  /**
   * Each citation in the meeting ("59/16", as `meetingCitations` lists them) and the minute the library
   * holds for it, or null. A citation missing from the map counts as not in the library.
   */
  resolved: Readonly<Record<string, MinutePlace | null>>;
  step: 'circulate' | 'sign';
}

/** Every code a check can have, errors first. */
export const checkCodes = [
  'item-no-minutes',
  'resolution-empty',
  'resolution-empty-part',
  'numbering-repeat',
  'attendance-none',
  'agreed-before-meeting',
  'signed-later',
  'approval-date-not-earlier',
  'approval-agreed-elsewhere',
  'agreement-not-later',
  'vote-count-exceeds-present',
  'vote-by-interested-member',
  'reference-unresolved',
  'numbering-gap',
  'declaration-not-present',
  'apologies-none',
  'approval-meeting-missing',
  'agreement-not-minuted',
  'earlier-unsigned',
] as const;
export type CheckCode = (typeof checkCodes)[number];

/** The key a clerk's confirmation of a warning is recorded under: one per check of a meeting. */
export const checkKey = (check: Pick<Check, 'code' | 'itemId'>): string => `${check.code}:${check.itemId ?? ''}`;

/** What stops the step: every error, and every warning whose key the clerk has not confirmed. */
export const blockingChecks = (checks: readonly Check[], confirmed: Iterable<string>): Check[] => {
  const confirmedKeys = new Set(confirmed);
  return checks.filter((check) => check.severity === 'error' || !confirmedKeys.has(checkKey(check)));
};

/** Every citation the meeting's minutes make, for the caller to resolve into `CheckContext.resolved`. */
export const meetingCitations = (meeting: Meeting): string[] => [...new Set(meeting.items.flatMap((item) => citationsIn(item)))];

// ---------------------------------------------------------------------------------------------
// Votes: the motion blocks of an item (shared/editor/schema.ts), their counts or named votes.

interface Vote {
  counts: VoteCounts;
  /** Who voted each way, when the vote was recorded by name. */
  voters: { name: string; side: 'for' | 'against' | 'abstained' }[];
}

function votesIn(item: Item): Vote[] {
  return item.minutes.flatMap((node): Vote[] => {
    if (node.type !== 'motion') return [];
    const motion = attrsOf<MotionAttrs>(node);
    const counts = motionCounts(motion);
    if (counts === null) return [];
    const named = motion.named ?? { for: [], against: [], abstain: [] };
    const voters = [
      ...named.for.map((name) => ({ name, side: 'for' as const })),
      ...named.against.map((name) => ({ name, side: 'against' as const })),
      ...named.abstain.map((name) => ({ name, side: 'abstained' as const })),
    ].filter((voter) => voter.name.trim() !== '');
    return [{ counts, voters }];
  });
}

// ---------------------------------------------------------------------------------------------
// Attendance

/** Named rows only: a row the clerk added but has not filled in is no one. */
const named = (rows: readonly { name: string }[]): string[] => rows.map((row) => row.name).filter((name) => name.trim() !== '');

/** Members, co-opted members and substitutes: the committee's members at the meeting. */
const membersPresent = (attendance: Attendance): string[] => [...named(attendance.members), ...named(attendance.coOpted), ...named(attendance.substitutes)];

/** Who may vote: members, voting co-opted members (seed 003's Other Faiths representative may not) and substitutes. */
const votingPresent = (attendance: Attendance): number =>
  named(attendance.members).length + named(attendance.coOpted.filter((member) => member.voting)).length + named(attendance.substitutes).length;

/** A name as the registers settle it ("Cllr J Smith" is "Councillor J Smith"), regardless of case. */
const sameName = (name: string): string => memberName(name).toLowerCase();

// ---------------------------------------------------------------------------------------------
// Wording

/** Whether text says anything: a letter or a digit (spaces and zero-width characters alone print as nothing). */
const words = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

type Resolution = Extract<OutlineBlock, { kind: 'resolution' }>;

const resolutionsOf = (item: Item): Resolution[] =>
  item.minutes.filter((node) => node.type === 'resolution').flatMap((node) => minutesOutline([node]).filter((block): block is Resolution => block.kind === 'resolution'));

/** The lines after the opening words: each numbered part (with its label) and each bullet (label null). */
function resolutionLines(resolution: Resolution): { label: string | null; text: string }[] {
  const bullets = (items: readonly BulletItem[]): { label: null; text: string }[] =>
    items.flatMap((bullet) => [{ label: null, text: textOf(bullet.spans) }, ...bullets(bullet.children)]);
  return resolution.body.flatMap((entry) => (entry.kind === 'part' ? [{ label: entry.label, text: textOf(entry.spans) }, ...bullets(entry.bullets)] : bullets(entry.items)));
}

/** Whether an item's minutes say anything: narrative, a request, a declaration or a resolution with words (the check 'item-no-minutes'). */
export function hasMinutes(item: Item): boolean {
  const wording = itemWording(item);
  return (
    wording.narrative.some(words) ||
    wording.requests.some((request) => words(request.asked)) ||
    wording.declarations.length > 0 ||
    resolutionsOf(item).some((resolution) => words(textOf(resolution.preamble)) || resolutionLines(resolution).some((line) => words(line.text)))
  );
}

/** Whether a declaration's "which item" ("84", "item 84", "Minute 84/16", or the title) names this item. */
function concerns(declaredItem: string, item: Item): boolean {
  const number = /\d+/.exec(declaredItem)?.[0];
  return number !== undefined ? Number(number) === item.minuteNumber : declaredItem.trim().toLowerCase() === item.title.trim().toLowerCase();
}


// ---------------------------------------------------------------------------------------------
// Numbering

/** "minute 84 is" / "minutes 84–86 are": the numbers, and the verb that agrees with them. */
const minutesAre = (first: number, last: number): string => (first === last ? `minute ${first} is` : `minutes ${first}–${last} are`);

// ---------------------------------------------------------------------------------------------
// The checks

interface Finding {
  severity: Check['severity'];
  code: CheckCode;
  itemId: string | null;
  place: string;
  details: string[];
}

/**
 * Every check of `meeting` before `context.step`, meeting-wide ones first, then by agenda order; at
 * most one per `checkKey` (two unresolved references in one item are one check naming both).
 */
export function checkMeeting(meeting: Meeting, context: CheckContext): Check[] {
  const { committee, library, resolved, step } = context;
  const year = municipalYearOf(meeting.date, committee.municipalYearStartMonth);
  const findings = new Map<string, Finding>();
  const add = (severity: Check['severity'], code: CheckCode, itemId: string | null, place: string, detail: string): void => {
    const key = checkKey({ code, itemId });
    const found = findings.get(key);
    if (found === undefined) findings.set(key, { severity, code, itemId, place, details: [detail] });
    else found.details.push(detail);
  };
  const minute = (item: Item): string =>
    `Minute ${printedMinuteNumber(item, minuteYearsOf(meeting.date, committee.municipalYearStartMonth), committee.numberingStyle).replace(/\.$/, '')}`;
  const prose = (isoDate: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formatProseDate(isoDate) : isoDate);
  const { items } = meeting;

  // Attendance. The names of the members present must be recorded (Local Government Act 1972, Schedule 12,
  // paragraph 40, applied to committees by paragraph 44); apologies usually are, but there may be none.
  const present = membersPresent(meeting.attendance);
  if (present.length === 0) add('error', 'attendance-none', null, 'Attendance', 'no members are recorded as present');
  if (named(meeting.attendance.apologies).length === 0) {
    add('warning', 'apologies-none', null, 'Apologies', 'none recorded — confirm if no apologies were given');
  }

  // Minutes agreed at a meeting held before this one cannot be these minutes.
  const agreedAt = recordedLifecycle(meeting).agreedAtMeetingOf;
  if (step === 'sign' && agreedAt !== null && meeting.date > agreedAt) {
    add('error', 'agreed-before-meeting', null, 'The meeting', `it was held on ${prose(meeting.date)}, after the meeting that agreed its minutes (${prose(agreedAt)})`);
  }

  // Minutes agreed at this meeting record it (their lifecycle's `agreed`): this meeting must be later
  // than them (a file edited on disk is not held to that by the save path), and it minutes their
  // approval, unless the clerk recorded the agreement without one (as the command line allows).
  for (const approved of library.filter((other) => other.agreedAt === meeting.id)) {
    const agreement = `the minutes of ${prose(approved.date)} record that they were agreed at this meeting`;
    if (approved.date >= meeting.date) add('error', 'agreement-not-later', null, 'Approval of minutes', `${agreement}, but this meeting (${prose(meeting.date)}) is not later than them`);
    else if (!items.some((item) => item.minutes.some((block) => block.type === 'minutes_approval' && block.attrs?.['meetingDate'] === approved.date))) {
      add('warning', 'agreement-not-minuted', null, 'Approval of minutes', `${agreement}, but no item here approves them — confirm if their approval is minuted in other words`);
    }
  }

  // Signing order: each signature chains to the committee's last signed minutes (shared/lifecycle/signature.ts),
  // so minutes are signed in the order of their meetings; minutes kept as published from an archive are not signed here.
  if (step === 'sign') {
    const others = library.filter((other) => other.committeeId === meeting.committeeId && other.id !== meeting.id);
    const signedLater = others.filter((other) => other.chain !== null && other.date >= meeting.date).sort((a, b) => a.date.localeCompare(b.date));
    if (signedLater.length > 0) {
      add('error', 'signed-later', null, 'Signing', `the minutes of ${prose(signedLater[0]!.date)} are signed already: minutes are signed in the order of their meetings, so these can no longer be signed`);
    }
    // Only those still signable: minutes before the last signed ones could not be signed already.
    const lastSigned = others.filter((other) => other.chain !== null && other.date < meeting.date).reduce((latest, other) => (other.date > latest ? other.date : latest), '');
    const unsignedBefore = others
      .filter((other) => other.chain === null && other.status !== 'published' && other.date > lastSigned && other.date < meeting.date)
      .sort((a, b) => a.date.localeCompare(b.date));
    if (signedLater.length === 0 && unsignedBefore.length > 0) {
      const dates = unsignedBefore.map((other) => `${prose(other.date)} (${other.status})`).join(', ');
      add('warning', 'earlier-unsigned', null, 'Signing', `the minutes of ${dates} ${unsignedBefore.length === 1 ? 'are' : 'are each'} not signed: once these are, ${unsignedBefore.length === 1 ? 'those' : 'they'} can never be — sign them first`);
    }
  }

  // Numbering: consecutive within the meeting, and continuing the committee's other meetings of the municipal year.
  items.forEach((item, index) => {
    const previous = items[index - 1];
    if (previous === undefined) return;
    // A sub-item ("40.1", "5a") is minuted under its item's number, as the document printed it.
    if (item.minuteNumber === previous.minuteNumber && isSubItem(item, committee.numberingStyle)) return;
    if (item.minuteNumber <= previous.minuteNumber) {
      add('error', 'numbering-repeat', item.id, minute(item), `comes after ${minute(previous)}: each item needs its own number, in agenda order`);
    } else if (item.minuteNumber > previous.minuteNumber + 1) {
      add('warning', 'numbering-gap', item.id, minute(item), `${minutesAre(previous.minuteNumber + 1, item.minuteNumber - 1)} missing before it`);
    }
  });
  const [firstItem, lastItem] = [items[0], items.at(-1)];
  if (firstItem !== undefined && lastItem !== undefined) {
    const [first, last] = [firstItem.minuteNumber, lastItem.minuteNumber];
    const sameYear = library
      .filter((other) => other.id !== meeting.id && other.committeeId === meeting.committeeId && other.itemCount > 0)
      .filter((other) => municipalYearOf(other.date, committee.municipalYearStartMonth) === year)
      .sort((a, b) => heldAtKey(a).localeCompare(heldAtKey(b)));
    // A draft's numbers are not fixed (it is numbered again on its next save): only minutes past draft clash.
    for (const other of sameYear.filter((candidate) => candidate.status !== 'draft')) {
      const [from, to] = [Math.max(first, other.firstMinuteNumber), Math.min(last, other.lastMinuteNumber)];
      const clash = items.find((item) => item.minuteNumber >= from && item.minuteNumber <= to);
      if (clash !== undefined) {
        add('error', 'numbering-repeat', clash.id, minute(clash), `${minutesAre(from, to)} also numbered in the meeting of ${prose(other.date)}`);
      }
    }
    const before = sameYear.filter((other) => heldAtKey(other) < heldAtKey(meeting)).at(-1);
    const after = sameYear.find((other) => heldAtKey(other) > heldAtKey(meeting));
    if (before !== undefined && first > before.lastMinuteNumber + 1) {
      add('warning', 'numbering-gap', firstItem.id, minute(firstItem), `${minutesAre(before.lastMinuteNumber + 1, first - 1)} in no meeting: the meeting of ${prose(before.date)} ended at minute ${before.lastMinuteNumber}`);
    }
    // A first number the clerk set says the year's earlier minutes are not in the library.
    if (before === undefined && meeting.firstMinuteNumber === null && first > 1) {
      add('warning', 'numbering-gap', firstItem.id, minute(firstItem), `numbering starts at ${first} but no earlier meeting of ${municipalYearLabel(year)} is in the library; set First minute number if its minutes are kept elsewhere`);
    }
    if (after !== undefined && after.firstMinuteNumber > last + 1) {
      add('warning', 'numbering-gap', lastItem.id, minute(lastItem), `${minutesAre(last + 1, after.firstMinuteNumber - 1)} in no meeting: the meeting of ${prose(after.date)} starts at minute ${after.firstMinuteNumber}`);
    }
  }

  const declarations = items.flatMap((item) => itemWording(item).declarations.map((declaration) => ({ ...declaration, minutedIn: item })));

  for (const item of items) {
    const place = minute(item);

    if (!hasMinutes(item)) add('error', 'item-no-minutes', item.id, place, `no minutes are recorded for “${item.title.trim() || 'this item'}”`);

    const resolutions = resolutionsOf(item);
    resolutions.forEach((resolution, index) => {
      const which = resolutions.length === 1 ? 'the resolution' : `resolution ${index + 1}`;
      const lines = resolutionLines(resolution);
      const preamble = textOf(resolution.preamble).trim();
      if (!lines.some((line) => words(line.text))) {
        // "RESOLVED that:" with nothing after it resolves nothing either.
        if (preamble === '' || (preamble.endsWith(':') && lines.length === 0)) {
          add('error', 'resolution-empty', item.id, place, `${which} has no text`);
          return;
        }
      }
      for (const line of lines.filter((entry) => !words(entry.text))) {
        add('error', 'resolution-empty-part', item.id, place, `${which} has ${line.label === null ? 'an empty bullet' : `an empty part ${line.label}`}`);
      }
    });

    const unresolved = citationsIn(item).filter((citation) => (resolved[citation] ?? null) === null);
    if (unresolved.length > 0) {
      const cited = unresolved.map((citation) => `Minute ${citation}`);
      const list = cited.length === 1 ? cited[0]! : `${cited.slice(0, -1).join(', ')} and ${cited.at(-1)!}`;
      add('warning', 'reference-unresolved', item.id, place, `${list} ${cited.length === 1 ? 'is' : 'are'} not in this library`);
    }

    // With no one recorded as present, every declaration would be named: the attendance error says it once.
    if (present.length > 0) {
      for (const declaration of itemWording(item).declarations) {
        if (declaration.member === '') add('warning', 'declaration-not-present', item.id, place, 'a declaration does not say who made it');
        else if (!present.some((name) => sameName(name) === sameName(declaration.member))) {
          add('warning', 'declaration-not-present', item.id, place, `${declaration.member} declared an interest but is not recorded as present`);
        }
      }
    }

    for (const node of item.minutes.filter((block) => block.type === 'minutes_approval')) {
      const approved = String(node.attrs?.['meetingDate'] ?? '').trim();
      if (approved === '') {
        add('warning', 'approval-meeting-missing', item.id, place, 'the approval of the minutes does not say which meeting’s minutes it approves');
      } else if (approved >= meeting.date) {
        add('error', 'approval-date-not-earlier', item.id, place, `the minutes approved are of ${prose(approved)}, not of a meeting before this one (${prose(meeting.date)})`);
      } else {
        const minutes = library.find((other) => other.committeeId === meeting.committeeId && other.date === approved);
        const agreedAt = minutes?.agreedAt == null || minutes.agreedAt === meeting.id ? null : library.find((other) => other.id === minutes.agreedAt);
        if (minutes === undefined) add('warning', 'approval-meeting-missing', item.id, place, `the minutes approved, of the meeting of ${prose(approved)}, are not in this library`);
        // Minutes are agreed once, at one meeting (a duplicated meeting carries its approval too).
        else if (agreedAt != null) add('error', 'approval-agreed-elsewhere', item.id, place, `the minutes of ${prose(approved)} were agreed at the meeting of ${prose(agreedAt.date)}: they are not approved again here`);
      }
    }

    // A vote is decided by the members present and voting (Local Government Act 1972, Schedule 12,
    // paragraph 39): it cannot count more than the voting members present. A member with an interest
    // the committee's code counts as prejudicial (a disclosable pecuniary interest under the 2020
    // model code) must take no part in it.
    for (const vote of votesIn(item)) {
      const cast = votesCast(vote.counts);
      const voting = votingPresent(meeting.attendance);
      if (present.length > 0 && cast > voting) {
        add('error', 'vote-count-exceeds-present', item.id, place, `a vote counts ${cast} (for ${vote.counts.for}, against ${vote.counts.against}, abstained ${vote.counts.abstain}) but only ${voting} voting members are recorded as present`);
      }
      for (const voter of vote.voters) {
        const barred = declarations.find(
          (declaration) =>
            sameName(declaration.member) === sameName(voter.name) &&
            barsFromVote(committee.declarationKinds, declaration.kind) &&
            (declaration.item === '' ? declaration.minutedIn.id === item.id : concerns(declaration.item, item)),
        );
        if (barred !== undefined) {
          const how = voter.side === 'abstained' ? 'abstained in the vote' : `voted ${voter.side}`;
          add('error', 'vote-by-interested-member', item.id, place, `${voter.name} ${how}, having declared ${withArticle(declarationKindLabel(committee.declarationKinds, barred.kind))} in this item`);
        }
      }
    }
  }

  const order = (finding: Finding): number => (finding.itemId === null ? -1 : meeting.items.findIndex((item) => item.id === finding.itemId));
  return [...findings.values()]
    .sort((a, b) => order(a) - order(b))
    .map(({ severity, code, itemId, place, details }) => ({ severity, code, itemId, place, message: `${place}: ${details.join('; ')}` }));
}
