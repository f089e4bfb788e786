import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import { liveAfter, planMove, type AsideAnswer } from '../../../core/release/move.js';
import { answerFit } from '../../../core/release/answer-fit.js';
import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { twoVersions } from './versions.js';

const { a, b } = twoVersions();

/** A draft's state: live answers and the set-aside list, as the move service keeps them. */
interface State {
  live: Record<string, AnswerValue>;
  aside: AsideAnswer[];
}

let nextKey = 1;
function move(state: State, target: LoadedQuestionnaire): State {
  const plan = planMove(target, state.live, state.aside);
  const restored = new Set(plan.restored.map((r) => r.key));
  return {
    live: liveAfter(state.live, plan),
    aside: [
      ...state.aside.filter((x) => !restored.has(x.key)),
      ...plan.setAside.map((x) => ({ key: nextKey++, path: x.path, value: x.value })),
    ],
  };
}

/** Every value a state holds, live or set aside, as sorted "path = value" lines. */
const values = (s: State): string[] =>
  [
    ...Object.entries(s.live).map(([p, v]) => `${p} = ${JSON.stringify(v)}`),
    ...s.aside.map((x) => `${x.path} = ${JSON.stringify(x.value)}`),
  ].sort();

// Paths of both versions (questions, "Other" texts, repeat groups and their rows) and some
// that neither has; values of every shape, fitting or not.
const questionIds = [...new Set([...a.questions.keys(), ...b.questions.keys()])];
const pathArb = fc.oneof(
  fc.constantFrom(...questionIds),
  fc.constantFrom(...questionIds).map((id) => `${id}.other`),
  fc.constantFrom('achievements', 'partners', 'gone_group'),
  fc
    .tuple(fc.constantFrom('achievements', 'partners'), fc.constantFrom('r1', 'r2'), fc.constantFrom(...questionIds))
    .map(([g, r, q]) => `${g}[${r}].${q}`),
);
const choiceValues = [
  ...new Set([...a.questions.values(), ...b.questions.values()].flatMap((n) => (n.choices ?? []).map((c) => c.value))),
];
const valueArb: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...choiceValues),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.constantFrom(...choiceValues), { maxLength: 3 }),
  fc.constantFrom<string[]>(['r1'], ['r1', 'r2']),
  fc.dictionary(fc.constantFrom('row_a', 'row_b'), fc.constantFrom(...choiceValues), { maxKeys: 2 }),
);
const answersArb = fc.dictionary(pathArb, valueArb, { maxKeys: 40 });

describe('moving answers between versions (core planMove), for any answer set', () => {
  it('moving to another version and back loses no value', () => {
    fc.assert(
      fc.property(answersArb, fc.boolean(), (live, fromA) => {
        const [from, to] = fromA ? [a, b] : [b, a];
        const start: State = { live: { ...live }, aside: [] };
        const there = move(start, to);
        const back = move(there, from);
        // No value is ever dropped: each move only moves values between the two lists.
        expect(values(there)).toEqual(values(start));
        expect(values(back)).toEqual(values(start));
        // Back on the first version, the live answers are exactly those that fit it: every
        // answer the respondent could see before is on the draft again, unchanged.
        const fitting = Object.fromEntries(Object.entries(live).filter(([p, v]) => answerFit(from, p, v).ok));
        expect(back.live).toEqual(fitting);
        // What the target version cannot show never stays live on it.
        for (const [p, v] of Object.entries(there.live)) expect(answerFit(to, p, v).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a later answer to a question is never overwritten by one set aside earlier', () => {
    fc.assert(
      fc.property(answersArb, (live) => {
        const there = move({ live: { ...live }, aside: [] }, b);
        // On B the respondent answers again every question B still has.
        const answered: State = { live: { ...there.live }, aside: there.aside };
        for (const id of b.questions.keys())
          if (b.questions.get(id)?.question.type === 'text' && b.questions.get(id)?.repeatGroupId === undefined)
            answered.live[id] = 'typed on B';
        const back = move(answered, a);
        for (const [p, v] of Object.entries(answered.live)) if (answerFit(a, p, v).ok) expect(back.live[p]).toEqual(v);
        expect(values(back)).toEqual(values(answered));
      }),
      { numRuns: 150 },
    );
  });
});
