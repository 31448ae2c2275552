// A vote's result from its counts (Local Government Act 1972, Schedule 12, paragraph 39), as a property:
// whatever the counts, the result agrees with them; and the motion block's shape in the schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { minutesSchema, type CastingVote, type MotionAttrs } from '../../shared/editor/schema.js';
import { countsOf, isTie, motionCounts, voteResult, votesCast } from '../../shared/model/votes.js';

const counts = fc.record({ for: fc.nat(60), against: fc.nat(60), abstain: fc.nat(60) });
const casting = fc.constantFrom<CastingVote>('', 'for', 'against');
const names = fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 15 });
const named = fc.record({ for: names, against: names, abstain: names });

describe('voteResult', () => {
  it('always agrees with the counts: carried by a majority for, lost by one against, the casting vote deciding only a tie', () => {
    fc.assert(
      fc.property(counts, casting, (vote, castingVote) => {
        const result = voteResult(vote, castingVote);
        if (vote.for > vote.against) expect(result).toBe('carried');
        else if (vote.for < vote.against) expect(result).toBe('lost');
        else expect(result).toBe(castingVote === 'for' ? 'carried' : castingVote === 'against' ? 'lost' : 'tie');
        expect(isTie(vote)).toBe(vote.for === vote.against);
        // Abstentions never change the result.
        expect(voteResult({ ...vote, abstain: 0 }, castingVote)).toBe(result);
      }),
    );
  });

  it('of a named vote is the result of its counts', () => {
    fc.assert(
      fc.property(named, casting, (vote, castingVote) => {
        expect(countsOf(vote)).toEqual({ for: vote.for.length, against: vote.against.length, abstain: vote.abstain.length });
        expect(voteResult(vote, castingVote)).toBe(voteResult(countsOf(vote), castingVote));
        expect(votesCast(vote)).toBe(vote.for.length + vote.against.length + vote.abstain.length);
      }),
    );
  });

  it('examples from the minutes', () => {
    expect(voteResult({ for: 6, against: 4, abstain: 1 }, '')).toBe('carried');
    expect(voteResult({ for: 5, against: 5, abstain: 0 }, 'for')).toBe('carried');
    expect(voteResult({ for: 5, against: 5, abstain: 0 }, '')).toBe('tie');
    expect(voteResult({ for: 3, against: 7, abstain: 0 }, 'for')).toBe('lost');
  });

  it('a motion counts its named vote when it has one, else its counts', () => {
    expect(motionCounts({ counts: { for: 1, against: 0, abstain: 0 }, named: null })).toEqual({ for: 1, against: 0, abstain: 0 });
    expect(motionCounts({ counts: null, named: { for: ['A', 'B'], against: [], abstain: ['C'] } })).toEqual({ for: 2, against: 0, abstain: 1 });
    expect(motionCounts({ counts: null, named: null })).toBeNull();
  });
});

describe('the motion block', () => {
  const withAttrs = (attrs: Partial<Record<keyof MotionAttrs, unknown>>) => {
    const motion = blocks.motion('m1');
    return () => minutesSchema.nodeFromJSON({ ...motion, attrs: { ...motion.attrs, ...attrs } }).check();
  };

  it('starts as a motion not yet put, with every attribute present', () => {
    expect(blocks.motion('m1')).toEqual({
      type: 'motion',
      attrs: { id: 'm1', kind: 'motion', amends: '', mover: '', seconder: '', result: '', unanimous: false, counts: null, named: null, castingVote: '' },
      content: [{ type: 'paragraph' }],
    });
    expect(blocks.motion('m2', 'amendment', 'm1').attrs).toMatchObject({ kind: 'amendment', amends: 'm1' });
  });

  it('rejects a bad shape, naming the attribute', () => {
    expect(withAttrs({ result: 'carried', counts: { for: 6, against: 4, abstain: 1 }, named: { for: ['A'], against: [], abstain: [] }, castingVote: 'for' })).not.toThrow();
    expect(withAttrs({ counts: { for: -1, against: 0, abstain: 0 } })).toThrow(/counts must be null or \{ for, against, abstain \}/);
    expect(withAttrs({ counts: { for: 1.5, against: 0, abstain: 0 } })).toThrow(/counts/);
    expect(withAttrs({ counts: { for: 1, against: 0 } })).toThrow(/counts/);
    expect(withAttrs({ counts: { for: 1, against: 0, abstain: 0, absent: 2 } })).toThrow(/counts/);
    expect(withAttrs({ named: { for: [1], against: [], abstain: [] } })).toThrow(/named must be null/);
    expect(withAttrs({ result: 'passed' })).toThrow(/expected one of , carried, lost, withdrawn, not-seconded, fell/);
    expect(withAttrs({ castingVote: 'yes' })).toThrow(/castingVote|expected one of , for, against/);
    expect(withAttrs({ kind: 'substantive' })).toThrow(/expected one of motion, amendment/);
  });
});
