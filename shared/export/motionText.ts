// The sentences councils print for a motion and its vote (DOMAIN.md, "Motions and votes"), shared by
// every export form through the outline: who moved and seconded it, what became of it with the counts
// after the decision, and a recorded vote's names. The importers read these and other councils'
// wordings back (shared/import/motions.ts).
import type { MotionAttrs, NamedVote, VoteCounts } from '../editor/schema.js';
import { isTie, motionCounts } from '../model/votes.js';

const what = (attrs: Pick<MotionAttrs, 'kind'>): string => (attrs.kind === 'amendment' ? 'amendment' : 'motion');

/**
 * "It was moved by Councillor A and seconded by Councillor B that" ("An amendment was moved by …"
 * for an amendment; "It was moved that" when neither is recorded). Councils run one paragraph of
 * words on after it ("… that the Board supports the policy.") and put a colon before several.
 */
export function movedLead(attrs: Pick<MotionAttrs, 'kind' | 'mover' | 'seconder'>): string {
  const opening = attrs.kind === 'amendment' ? 'An amendment was moved' : 'It was moved';
  const mover = attrs.mover.trim() === '' ? '' : ` by ${attrs.mover.trim()}`;
  const seconder = attrs.seconder.trim() === '' ? '' : ` and seconded by ${attrs.seconder.trim()}`;
  return `${opening}${mover}${seconder} that`;
}

/** "For: 6, Against: 4, Abstain: 1" (the abstentions only when there were any). */
export const countsText = (counts: VoteCounts): string =>
  `For: ${counts.for}, Against: ${counts.against}${counts.abstain === 0 ? '' : `, Abstain: ${counts.abstain}`}`;

/** The counts in brackets after the decision: "(For: 6, Against: 4, Abstain: 1)", or "(5:5 and on the Chair's casting vote)" on a tie. */
function countsAfterDecision(counts: VoteCounts, casting: boolean): string {
  if (!casting) return ` (${countsText(counts)})`;
  return counts.abstain === 0 ? ` (${counts.for}:${counts.against} and on the Chair's casting vote)` : ` (${countsText(counts)}, and on the Chair's casting vote)`;
}

/**
 * What became of it: "On being put to the vote the motion was CARRIED (For: 6, Against: 4, Abstain: 1).",
 * "… was carried unanimously.", "… was CARRIED (5:5 and on the Chair's casting vote).", "The amendment
 * was LOST.", "The motion was not seconded.", "… was withdrawn.", "The amendment fell."; null while it
 * has not been put.
 */
export function resultLine(attrs: MotionAttrs): string | null {
  const noun = what(attrs);
  switch (attrs.result) {
    case '':
      return null;
    case 'withdrawn':
      return `The ${noun} was withdrawn.`;
    case 'not-seconded':
      return `The ${noun} was not seconded.`;
    case 'fell':
      return `The ${noun} fell.`;
    case 'carried':
    case 'lost': {
      if (attrs.unanimous) return `On being put to the vote the ${noun} was ${attrs.result} unanimously.`;
      const counts = motionCounts(attrs);
      const casting = counts !== null && attrs.castingVote !== '' && isTie(counts);
      return `On being put to the vote the ${noun} was ${attrs.result.toUpperCase()}${counts === null ? '' : countsAfterDecision(counts, casting)}.`;
    }
  }
}

/** "Councillors A Smith, B Jones and C Brown" when every name is a councillor's, else the names as recorded. */
export function namesText(names: readonly string[]): string {
  const councillor = /^Councillor\s+/;
  const all = names.length > 0 && names.every((name) => councillor.test(name));
  const listed = all ? names.map((name) => name.replace(councillor, '')) : [...names];
  const joined = listed.length <= 1 ? listed.join('') : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
  if (!all) return joined;
  return `${names.length === 1 ? 'Councillor' : 'Councillors'} ${joined}`;
}

/** "For (5): Councillors A, B, C, D and E; Against (3): …; Abstention (1): Councillor I." — sides nobody took are left out. */
export function namedVoteLine(named: NamedVote): string {
  const sides: [string, readonly string[]][] = [
    ['For', named.for],
    ['Against', named.against],
    [named.abstain.length === 1 ? 'Abstention' : 'Abstentions', named.abstain],
  ];
  return `${sides
    .filter(([, names]) => names.length > 0)
    .map(([side, names]) => `${side} (${names.length}): ${namesText(names)}`)
    .join('; ')}.`;
}
