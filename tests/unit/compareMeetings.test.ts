// The comparison of two versions of a meeting and of two meetings, on seed 003 edited in known places
// and on the seeds themselves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMeetings, compareText, type MeetingComparison, type TextComparison } from '../../shared/compare/compareMeetings.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { editedDraft, textNodes } from '../fixtures/editedDraft003.js';
import { meeting001 } from '../fixtures/seed001.js';
import { meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';
import { meeting10 } from '../fixtures/issue10Meeting.js';

const beforeText = (text: TextComparison) => text.parts.filter((part) => part.kind !== 'inserted').map((part) => part.text).join('');
const afterText = (text: TextComparison) => text.parts.filter((part) => part.kind !== 'deleted').map((part) => part.text).join('');

/** Both texts of every comparison in the model, by where they come from. */
function reconstructed(comparison: MeetingComparison) {
  const items = (side: 'before' | 'after') =>
    comparison.items
      .filter((item) => item[side] !== null)
      .sort((a, b) => a[side]!.index - b[side]!.index)
      .map((item) => ({
        title: (side === 'before' ? beforeText : afterText)(item.title),
        blocks: item.blocks.filter((block) => block.kind !== (side === 'before' ? 'added' : 'removed')).map((block) => (side === 'before' ? beforeText : afterText)(block.text)),
      }));
  return { before: items('before'), after: items('after') };
}

describe('compareMeetings: a draft of seed 003 edited in five places', () => {
  const { saved, draft, ofstedId, movedId, partBefore, removedBullet } = editedDraft();
  const comparison = compareMeetings(saved, draft);

  it('counts exactly the five changes', () => {
    expect(comparison.changeCount).toBe(5);
    expect(comparison.details).toEqual([]);
    expect(comparison.before).toEqual({ meetingId: meeting003.id, revision: 3, date: meeting003.date });
    expect(comparison.after).toEqual({ meetingId: meeting003.id, revision: 4, date: meeting003.date });
  });

  it('marks the changed word in resolution part 2, the rest of the part unchanged', () => {
    const ofsted = comparison.items.find((item) => item.kind === 'edited')!;
    expect(ofsted.after!.minuteNumber).toBe(draft.items.findIndex((item) => item.id === ofstedId) + 1);
    const changed = ofsted.blocks.filter((block) => block.kind !== 'same');
    expect(changed.map((block) => [block.kind, block.label, block.blockType])).toEqual([
      ['removed', 'Bullet', 'list_item'],
      ['edited', 'Resolution part 2', 'resolution_part'],
    ]);
    const [bullet, part] = changed;
    expect(bullet!.text.parts).toEqual([{ kind: 'deleted', text: removedBullet }]);
    expect(bullet!.depth).toBe(1);
    expect(part!.depth).toBe(1);
    expect(part!.text.parts).toEqual([
      { kind: 'same', text: partBefore.slice(0, partBefore.indexOf('a future')) },
      { kind: 'deleted', text: 'a future' },
      { kind: 'inserted', text: 'the next' },
      { kind: 'same', text: partBefore.slice(partBefore.indexOf('a future') + 'a future'.length) },
    ]);
  });

  it('marks the moved item, the new item and the corrected name, and nothing else', () => {
    const nonSame = comparison.items.filter((item) => item.kind !== 'same' || item.moved);
    expect(nonSame.map((item) => [item.kind, item.moved, item.title.parts.map((part) => part.text).join('')])).toEqual([
      ['same', true, 'Work Programme and Outstanding Issues'],
      ['edited', false, "Children's Services Ofsted Outcome"],
      ['added', false, 'Youth Justice Plan'],
    ]);
    const moved = nonSame[0]!;
    expect(moved.before).toEqual({ index: 4, minuteNumber: 5 });
    expect(moved.after).toEqual({ index: 2, minuteNumber: 3 });
    expect(moved.blocks.every((block) => block.kind === 'same')).toBe(true);
    expect(comparison.items.find((item) => item.before?.index === 4)!.after!.index).toBe(draft.items.findIndex((item) => item.id === movedId));
    // The items the move and the new item pushed down are renumbered, and that is not counted as a change of its own.
    expect(comparison.items.filter((item) => item.renumbered).map((item) => `${item.before!.minuteNumber}→${item.after!.minuteNumber}`)).toEqual(['5→3', '3→4', '4→5', '6→7']);
    expect(comparison.items.filter((item) => item.kind === 'same' && !item.moved).every((item) => item.changes === 0)).toBe(true);
    expect(comparison.items.map((item) => item.kind === 'added' ? 'new' : item.before!.index)).toEqual([0, 1, 4, 2, 3, 'new', 5]);
    expect(comparison.attendance).toEqual([{ list: 'members', kind: 'edited', before: 'Councillor S Keough', after: 'Councillor S Keogh' }]);
  });

  it('reconstructs both versions from the comparison', () => {
    expect(reconstructed(comparison)).toEqual({ before: reconstructed(compareMeetings(saved, saved)).before, after: reconstructed(compareMeetings(draft, draft)).after });
  });
});

describe('compareMeetings', () => {
  it('finds nothing between a meeting and itself', () => {
    for (const meeting of [meeting001, meeting003, meeting004]) {
      const comparison = compareMeetings(meeting, structuredClone(meeting));
      expect(comparison.changeCount).toBe(0);
      expect(comparison.items.every((item) => item.kind === 'same' && !item.moved && !item.renumbered && item.blocks.every((block) => block.kind === 'same'))).toBe(true);
      expect(comparison.details).toEqual([]);
      expect(comparison.attendance).toEqual([]);
    }
  });

  it('names attribute changes in words, and pairs an edited block with its old self', () => {
    const after = structuredClone(meeting003);
    const resolution = after.items[2]!.minutes.find((block) => block.type === 'resolution')!;
    resolution.attrs = { ...resolution.attrs, unanimous: false, partStyle: 'a.' };
    const requests = after.items[3]!.minutes.find((block) => block.type === 'information_requests')!;
    requests.content![2]!.attrs = { ...requests.content![2]!.attrs, status: 'answered' };
    after.items[1]!.minutes[0]!.attrs = { ...after.items[1]!.minutes[0]!.attrs, outcome: 'agreed-with-amendments' };
    const comparison = compareMeetings(meeting003, after);
    const changed = comparison.items.flatMap((item) => item.blocks.filter((block) => block.kind !== 'same'));
    expect(changed.map((block) => [block.kind, block.label, block.attributes, block.text.changed])).toEqual([
      ['edited', 'Approval of minutes', ['outcome: agreed → amended'], false],
      ['edited', 'Resolution preamble', ['unanimous: yes → no', 'part style: 1) → a.'], false],
      ['edited', 'Request', ['status: open → answered'], false],
    ]);
    expect(comparison.changeCount).toBe(3);
  });

  it('compares seed 001 with seed 004: the standard items matched, the substantive ones added and removed', () => {
    const comparison = compareMeetings(meeting001, meeting004);
    expect(comparison.sameMeeting).toBe(false);
    // As the minutes print them; status and numbering differ between any two meetings and are not listed.
    expect(comparison.details).toEqual([
      { field: 'date', before: '27 April 2017', after: '13 July 2017' },
      { field: 'startTime', before: '2.00 pm', after: '10.00 am' },
    ]);
    const matched = comparison.items.filter((item) => item.matchedBy !== null);
    expect(matched.map((item) => [item.matchedBy, afterText(item.title)])).toEqual([
      ['standard', 'Declarations of Interests'],
      ['standard', 'Minutes'],
      ['title', 'Improvement Board'],
      ['standard', 'Work Programme'],
      ['standard', 'Any Other Business'],
    ]);
    // Different meetings are numbered in their own years: no renumbering is claimed.
    expect(comparison.items.some((item) => item.renumbered)).toBe(false);
    expect(comparison.items.filter((item) => item.kind === 'added').map((item) => afterText(item.title))).toEqual(['Support to Young Carers']);
    expect(comparison.items.filter((item) => item.kind === 'removed')).toHaveLength(meeting001.items.length - matched.length);
    // The two declarations differ by a full stop: one block edited, the word kept.
    const declarations = comparison.items[0]!;
    expect(declarations.blocks.map((block) => [block.kind, block.text.parts.filter((part) => part.kind !== 'same').map((part) => part.text)])).toEqual([['edited', ['.']]]);
    const counted = comparison.details.length + comparison.attendance.length + comparison.items.reduce((total, item) => total + item.changes, 0);
    expect(comparison.changeCount).toBe(counted);
    expect(reconstructed(comparison)).toEqual({ before: reconstructed(compareMeetings(meeting001, meeting001)).before, after: reconstructed(compareMeetings(meeting004, meeting004)).after });
  });

  it('keeps every text whole under random edits (property)', () => {
    const words = ['the', 'Board', 'noted', 'report', '£12m', 'Minute', '59/16', '–', '“agreed”', 'care leavers', ' ', '\u00a0', ',', '.'];
    const edit = fc.record({ item: fc.nat(), node: fc.nat(), at: fc.nat(), cut: fc.nat({ max: 12 }), insert: fc.array(fc.constantFrom(...words), { maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const after: Meeting = structuredClone(meeting003);
        for (const change of edits) {
          const item = after.items[change.item % after.items.length]!;
          const nodes = item.minutes.flatMap(textNodes);
          const node = nodes[change.node % nodes.length];
          if (node === undefined) continue;
          const text = node.text!;
          const at = change.at % (text.length + 1);
          node.text = text.slice(0, at) + change.insert.join(' ') + text.slice(at + change.cut);
          if (node.text === '') node.text = 'x';
        }
        const comparison = compareMeetings(meeting003, after);
        expect(reconstructed(comparison)).toEqual({ before: reconstructed(compareMeetings(meeting003, meeting003)).before, after: reconstructed(compareMeetings(after, after)).after });
        expect(comparison.items.every((item) => item.kind !== 'added' && item.kind !== 'removed')).toBe(true);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const text = compareText(a, b);
        expect([beforeText(text), afterText(text), text.changed]).toEqual([a, b, a !== b]);
      }),
    );
  });
});

describe('compareMeetings: issue 10’s blocks', () => {
  // meeting10's third item: the motions, with a vote changed and the member's return reworded.
  const item = meeting10.items[2]!;
  const changed = item.minutes.map((block) => {
    if (block.type === 'motion' && block.attrs?.['castingVote'] !== '' && block.attrs?.['castingVote'] !== undefined)
      return { ...block, attrs: { ...block.attrs, counts: { for: 6, against: 4, abstain: 0 }, castingVote: '' } };
    if (block.type === 'attendance_event' && block.attrs?.['event'] === 'returned') return { ...block, content: [{ type: 'text', text: 'Councillor R Bigham returned to the meeting at 3.40 pm.' }] };
    return block;
  });
  const after = { ...meeting10, revision: meeting10.revision + 1, items: meeting10.items.map((each) => (each === item ? { ...item, minutes: changed } : each)) };
  const blocks = compareMeetings(meeting10, after).items.flatMap((each) => each.blocks).filter((block) => block.kind !== 'same');

  it('a changed vote shows as the motion’s result in the printed words, the words moved unchanged', () => {
    const motion = blocks.find((block) => block.blockType === 'motion');
    expect(motion).toMatchObject({ kind: 'edited', label: 'Motion', text: { changed: false } });
    expect(motion?.attributes).toEqual(["result: On being put to the vote the motion was CARRIED (5:5 and on the Chair's casting vote). → On being put to the vote the motion was CARRIED (For: 6, Against: 4)."]);
  });

  it('a reworded coming and going shows its words changed', () => {
    const event = blocks.find((block) => block.blockType === 'attendance_event');
    expect(event).toMatchObject({ kind: 'edited', label: 'Coming and going' });
    expect(afterText(event!.text)).toBe('Councillor R Bigham returned to the meeting at 3.40 pm.');
  });

  it('nothing else differs', () => {
    expect(blocks).toHaveLength(2);
  });
});
