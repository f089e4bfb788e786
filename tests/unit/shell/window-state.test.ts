import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  clampToDisplays,
  readWindowState,
  writeWindowState,
  type Rect,
} from '../../../main/shell/window-state.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rect = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('window state file', () => {
  it('round-trips bounds and the maximized flag', () => {
    const file = path.join(tempDir(), 'nested', 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
  });

  it('writes atomically: no temp file is left, and a new save replaces the old whole', () => {
    const dir = tempDir();
    const file = path.join(dir, 'window-state.json');
    writeWindowState(file, { bounds: { x: 1, y: 1, width: 800, height: 600 }, maximized: false });
    writeWindowState(file, { bounds: { x: 2, y: 2, width: 900, height: 650 }, maximized: true });
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
    expect(readWindowState(file)).toEqual({ bounds: { x: 2, y: 2, width: 900, height: 650 }, maximized: true });
  });

  it('leaves the old state in place when the write fails (folder read-only or a directory at the temp path)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'window-state.json');
    writeWindowState(file, { bounds: { x: 1, y: 1, width: 800, height: 600 }, maximized: false });
    fs.mkdirSync(`${file}.${process.pid}.tmp`);
    expect(() =>
      writeWindowState(file, { bounds: { x: 5, y: 5, width: 800, height: 600 }, maximized: true }),
    ).toThrow();
    expect(readWindowState(file)).toEqual({ bounds: { x: 1, y: 1, width: 800, height: 600 }, maximized: false });
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{bounds:'],
    ['wrong shape', '{"bounds":{"x":"1","y":0,"width":10,"height":10},"maximized":false}'],
    ['not finite', '{"bounds":{"x":1e400,"y":0,"width":10,"height":10},"maximized":false}'],
    ['no flag', '{"bounds":{"x":1,"y":0,"width":10,"height":10}}'],
    ['null', 'null'],
  ])('reads a %s file as no state', (_label, content) => {
    const file = path.join(tempDir(), 'window-state.json');
    if (content !== undefined) fs.writeFileSync(file, content);
    expect(readWindowState(file)).toBeUndefined();
  });
});

describe('clampToDisplays', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    const { bounds, maximized } = clampToDisplays(undefined, [PRIMARY], PRIMARY);
    expect(maximized).toBe(false);
    expect(bounds).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1040 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
    });
  });

  it('keeps saved bounds that are on a display', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 800 }, maximized: true };
    expect(clampToDisplays(saved, [PRIMARY, RIGHT], PRIMARY)).toEqual(saved);
  });

  it('moves a window from an unplugged monitor back onto the primary display, keeping its size', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 800 }, maximized: false };
    const { bounds } = clampToDisplays(saved, [PRIMARY], PRIMARY);
    expect(bounds).toEqual({ x: 460, y: 120, width: 1000, height: 800 });
  });

  it('rescues a title bar hidden above the top or nearly off the left edge', () => {
    const above = clampToDisplays(
      { bounds: { x: 100, y: -500, width: 900, height: 700 }, maximized: false },
      [PRIMARY],
      PRIMARY,
    );
    expect(above.bounds.y).toBeGreaterThanOrEqual(0);
    const offLeft = clampToDisplays(
      { bounds: { x: -880, y: 10, width: 900, height: 700 }, maximized: false },
      [PRIMARY],
      PRIMARY,
    );
    expect(offLeft.bounds.x).toBeGreaterThanOrEqual(0);
  });

  it('shrinks a window larger than its display and grows one below the minimum', () => {
    const huge = clampToDisplays(
      { bounds: { x: 0, y: 0, width: 5000, height: 4000 }, maximized: false },
      [PRIMARY],
      PRIMARY,
    );
    expect(huge.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    const tiny = clampToDisplays(
      { bounds: { x: 10, y: 10, width: 50, height: 20 }, maximized: false },
      [PRIMARY],
      PRIMARY,
    );
    expect(tiny.bounds).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });
});
