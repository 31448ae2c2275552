// Minute references in the seed minutes, resolved against the library both ways.
import { describe, expect, it } from 'vitest';
import type { Committee } from '../../shared/model/committee.js';
import type { Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { buildReferenceIndex } from '../../shared/search/minuteReferences.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';
import { bullets, p, resolved } from '../fixtures/minutesJson.js';
import { aMeeting, items } from './builders.js';

const keyOf = (meeting: Meeting, minuteNumber: number) => `${meeting.id}:${meeting.items.find((item) => item.minuteNumber === minuteNumber)!.id}`;

/**
 * A meeting of `committee` on `date` with four items numbered from `first` (a year's meetings continue
 * the numbering), minute 3 titled "Improvement Board"; `minutes` replaces the minutes of the numbered items.
 */
function meetingOn(committee: Committee, date: string, { first = 1, minutes = {} }: { first?: number; minutes?: Record<number, MinutesNodeJSON[]> } = {}): Meeting {
  return aMeeting(committee, {
    date,
    firstMinuteNumber: first,
    items: items(4).map((item, index) => {
      const minuteNumber = first + index;
      return { ...item, minuteNumber, title: minuteNumber === 3 ? 'Improvement Board' : `Item ${minuteNumber}`, minutes: minutes[minuteNumber] ?? item.minutes };
    }),
  });
}

describe('minute references', () => {
  it('knows Minute 59/16 is not in this library', () => {
    const references = buildReferenceIndex([meeting001, meeting004], [committee001]);
    expect(references.resolve('59/16', committee001.id)).toBeNull();
    expect(references.cites(keyOf(meeting001, 84))).toEqual([{ citation: '59/16', minute: null }]);
  });

  it('resolves Minute 3/17 once the meeting of 29 June 2017 is in the library, both ways', () => {
    expect(buildReferenceIndex([meeting004], [committee001]).cites(keyOf(meeting004, 8))).toEqual([{ citation: '3/17', minute: null }]);

    const june = meetingOn(committee001, '2017-06-29');
    const references = buildReferenceIndex([meeting001, meeting004, june], [committee001]);
    const minute3 = { meetingId: june.id, itemId: june.items[2]!.id, title: 'Improvement Board', date: '2017-06-29', citation: '3/17' };
    expect(references.resolve('3/17', committee001.id)).toMatchObject(minute3);
    expect(references.cites(keyOf(meeting004, 8))).toEqual([{ citation: '3/17', minute: expect.objectContaining(minute3) }]);
    expect(references.citedBy(keyOf(june, 3))).toEqual([
      expect.objectContaining({ meetingId: meeting004.id, itemId: meeting004.items[3]!.id, citation: '8/17', title: 'Improvement Board', date: '2017-07-13' }),
    ]);
    expect(references.citedBy(keyOf(june, 2))).toEqual([]);
  });

  it('resolves citations within the citing meeting’s committee only', () => {
    const otherBoard = meetingOn(committee003, '2017-06-29');
    const references = buildReferenceIndex([meeting004, otherBoard], [committee001, committee003]);
    expect(references.cites(keyOf(meeting004, 8))).toEqual([{ citation: '3/17', minute: null }]);
    expect(references.resolve('3/17', committee003.id)?.meetingId).toBe(otherBoard.id);
    expect(references.citedBy(keyOf(otherBoard, 3))).toEqual([]);
  });

  it('reads citations typed as plain text, in lists, bullets and resolutions', () => {
    const june = meetingOn(committee001, '2017-06-29');
    const september = meetingOn(committee001, '2017-09-14', {
      first: 5,
      minutes: {
        6: [
          p('Further to Minutes 1/17 and 3/17, the Board noted the update.'),
          bullets('progress since minute 2/17'),
          resolved('the matters in Minute 3/17 and Minute 59/16 be reported again'),
        ],
      },
    });
    const references = buildReferenceIndex([june, september], [committee001]);
    expect(references.cites(keyOf(september, 6)).map(({ citation, minute }) => [citation, minute?.meetingId ?? null])).toEqual([
      ['1/17', june.id],
      ['3/17', june.id],
      ['2/17', june.id],
      ['59/16', null],
    ]);
    expect(references.citedBy(keyOf(june, 3)).map((place) => place.citation)).toEqual(['6/17']);
  });

  it('reads “Minute No. 3/17” and “minute no.1/17” as other councils write them', () => {
    const june = meetingOn(committee001, '2017-06-29');
    const september = meetingOn(committee001, '2017-09-14', { first: 5, minutes: { 6: [p('As agreed at Minute No. 3/17 (see also minute no.1/17), the Board noted the update.')] } });
    const references = buildReferenceIndex([june, september], [committee001]);
    expect(references.cites(keyOf(september, 6)).map(({ citation, minute }) => [citation, minute?.meetingId ?? null])).toEqual([
      ['3/17', june.id],
      ['1/17', june.id],
    ]);
  });

  it('counts the minute an amendment replaces as cited', () => {
    const june = meetingOn(committee001, '2017-06-29');
    const july = meetingOn(committee001, '2017-07-13', {
      first: 5,
      minutes: {
        6: [
          {
            type: 'minutes_approval',
            attrs: { meetingDate: '2017-06-29', outcome: 'agreed-with-amendments' },
            content: [
              { type: 'approval_statement', content: [{ type: 'text', text: 'The minutes were agreed subject to the following amendment:' }] },
              { type: 'amendment', attrs: { minute: '3/17', heading: 'Improvement Board' }, content: [p('The Board noted the plan.')] },
            ],
          },
        ],
      },
    });
    const references = buildReferenceIndex([june, july], [committee001]);
    expect(references.cites(keyOf(july, 6))).toEqual([{ citation: '3/17', minute: expect.objectContaining({ meetingId: june.id }) }]);
  });

  it('takes the latest minute held by the citing meeting’s date when a committee numbers each meeting from 1', () => {
    const first = meetingOn(committee003, '2022-07-21');
    const second = meetingOn(committee003, '2022-10-20', { minutes: { 4: [p('Further to Minute 3/22 the Board noted the plan.')] } });
    const third = meetingOn(committee003, '2023-01-19');
    const references = buildReferenceIndex([third, second, first], [committee003]);
    expect(references.cites(keyOf(second, 4))[0]?.minute?.meetingId).toBe(second.id);
    expect(references.resolve('3/22', committee003.id, '2022-09-01')?.meetingId).toBe(first.id);
    expect(references.resolve('3/22', committee003.id)?.meetingId).toBe(third.id);
  });

  it('is not fooled by dates and other numbers', () => {
    const june = meetingOn(committee001, '2017-06-29', { minutes: { 2: [p('The report of 3/2017 was noted; 3/17 without the word is not a citation, nor is minute 12 February, nor minute 4.30 pm.')] } });
    const references = buildReferenceIndex([june], [committee001]);
    expect(references.cites(keyOf(june, 2))).toEqual([]);
    expect(references.resolve('03/17', committee001.id)?.itemId).toBe(june.items[2]!.id);
  });

  it('reads a four-digit year after the word “Minute” as the minute of that municipal year', () => {
    const june = meetingOn(committee001, '2017-06-29', { minutes: { 4: [p('Further to Minute 3/2017 the Board noted the plan.')] } });
    const references = buildReferenceIndex([june], [committee001]);
    expect(references.cites(keyOf(june, 4))).toEqual([{ citation: '3/2017', minute: expect.objectContaining({ itemId: june.items[2]!.id }) }]);
  });

  it('resolves a bare “Minute 3” or “Minute No. 3 below” within the citing meeting’s committee and municipal year', () => {
    const june = meetingOn(committee001, '2017-06-29', { minutes: { 2: [p('The exempt report is at Minute No. 4 below.')] } });
    const april = meetingOn(committee001, '2017-04-27', { minutes: { 2: [p('As agreed at Minute 3, the Board met.')] } });
    const references = buildReferenceIndex([june, april], [committee001]);
    expect(references.cites(keyOf(june, 2))).toEqual([{ citation: '4', minute: expect.objectContaining({ meetingId: june.id, itemId: june.items[3]!.id }) }]);
    // April 2017 is in the municipal year 2016/17: its Minute 3 is its own, not June's (2017/18).
    expect(references.cites(keyOf(april, 2))).toEqual([{ citation: '3', minute: expect.objectContaining({ meetingId: april.id }) }]);
    expect(references.resolve('3', committee001.id, '2017-07-01')?.meetingId).toBe(june.id);
    expect(references.resolve('3', committee001.id)).toBeNull();
  });
});
