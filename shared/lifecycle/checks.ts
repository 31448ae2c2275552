// The checks before circulating and signing (issue 9). PLACEHOLDER: the checks engineer's module
// replaces this file whole; until it lands no check is made. The API below is the agreed one.
import type { Committee } from '../model/committee.js';
import type { Meeting, MeetingSummary } from '../model/meeting.js';
import type { MinutePlace } from '../search/citation.js';

export interface Check {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  itemId: string | null;
}

export interface CheckContext {
  committee: Committee;
  library: readonly MeetingSummary[];
  resolved: Readonly<Record<string, MinutePlace | null>>;
  step: 'circulate' | 'sign';
}

export function checkMeeting(_meeting: Meeting, _context: CheckContext): Check[] {
  return []; // PLACEHOLDER until shared/lifecycle/checks.ts from the checks engineer is merged.
}
