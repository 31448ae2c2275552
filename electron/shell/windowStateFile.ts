// The window's size and position, remembered between runs in `window-state.json` in the app's data
// folder (not the library: it belongs to this computer's screens, not to the minutes). What is read
// is checked, never trusted: a file that is missing or damaged gives the default size, centred by
// Electron; a window from a screen no longer attached, or larger than the screens now are, is
// brought onto one. No Electron import; tested in tests/unit/windowState.test.ts.
import { join } from 'node:path';
import { readSmallJson, writeSmallJson } from './smallStateFile.js';

/** A rectangle in screen coordinates, as Electron's `Rectangle`. */
export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximised: boolean;
}

const MIN_WIDTH = 640;
const MIN_HEIGHT = 480;
const MAX_SIDE = 16384;
/** How much of the title bar must lie on a screen for the position to be kept. */
const VISIBLE_MARGIN = 48;

/** The file the state is kept in, inside `dataFolder` (Electron's `userData`). */
export const windowStateFile = (dataFolder: string): string => join(dataFolder, 'window-state.json');

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** `side` no longer than `room`, but never under `min` (a screen smaller than the least window keeps the least). */
const fitted = (side: number, room: number, min: number): number => Math.max(min, Math.min(side, room));

/** `at` moved so that [at, at + side) lies within [start, start + room) where it can. */
const within = (at: number, side: number, start: number, room: number): number => Math.max(start, Math.min(at, start + room - side));

/**
 * The state to open the window with, from `raw` (the parsed file, anything at all), against
 * `workAreas` (the screens' usable rectangles, the primary screen first):
 * - its size when both sides are whole numbers from 640×480 to 16384, else `defaults`;
 * - its position when the top of the window is on one of the screens by at least 48 pixels (so it
 *   can be dragged), the window then made to fit that screen (of several, the one holding most of
 *   it) and moved wholly onto it;
 * - else no position (Electron centres it), its size made to fit the primary screen.
 * Never throws.
 */
export function sanitiseWindowState(raw: unknown, defaults: { width: number; height: number }, workAreas: readonly Required<Bounds>[]): WindowState {
  const fallback: WindowState = { bounds: { ...defaults }, maximised: false };
  if (raw === null || typeof raw !== 'object') return fallback;
  const { bounds, maximised } = raw as { bounds?: Partial<Record<keyof Bounds, unknown>>; maximised?: unknown };
  if (bounds === undefined || bounds === null || typeof bounds !== 'object') return fallback;
  if (!isWhole(bounds.width, MIN_WIDTH, MAX_SIDE) || !isWhole(bounds.height, MIN_HEIGHT, MAX_SIDE)) return fallback;
  const { width, height } = bounds;
  const kept = maximised === true;
  const fitTo = (area: Required<Bounds> | undefined) =>
    area === undefined ? { width, height } : { width: fitted(width, area.width, MIN_WIDTH), height: fitted(height, area.height, MIN_HEIGHT) };
  const centred: WindowState = { bounds: fitTo(workAreas[0]), maximised: kept };
  if (!isWhole(bounds.x, -MAX_SIDE, MAX_SIDE) || !isWhole(bounds.y, -MAX_SIDE, MAX_SIDE)) return centred;
  const { x, y } = bounds;
  const candidates = workAreas.filter(
    (area) => y >= area.y && y + VISIBLE_MARGIN <= area.y + area.height && x + width - VISIBLE_MARGIN >= area.x && x + VISIBLE_MARGIN <= area.x + area.width,
  );
  // A window across two screens stays on the one that holds most of it.
  const overlap = (area: Required<Bounds>) =>
    Math.max(0, Math.min(x + width, area.x + area.width) - Math.max(x, area.x)) * Math.max(0, Math.min(y + height, area.y + area.height) - Math.max(y, area.y));
  const screen = candidates.reduce<Required<Bounds> | undefined>((best, area) => (best === undefined || overlap(area) > overlap(best) ? area : best), undefined);
  if (screen === undefined) return centred;
  const size = fitTo(screen);
  return { bounds: { x: within(x, size.width, screen.x, screen.width), y: within(y, size.height, screen.y, screen.height), ...size }, maximised: kept };
}

/** Reads and checks the remembered state (sanitiseWindowState); the defaults when the file cannot be read. */
export function readWindowState(file: string, defaults: { width: number; height: number }, workAreas: readonly Required<Bounds>[]): WindowState {
  return sanitiseWindowState(readSmallJson(file), defaults, workAreas);
}

/** Writes the state; a failure is only logged, since losing the window's position loses no minutes. */
export function writeWindowState(file: string, state: WindowState): void {
  writeSmallJson(file, state, "the window's position");
}
