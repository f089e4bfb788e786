import { describe, expect, it } from 'vitest';
import type { LoadedQuestionnaire, QuestionNode } from '../../../core/questionnaire/index.js';
import { foldForSearch } from '../../../core/search/fold.js';
import { answersSearchText, writtenAnswersText } from '../../../core/search/written-answers.js';
import { realQuestionnaire } from '../import/response-kit.js';

/**
 * A response's written answers are found from the questionnaire (its text questions, at the top
 * and in repeat groups) rather than by looking at every answer: this checks the result against
 * the plain way of looking at every answer, for answers in any order.
 */

/** The plain way: every answer looked at, in the answers' order. */
function reference(loaded: LoadedQuestionnaire, responses: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const collect = (answers: Record<string, unknown>): void => {
    for (const [id, value] of Object.entries(answers)) {
      if (id === '_other' && typeof value === 'object' && value !== null) {
        for (const text of Object.values(value)) if (typeof text === 'string') lines.push(text);
      } else if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && '_row' in v)) {
        for (const r of value as Record<string, unknown>[]) collect(r);
      } else if (typeof value === 'string' && ['text', 'long_text'].includes(loaded.questions.get(id)?.question.type ?? '')) {
        lines.push(value);
      }
    }
  };
  collect(responses);
  return lines;
}

const valueOf = (node: QuestionNode, i: number): unknown => {
  const type = node.question.type;
  if (type === 'text' || type === 'long_text') return `${node.id} answer ${String(i)} É`;
  if (type === 'integer' || type === 'year' || type === 'decimal') return i;
  if (type === 'multiple_choice') return (node.choices ?? []).slice(0, 2).map((c) => c.value);
  if (type === 'matrix') return Object.fromEntries((node.rows ?? []).map((r) => [r.value, node.choices?.[0]?.value ?? '']));
  return node.choices?.[0]?.value ?? 'code';
};

describe('a response’s written answers', () => {
  const loaded = realQuestionnaire();
  const top = [...loaded.questions.values()].filter((q) => q.repeatGroupId === undefined);
  const repeats = new Map<string, QuestionNode[]>();
  for (const q of loaded.questions.values())
    if (q.repeatGroupId !== undefined) repeats.set(q.repeatGroupId, [...(repeats.get(q.repeatGroupId) ?? []), q]);

  it('are the lines every answer looked at gives, repeat rows and "Other" texts included, whatever the answers’ order', () => {
    expect(repeats.size).toBeGreaterThan(0);
    const responses: Record<string, unknown> = {};
    // Reversed: the text must not depend on the order the answers were written in.
    [...top].reverse().forEach((q, i) => (responses[q.id] = valueOf(q, i)));
    responses._other = { [top[0]?.id ?? 'x']: 'Autre : réseau côtier' };
    for (const [groupId, members] of repeats)
      responses[groupId] = [0, 1].map((r) => ({
        _row: `row-${String(r)}`,
        ...Object.fromEntries(members.map((m, i) => [m.id, valueOf(m, i + r)])),
        _other: { [members[0]?.id ?? 'x']: `row ${String(r)} other` },
      }));
    const lines = writtenAnswersText(loaded, responses).split('\n');
    expect([...lines].sort()).toEqual(reference(loaded, responses).sort());
    expect(lines).toContain('Autre : réseau côtier');
    expect(lines).toContain('row 1 other');
    expect(lines.filter((l) => l.endsWith(' É')).length).toBeGreaterThan(20);
    // Codes, numbers and dates are not written answers.
    const choice = top.find((q) => q.question.type === 'single_choice');
    expect(choice).toBeDefined();
    expect(lines).not.toContain(responses[choice?.id ?? '']);
    // Folded for the search: lower case, no accents.
    expect(answersSearchText(loaded, responses)).toBe(foldForSearch(lines.join('\n')));
    expect(answersSearchText(loaded, responses)).toContain('autre : reseau cotier');
  });

  it('leave out answers to questions the version does not have, and repeat values that are not rows', () => {
    const text = top.find((q) => q.question.type === 'text')?.id ?? 'x';
    const [groupId] = repeats.keys();
    const responses = { [text]: 'only one', unknown_question: 'not searched', [groupId ?? 'g']: ['not a row'] };
    expect(writtenAnswersText(loaded, responses)).toBe('only one');
    expect(writtenAnswersText(loaded, {})).toBe('');
  });
});
