import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../core/questionnaire/index.js';
import { type Expr, parseExpression, printExpression, stripSpans } from '../../../core/questionnaire/expression/index.js';

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

/** The first column of the table of "Pattern checks": every piece of pattern syntax it shows. */
function patternSyntax(): string[] {
  const start = DOC.indexOf('### Pattern checks');
  const end = DOC.indexOf('### Calculated questions');
  return DOC.slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| write') && !line.startsWith('| ---'))
    .flatMap((line) => [...(/^\|((?:[^|\\]|\\.)*)\|/.exec(line)?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').replace(/\\\|/g, '|')));
}

/** The pattern texts of regex() calls in an expression. */
function patternsIn(expr: Expr): string[] {
  if (expr.kind !== 'call') return expr.kind === 'binary' ? [...patternsIn(expr.left), ...patternsIn(expr.right)] : expr.kind === 'negate' ? patternsIn(expr.operand) : [];
  const own = expr.name === 'regex' && expr.args[1]?.kind === 'literal' && typeof expr.args[1].value === 'string' ? [expr.args[1].value] : [];
  return [...own, ...expr.args.flatMap(patternsIn)];
}

describe('docs/questionnaire-format.md', () => {
  it('every piece of pattern syntax it shows, and every regex() pattern of its examples, is accepted', () => {
    const syntax = patternSyntax();
    expect(syntax.length).toBeGreaterThanOrEqual(25);
    const used = examples().flatMap((source) => patternsIn(parseExpression(source)));
    expect(used.length).toBeGreaterThanOrEqual(1);
    for (const pattern of [...syntax, ...used]) expect(() => compilePattern(pattern), pattern).not.toThrow();
  });

  it('every example expression parses, and its canonical print parses to the same tree', () => {
    const all = examples();
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const source of all) {
      const ast = parseExpression(source);
      expect(stripSpans(parseExpression(printExpression(ast)))).toEqual(stripSpans(ast));
    }
  });
});
