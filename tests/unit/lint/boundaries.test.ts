import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS module of the lint config, typed by its JSDoc only
import { violation } from '../../../build/eslint/boundaries-rule.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const check = violation as (fromRel: string, source: string) => string | undefined;

describe('the layer rule (architecture §1 "may import")', () => {
  it.each([
    ['renderer/App.tsx', '../db/open.js', /renderer\/ may not import from db/],
    ['renderer/App.tsx', 'node:fs', /Node built-ins/],
    ['renderer/App.tsx', 'better-sqlite3', /may not import the package better-sqlite3/],
    ['renderer/screens/X.tsx', '../../main/services/app-services.js', /may not import from main\/services/],
    ['core/contract/index.ts', 'node:path', /Node built-ins/],
    ['core/contract/index.ts', 'fs', /Node built-ins/],
    ['core/contract/index.ts', 'electron', /only main\/shell\/ and preload\/ may import electron/],
    ['core/contract/index.ts', 'react', /may not import React/],
    ['core/contract/index.ts', '../../db/open.js', /core\/ may not import from db/],
    ['main/services/app-services.ts', 'electron', /only main\/shell\//],
    ['main/services/app-services.ts', '../shell/main.js', /may not import from main\/shell/],
    ['db/open.ts', '../main/services/clock.js', /db\/ may not import from main\/services/],
    ['web/server.ts', '../main/shell/window.js', /web\/ may not import from main\/shell/],
    ['cli/main.ts', 'electron', /only main\/shell\//],
    ['preload/preload.ts', 'node:fs', /Node built-ins/],
  ])('%s importing %s is refused', (from, source, expected) => {
    expect(check(from, source)).toMatch(expected);
  });

  it.each([
    ['core/contract/index.ts', 'zod'],
    ['core/contract/index.ts', './errors.js'],
    ['db/open.ts', 'better-sqlite3'],
    ['db/open.ts', '../core/contract/errors.js'],
    ['main/services/app-services.ts', '../../db/open.js'],
    ['main/services/app-services.ts', 'node:fs'],
    ['main/shell/main.ts', 'electron'],
    ['main/shell/main.ts', '../services/app-services.js'],
    ['preload/preload.ts', 'electron'],
    ['renderer/App.tsx', 'react'],
    ['renderer/App.tsx', '../core/contract/index.js'],
    ['web/server.ts', '../main/services/app-services.js'],
    ['tests/unit/x.test.ts', 'electron'],
  ])('%s importing %s is allowed', (from, source) => {
    expect(check(from, source)).toBeUndefined();
  });

  it('makes ESLint itself fail on a boundary violation in the real config', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText("import fs from 'node:fs';\nexport const size = fs.statSync('x').size;\n", {
      filePath: path.join(ROOT, 'core', 'contract', 'errors.ts'),
    });
    const messages = result?.messages.map((m) => `${m.ruleId ?? ''}: ${m.message}`) ?? [];
    expect(messages).toContainEqual(expect.stringMatching(/^iscm\/boundaries: Layer boundary: core\/ may not import Node built-ins/));
  });
});
