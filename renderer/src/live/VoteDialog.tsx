// Live capture: putting a motion or amendment to the vote. A show of hands is counted; a recorded vote
// is taken by name. The result is computed (shared/model/votes.ts), and on a tie the Chair's casting
// vote is asked for before the vote can be recorded. A motion may instead be withdrawn, not seconded or fall.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CastingVote, MotionAttrs, MotionResult, NamedVote, VoteCounts } from '../../../shared/editor/schema.js';
import { countsOf, voteResult, votesCast } from '../../../shared/model/votes.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import type { VoteRecord } from './liveCommands.js';
import { keyedName, type KeyedMember } from './MemberChoice.js';

type Side = keyof VoteCounts;
const sides: readonly [Side, string][] = [
  ['for', 'For'],
  ['against', 'Against'],
  ['abstain', 'Abstain'],
];

 /** A recorded vote's keys, on a member's row: the side, then on to the next member. */
const sideKeys: Record<string, Side | ''> = { f: 'for', a: 'against', s: 'abstain', n: '' };

type Outcome = 'put' | Exclude<MotionResult, '' | 'carried' | 'lost'>;
const outcomes: readonly [Outcome, string][] = [
  ['put', 'Put to the vote'],
  ['withdrawn', 'Withdrawn'],
  ['not-seconded', 'Not seconded'],
  ['fell', 'Fell'],
];

interface VoteDialogProps {
  motion: { attrs: MotionAttrs; words: string };
  /** The voting members in the room when it was put. */
  voters: readonly KeyedMember[];
  onRecord: (vote: VoteRecord) => void;
  onClose: () => void;
  /** Where the keyboard goes once the form has gone: back to live capture. */
  afterClose: () => void;
}

const count = (text: string): number => {
  const value = Number.parseInt(text, 10);
  return Number.isInteger(value) && value > 0 ? value : 0;
};

