import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLog } from '../../../main/services/log/rotating-log.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('the rotating log', () => {
  it('creates its folder and appends timestamped lines', () => {
    const dir = path.join(tempDir(), 'logs');
    const log = createRotatingLog({ dir });
    log.info('started');
    log.error('call drafts.save failed:', new Error('disk I/O error'));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\S+Z INFO started\n/);
    expect(text).toContain('ERROR call drafts.save failed: Error: disk I/O error');
  });

  it('rotates by size and keeps only the last N files', () => {
    const dir = tempDir();
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 3 });
    for (let i = 0; i < 100; i++) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['app.log', 'app.log.1', 'app.log.2', 'app.log.3']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(200 + 100);
    // Newest in app.log, older in .1, .2, .3; the oldest lines are gone.
    expect(fs.readFileSync(path.join(dir, 'app.log'), 'utf8')).toContain('line 099');
    const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(all).not.toContain('line 000');
    const firstKept = Number(/line (\d{3})/.exec(fs.readFileSync(path.join(dir, 'app.log.3'), 'utf8'))?.[1]);
    const lastOfOne = [...fs.readFileSync(path.join(dir, 'app.log.1'), 'utf8').matchAll(/line (\d{3})/g)].at(-1)?.[1];
    expect(firstKept).toBeLessThan(Number(lastOfOne));
  });

  it('logs the error, never the input: an error object only gives its name, message and stack', () => {
    const dir = tempDir();
    const log = createRotatingLog({ dir });
    log.error('call answers.save failed:', { value: 'a secret answer' });
    expect(fs.readFileSync(log.file, 'utf8')).not.toContain('a secret answer');
  });

  it('never throws when the folder cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const log = createRotatingLog({ dir: path.join(blocker, 'logs') });
    expect(() => log.error('still running', new Error('x'))).not.toThrow();
  });
});
