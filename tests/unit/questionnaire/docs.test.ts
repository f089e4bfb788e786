import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpression, printExpression, stripSpans } from '../../../core/questionnaire/expression/index.js';

const DOC = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/questionnaire-format.md'), 'utf8');

/** The third column of the expression tables: every example expression of the documentation. */
function examples(): string[] {
  const start = DOC.indexOf('## Expressions');
  const end = DOC.indexOf('### Unanswered questions');
  return DOC.slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| form') && !line.startsWith('| function') && !line.startsWith('| ---'))
    .map((line) => /\|\s*`([^`]+)`\s*\|\s*$/.exec(line)?.[1])
    .filter((e): e is string => e !== undefined);
}

describe('docs/questionnaire-format.md', () => {
  it('every example expression parses, and its canonical print parses to the same tree', () => {
    const all = examples();
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const source of all) {
      const ast = parseExpression(source);
      expect(stripSpans(parseExpression(printExpression(ast)))).toEqual(stripSpans(ast));
    }
  });
});
