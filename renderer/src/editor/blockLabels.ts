// How the structured blocks' choices read in their controls and in live capture's forms.
import type { AttendanceEventKind, DeclarationAction, MotionResult } from '../../../shared/editor/schema.js';

/** What a member who declared an interest did. */
export const declarationActionLabels: Record<DeclarationAction, string> = {
  '': 'Not stated',
  'left-room': 'Left the room',
  'no-vote': 'Took no part in the vote',
  'stayed-spoke': 'Stayed and spoke',
  'stayed-no-vote': 'Stayed but did not vote',
};

export const attendanceEventLabels: Record<AttendanceEventKind, string> = {
  arrived: 'Arrived',
  left: 'Left the meeting',
  'left-for-item': 'Left for this item',
  returned: 'Returned',
  'took-chair': 'Took the Chair',
  'left-chair': 'Vacated the Chair',
  adjourned: 'Meeting adjourned',
  resumed: 'Meeting reconvened',
};

export const motionResultLabels: Record<MotionResult, string> = {
  '': 'Not yet put',
  carried: 'CARRIED',
  lost: 'LOST',
  withdrawn: 'Withdrawn',
  'not-seconded': 'Not seconded',
  fell: 'Fell',
};
