// What a vote decided. Local Government Act 1972, Schedule 12, paragraph 39: every question is decided
// by a majority of the members present and voting (abstentions are not votes), and on an equality
// of votes the person presiding has a second, casting vote. Pure; the motion block's attributes
// (shared/editor/schema.ts) hold the counts or the named vote.
import type { CastingVote, MotionAttrs, NamedVote, VoteCounts } from '../editor/schema.js';

/** The counts of a named (recorded) vote: { for: 5, against: 3, abstain: 1 } from the three lists. */
export const countsOf = (named: NamedVote): VoteCounts => ({ for: named.for.length, against: named.against.length, abstain: named.abstain.length });

const asCounts = (vote: VoteCounts | NamedVote): VoteCounts => (Array.isArray(vote.for) ? countsOf(vote as NamedVote) : (vote as VoteCounts));

/** Whether as many voted for as against (abstentions aside): the Chair's casting vote decides. */
export const isTie = (vote: VoteCounts | NamedVote): boolean => {
  const counts = asCounts(vote);
  return counts.for === counts.against;
};

/**
 * 'carried' when more voted for than against, 'lost' when fewer; on a tie, the casting vote's way, or
 * 'tie' while the Chair has not given it. A casting vote given without a tie changes nothing.
 */
export function voteResult(vote: VoteCounts | NamedVote, castingVote: CastingVote): 'carried' | 'lost' | 'tie' {
  const counts = asCounts(vote);
  if (counts.for > counts.against) return 'carried';
  if (counts.for < counts.against) return 'lost';
  if (castingVote === 'for') return 'carried';
  if (castingVote === 'against') return 'lost';
  return 'tie';
}

/** How many took part: those for, against and abstaining. */
export const votesCast = (vote: VoteCounts | NamedVote): number => {
  const counts = asCounts(vote);
  return counts.for + counts.against + counts.abstain;
};

/** The counts of a motion: those of its named vote when it was recorded by name, else its own; null when neither was recorded. */
export const motionCounts = (attrs: Pick<MotionAttrs, 'counts' | 'named'>): VoteCounts | null => (attrs.named !== null ? countsOf(attrs.named) : attrs.counts);
