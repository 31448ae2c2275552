// File → Open Recent: the meetings last opened on this computer, newest first, kept in
// `recent-meetings.json` in the app's data folder (beside window-state.json). Only ids are kept; the
// menu names each meeting from the library as it now is, and leaves out any the library no longer
// holds (another library chosen, a meeting set aside). No Electron import; tested in
// tests/unit/recentMeetings.test.ts.
import { join } from 'node:path';
import { formatDateInWords } from '../../shared/dates.js';
import type { Channel } from '../../shared/contract.js';
import type { Committee } from '../../shared/model/committee.js';
import type { MeetingSummary } from '../../shared/model/meeting.js';
import type { RecentEntry } from './applicationMenu.js';
import { readSmallJson, writeSmallJson } from './smallStateFile.js';

/** How many meetings Open Recent lists, as Word does. */
export const RECENT_LIMIT = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file the list is kept in, inside `dataFolder` (Electron's `userData`). */
export const recentMeetingsFile = (dataFolder: string): string => join(dataFolder, 'recent-meetings.json');

/** The meeting ids in `raw` (the parsed file, anything at all): meeting ids only, each once, at most RECENT_LIMIT. Never throws. */
export function sanitiseRecent(raw: unknown): string[] {
  const ids = raw !== null && typeof raw === 'object' ? (raw as { meetings?: unknown }).meetings : undefined;
  if (!Array.isArray(ids)) return [];
  const kept = ids.filter((id): id is string => typeof id === 'string' && UUID.test(id));
  return [...new Set(kept)].slice(0, RECENT_LIMIT);
}

/** `recent` with `meetingId` first (moved there if listed already), at most RECENT_LIMIT long. */
export function withRecent(recent: readonly string[], meetingId: string): string[] {
  return [meetingId, ...recent.filter((id) => id !== meetingId)].slice(0, RECENT_LIMIT);
}

/**
 * The menu's entries for `recent`, named "Planning Committee — Thursday 13 July 2017" from the
 * library's committees and meetings; meetings the library does not hold are left out.
 */
export function recentEntries(recent: readonly string[], library: { committees: readonly Committee[]; meetings: readonly MeetingSummary[] }): RecentEntry[] {
  return recent.flatMap((meetingId) => {
    const meeting = library.meetings.find((candidate) => candidate.id === meetingId);
    if (meeting === undefined) return [];
    const committee = library.committees.find((candidate) => candidate.id === meeting.committeeId);
    return [{ meetingId, label: `${committee?.name ?? 'A committee'} — ${formatDateInWords(meeting.date)}` }];
  });
}

/**
 * The calls after which Open Recent is built again, when they succeed: each can take a meeting out of
 * the library or bring one back (the bin, an import undone), add one, or
 * rename a committee the menu names. Opening or creating a meeting rebuilds it by putting it first.
 */
export const CHANNELS_CHANGING_RECENT: ReadonlySet<Channel> = new Set<Channel>([
  'meetings:delete',
  'meetings:duplicate',
  'bin:restore',
  'committees:update',
  'library:import',
  'library:undo-import',
  'library:open-sample',
  'library:leave-sample',
]);

/** The list as last kept; empty when there is none or it cannot be read. */
export const readRecent = (file: string): string[] => sanitiseRecent(readSmallJson(file));

/** Keeps the list; a failure is only logged. */
export const writeRecent = (file: string, recent: readonly string[]): void => writeSmallJson(file, { meetings: recent }, 'the recent meetings');
