import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;
/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = 64;

const isFiniteInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1_000_000;

/** The saved state, or undefined when the file is missing or is not what we wrote (never throws). */
export function readWindowState(file: string): WindowState | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { bounds, maximized } = raw as { bounds?: Partial<Record<keyof Rect, unknown>>; maximized?: unknown };
  if (typeof bounds !== 'object' || typeof maximized !== 'boolean') return undefined;
  const { x, y, width, height } = bounds;
  if (!isFiniteInt(x) || !isFiniteInt(y) || !isFiniteInt(width) || !isFiniteInt(height)) return undefined;
  return { bounds: { x, y, width, height }, maximized };
}

/** Writes the state atomically: temp file, fsync, rename. A crash leaves the old file or the new one, never half. */
export function writeWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centredOn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: area.x + Math.round((area.width - w) / 2),
    y: area.y + Math.round((area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * Bounds that put the window where the user can reach it with the displays there
 * are now (a monitor may have been unplugged since it was saved): the saved
 * bounds when their top edge is on a display, else the same size centred on the
 * primary display; never larger than that display, never smaller than MIN_SIZE.
 */
export function clampToDisplays(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowState {
  if (!saved) return { bounds: centredOn(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false };
  const width = Math.max(MIN_SIZE.width, saved.bounds.width);
  const height = Math.max(MIN_SIZE.height, saved.bounds.height);
  const bounds = { ...saved.bounds, width, height };
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(MIN_VISIBLE, bounds.height) };
  const host = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= MIN_VISIBLE && o.height >= Math.min(MIN_VISIBLE, titleBar.height) / 2 && bounds.y >= area.y;
  });
  if (!host) return { bounds: centredOn(primary, width, height), maximized: saved.maximized };
  return {
    bounds: { x: bounds.x, y: bounds.y, width: Math.min(width, host.width), height: Math.min(height, host.height) },
    maximized: saved.maximized,
  };
}
