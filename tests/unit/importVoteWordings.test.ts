// The result the minutes print and the counts read with it agree, in every wording of the counts
// (shared/import/motions.ts): "by X votes to Y" gives the winning side first, so a motion LOST by 8
// votes to 3 had 3 for and 8 against; counts on a line of their own belong to the vote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsLineOf, movedSentenceOf, resolvedVoteOf, secondedLineOf, voteOutcomeOf } from '../../shared/import/motions.js';
import { voteResult } from '../../shared/model/votes.js';

const tally = fc.integer({ min: 0, max: 60 });

describe('counts read with a result agree with it', () => {
  it('"CARRIED by X votes to Y" and "LOST by X votes to Y", whichever number is printed first', () => {
    fc.assert(
      fc.property(tally, tally, fc.constantFrom('CARRIED', 'LOST', 'carried', 'lost', 'defeated'), fc.nat({ max: 5 }), (x, y, word, abstain) => {
        fc.pre(x !== y);
        const outcome = voteOutcomeOf(`The motion was ${word} by ${x} votes to ${y}${abstain === 0 ? '' : ` with ${abstain} abstentions`}.`);
        expect(outcome).not.toBeNull();
        expect(voteResult(outcome!.counts!, '')).toBe(outcome!.result);
        expect([outcome!.counts!.for, outcome!.counts!.against].sort((a, b) => a - b)).toEqual([x, y].sort((a, b) => a - b));
        expect(outcome!.counts!.abstain).toBe(abstain);
      }),
    );
  });

  it('"RESOLVED (by X votes to Y)" was carried by the larger number', () => {
    expect(resolvedVoteOf('by 3 votes to 8')?.counts).toEqual({ for: 8, against: 3, abstain: 0 });
    expect(resolvedVoteOf('by a majority')).toMatchObject({ result: 'carried', unanimous: false, counts: null });
  });

  it('"nem con" is carried with nobody against, not unanimous; "All in favour" and "carried unanimously" are unanimous', () => {
    expect(voteOutcomeOf('The motion was carried nem con.')).toMatchObject({ result: 'carried', unanimous: false, counts: null });
    expect(voteOutcomeOf('All in favour.')).toMatchObject({ result: 'carried', unanimous: true });
    expect(voteOutcomeOf('Carried unanimously.')).toMatchObject({ result: 'carried', unanimous: true });
  });
});

describe('counts on a line of their own', () => {
  it('reads the line when it is nothing but counts', () => {
    expect(countsLineOf('For 6 / Against 4 / Abstentions 1')).toEqual({ for: 6, against: 4, abstain: 1 });
    expect(countsLineOf('(For: 6, Against: 4)')).toEqual({ for: 6, against: 4, abstain: 0 });
    expect(countsLineOf('(6 in favour, 4 against, 1 abstention).')).toEqual({ for: 6, against: 4, abstain: 1 });
  });

  it('leaves a sentence that holds counts among other words', () => {
    expect(countsLineOf('Members noted that 6 for and 4 against had been recorded at Council.')).toBeNull();
    expect(countsLineOf('For 6 / Against 4 at the last meeting')).toBeNull();
  });
});

describe('who moved and seconded, without the words moved', () => {
  it('"Proposed: Cllr A; Seconded: Cllr B" and the forms a line each', () => {
    expect(movedSentenceOf('Proposed: Cllr A Lamb; Seconded: Cllr B Moore')).toMatchObject({ mover: 'Cllr A Lamb', seconder: 'Cllr B Moore', words: null, wordsFollow: false, resolvedAt: null });
    expect(movedSentenceOf('Proposed by Cllr A Lamb and seconded by Cllr B Moore.')).toMatchObject({ mover: 'Cllr A Lamb', seconder: 'Cllr B Moore', words: null });
    expect(movedSentenceOf('Proposed: Cllr A Lamb')).toMatchObject({ mover: 'Cllr A Lamb', seconder: '' });
    expect(secondedLineOf('Seconded: Cllr B Moore')).toBe('Cllr B Moore');
  });

  it('"On the motion of A, seconded by B, it was RESOLVED": where the resolution starts', () => {
    const key = 'On the motion of Councillor M Tait, seconded by Councillor N Umar, it was RESOLVED that the statement be approved.';
    const moved = movedSentenceOf(key);
    expect(moved).toMatchObject({ mover: 'Councillor M Tait', seconder: 'Councillor N Umar', words: null });
    expect(key.slice(moved!.resolvedAt!)).toBe('it was RESOLVED that the statement be approved.');
  });

  it('leaves lines that are not a member proposing', () => {
    expect(movedSentenceOf('Proposed: changes to the hall hire charges')).toBeNull();
    expect(movedSentenceOf('On the motion of the working group, the report was received.')).toBeNull();
    expect(secondedLineOf('Seconded: see Appendix B')).toBeNull();
  });
});
