// The window's size and position, remembered between runs in `window-state.json` in the app's data
// folder (not the library: it belongs to this computer's screens, not to the minutes). What is read
// is checked, never trusted: a file that is missing, damaged or from a screen no longer attached
// gives the default size, centred by Electron. No Electron import; tested in
// tests/unit/windowState.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * The state to open the window with, from `raw` (the parsed file, anything at all): its size when
 * both sides are whole numbers from 640×480 to 16384 (else `defaults`); its position only when the
 * top of the window is on one of `workAreas` (the screens' usable rectangles) by at least 48 pixels,
 * so a window last shown on a screen since unplugged opens centred on one that is there. Never throws.
 */
export function sanitiseWindowState(raw: unknown, defaults: { width: number; height: number }, workAreas: readonly Required<Bounds>[]): WindowState {
  const fallback: WindowState = { bounds: { ...defaults }, maximised: false };
  if (raw === null || typeof raw !== 'object') return fallback;
  const { bounds, maximised } = raw as { bounds?: Partial<Record<keyof Bounds, unknown>>; maximised?: unknown };
  if (bounds === undefined || bounds === null || typeof bounds !== 'object') return fallback;
  if (!isWhole(bounds.width, MIN_WIDTH, MAX_SIDE) || !isWhole(bounds.height, MIN_HEIGHT, MAX_SIDE)) return fallback;
  const size = { width: bounds.width, height: bounds.height };
  const state: WindowState = { bounds: size, maximised: maximised === true };
  if (!isWhole(bounds.x, -MAX_SIDE, MAX_SIDE) || !isWhole(bounds.y, -MAX_SIDE, MAX_SIDE)) return state;
  const { x, y } = bounds;
  const titleOnScreen = workAreas.some(
    (area) =>
      y >= area.y &&
      y + VISIBLE_MARGIN <= area.y + area.height &&
      x + size.width - VISIBLE_MARGIN >= area.x &&
      x + VISIBLE_MARGIN <= area.x + area.width,
  );
  return titleOnScreen ? { bounds: { x, y, ...size }, maximised: state.maximised } : state;
}

/** Reads and checks the remembered state (sanitiseWindowState); the defaults when the file cannot be read. */
export function readWindowState(file: string, defaults: { width: number; height: number }, workAreas: readonly Required<Bounds>[]): WindowState {
  let raw: unknown = null;
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length <= 4096) raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  return sanitiseWindowState(raw, defaults, workAreas);
}

/** Writes the state; a failure is only logged, since losing the window's position loses no minutes. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, `${JSON.stringify(state)}\n`);
  } catch (error) {
    console.warn(`[minute-book] the window's position was not remembered: ${(error as Error).message}`);
  }
}