export function VoteDialog({ motion, voters, onRecord, onClose, afterClose }: VoteDialogProps) {
  const [outcome, setOutcome] = useState<Outcome>('put');
  const [byName, setByName] = useState(false);
  const [unanimous, setUnanimous] = useState(false);
  const [counted, setCounted] = useState<Record<Side, string>>({ for: '', against: '', abstain: '' });
  const [named, setNamed] = useState<Record<string, Side | ''>>({});
  const [castingVote, setCastingVote] = useState<CastingVote>('');
  const [problem, setProblem] = useState<string | null>(null);
  // More votes than voters in the room is recorded only when Record vote is pressed again.
  const [overCountAccepted, setOverCountAccepted] = useState(false);

  const namedVote: NamedVote = { for: [], against: [], abstain: [] };
  for (const voter of voters) {
    const side = named[voter.name];
    if (side) namedVote[side].push(voter.name);
  }
  const counts: VoteCounts = byName ? countsOf(namedVote) : { for: count(counted.for), against: count(counted.against), abstain: count(counted.abstain) };
  const cast = votesCast(counts);
  const result = voteResult(counts, castingVote);
  const tie = counts.for === counts.against && cast > 0;
  const put = outcome === 'put';
  const ready = !put || unanimous || (cast > 0 && result !== 'tie');
  const what = motion.attrs.kind === 'amendment' ? 'amendment' : 'motion';
  const movedBy = motion.attrs.mover === '' ? '' : ` moved by ${motion.attrs.mover}`;

  const overCounted = put && !unanimous && cast > voters.length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) {
      setProblem(cast === 0 ? 'No votes are counted yet: enter the show of hands, or tick Carried unanimously.' : 'The votes are tied: record the Chair’s casting vote, For or Against.');
      return;
    }
    if (overCounted && !overCountAccepted) {
      setOverCountAccepted(true);
      setProblem(`${cast} votes are counted, but ${voters.length} voting ${voters.length === 1 ? 'member is' : 'members are'} in the room. Check the count and who is here, or press Record vote again to record it as counted.`);
      return;
    }
    if (!put) onRecord({ result: outcome, counts: null, named: null, castingVote: '', unanimous: false });
    else if (unanimous) onRecord({ result: 'carried', counts: null, named: null, castingVote: '', unanimous: true });
    else onRecord({ result: result as 'carried' | 'lost', counts: byName ? null : counts, named: byName ? namedVote : null, castingVote: tie ? castingVote : '', unanimous: false });
  };

  /** F, A, S or N on a member's row records their vote and moves to the next member's. */
  const namedKeys = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const target = event.target as HTMLElement;
    const voter = target.dataset['voter'];
    const side = sideKeys[event.key.toLowerCase()];
    if (voter === undefined || side === undefined || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    setNamed((old) => ({ ...old, [voter]: side }));
    const next = voters[voters.findIndex((candidate) => candidate.name === voter) + 1];
    if (next !== undefined) event.currentTarget.querySelector<HTMLInputElement>(`input[data-voter="${CSS.escape(next.name)}"]`)?.focus();
  };

  return (
    <Modal afterClose={afterClose} title={`Vote on the ${what}${movedBy}`} onClose={onClose}>
      {/* The counts come first: the dialog focuses its first field, and the hands are up. */}
      <form
        className="form-grid live-form"
        onSubmit={submit}
        onChange={() => {
          // What was said about the last press no longer holds once the votes change.
          setProblem(null);
          setOverCountAccepted(false);
        }}
      >
        {motion.words !== '' && <blockquote className="moved-words">{motion.words}</blockquote>}
        {put && (
          <>
            {!unanimous && !byName && (
              <fieldset className="vote-counts">
                <legend>Show of hands</legend>
                {sides.map(([side, label]) => (
                  <label key={side}>
                    {label}
                    <input
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={counted[side]}
                      onChange={(event) => setCounted((old) => ({ ...old, [side]: event.target.value }))}
                    />
                  </label>
                ))}
              </fieldset>
            )}
            {!unanimous && byName && (
              <fieldset className="named-vote" onKeyDown={namedKeys}>
                <legend>
                  How each member voted <span className="live-keys">(on a member: <kbd>F</kbd> for, <kbd>A</kbd> against, <kbd>S</kbd> abstain, <kbd>N</kbd> did not vote; then the next member)</span>
                </legend>
                {voters.map((voter) => (
                  <div key={voter.name} role="radiogroup" aria-label={voter.name} className="named-voter">
                    <span className="voter-name">{keyedName(voter)}</span>
                    {[...sides, ['', 'Did not vote'] as const].map(([side, label]) => (
                      <label key={side} className="check">
                        <input
                          type="radio"
                          name={`vote-${voter.name}`}
                          data-voter={voter.name}
                          checked={(named[voter.name] ?? '') === side}
                          onChange={() => setNamed((old) => ({ ...old, [voter.name]: side }))}
                        />{' '}
                        {label}
                      </label>
                    ))}
                  </div>
                ))}
              </fieldset>
            )}
            {!unanimous && tie && (
              <fieldset className="casting-vote">
                <legend>The votes are tied {counts.for}–{counts.against}: the Chair’s casting vote</legend>
                {(['for', 'against'] as const).map((side) => (
                  <label key={side} className="check">
                    <input type="radio" name="casting-vote" checked={castingVote === side} onChange={() => setCastingVote(side)} required /> {side === 'for' ? 'For' : 'Against'}
                  </label>
                ))}
              </fieldset>
            )}
            <p role="status" className="vote-result">
              {unanimous
                ? 'Carried unanimously.'
                : cast === 0
                  ? 'No votes counted yet.'
                  : `For ${counts.for}, against ${counts.against}, abstaining ${counts.abstain}: ${result === 'tie' ? 'tied, waiting for the casting vote' : result === 'carried' ? 'CARRIED' : 'LOST'}${tie && result !== 'tie' ? ' on the Chair’s casting vote' : ''}.`}
            </p>
            {overCounted && problem === null && (
              <p role="alert" className="error">
                {cast} votes counted, but {voters.length} voting {voters.length === 1 ? 'member is' : 'members are'} in the room: check the count, or who is here.
              </p>
            )}
            <label className="check">
              <input type="checkbox" checked={unanimous} onChange={(event) => setUnanimous(event.target.checked)} /> Carried unanimously
            </label>
            {!unanimous && (
              <label className="check">
                <input type="checkbox" checked={byName} onChange={(event) => setByName(event.target.checked)} /> Recorded vote (by name)
              </label>
            )}
          </>
        )}
        <label>
          Outcome
          <select value={outcome} onChange={(event) => setOutcome(event.target.value as Outcome)}>
            {outcomes.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {problem !== null && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        {/* Never disabled, so Tab reaches it; what is missing is said when it is pressed. */}
        <DialogButtons submitLabel="Record vote" onCancel={onClose} />
      </form>
    </Modal>
  );
}
