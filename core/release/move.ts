import type { AnswerMap, AnswerValue } from '../answers/value.js';
import { evaluate, isQuestionNode, type LoadedQuestionnaire } from '../questionnaire/index.js';
import { answerFit, type NotCarriedReason } from './answer-fit.js';

/**
 * Moving a draft's answers to another questionnaire version, as a pure plan (the draft service
 * applies it in one transaction). Answers travel by answer path, that is by question id and
 * repeat row id, and are never converted. What does not fit the target version is set aside,
 * never deleted; and an answer set aside by an earlier move comes back as soon as the draft is
 * on a version it fits again (so moving to a version and back gives the answers back).
 *
 * For each path, the live answer wins if it fits; otherwise the newest set-aside answer that
 * fits comes back, and the live one is set aside. Nothing else is ever dropped: the values in
 * `live` and `aside` before a move are exactly those after it.
 */

/** An answer set aside by an earlier move (`key` is the caller's, e.g. its row id). */
export interface AsideAnswer<K = number> {
  readonly key: K;
  readonly path: string;
  readonly value: AnswerValue;
}

export interface MovePlan<K = number> {
  /** Live answers that stay, unchanged. */
  readonly carried: readonly string[];
  /** Live answers that do not fit the target: they leave for the set-aside list. */
  readonly setAside: readonly { readonly path: string; readonly value: AnswerValue; readonly reason: NotCarriedReason }[];
  /** Set-aside answers that fit the target and take their place again (at most one per path). */
  readonly restored: readonly AsideAnswer<K>[];
}

/** Plans the move of `live` (and the draft's set-aside answers, oldest first) to `target`. */
export function planMove<K>(target: LoadedQuestionnaire, live: AnswerMap, aside: readonly AsideAnswer<K>[]): MovePlan<K> {
  const carried: string[] = [];
  const setAside: { path: string; value: AnswerValue; reason: NotCarriedReason }[] = [];
  const restored: AsideAnswer<K>[] = [];
  const asideByPath = new Map<string, AsideAnswer<K>[]>();
  for (const entry of aside) asideByPath.set(entry.path, [...(asideByPath.get(entry.path) ?? []), entry]);

  const restoreFor = (path: string): void => {
    const candidates = asideByPath.get(path) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) {
      const candidate = candidates[i];
      if (candidate && answerFit(target, path, candidate.value).ok) {
        restored.push(candidate);
        return;
      }
    }
  };

  for (const [path, value] of Object.entries(live)) {
    const fit = answerFit(target, path, value);
    if (fit.ok) {
      carried.push(path);
      continue;
    }
    setAside.push({ path, value, reason: fit.reason });
    restoreFor(path);
  }
  for (const path of asideByPath.keys()) if (!Object.hasOwn(live, path)) restoreFor(path);
  return { carried, setAside, restored };
}

/** The answers a draft has after a plan is applied. */
export function liveAfter<K>(live: AnswerMap, plan: MovePlan<K>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const path of plan.carried) out[path] = live[path] ?? null;
  for (const entry of plan.restored) out[entry.path] = entry.value;
  return out;
}

/** Why a set-aside answer is not on the draft now: it does not fit, or another answer took its place. */
export function asideReason(current: LoadedQuestionnaire, path: string, value: AnswerValue): NotCarriedReason {
  const fit = answerFit(current, path, value);
  return fit.ok ? 'answered-again' : fit.reason;
}

export interface MoveImpact<K = number> {
  readonly plan: MovePlan<K>;
  /** Questions the target has and the source has not, that apply to this draft (relevant with its answers). */
  readonly newQuestions: readonly string[];
}

/** What moving this draft from `source` to `target` changes for it: the plan, and the new questions to answer. */
export function moveImpact<K>(
  source: LoadedQuestionnaire,
  target: LoadedQuestionnaire,
  live: AnswerMap,
  aside: readonly AsideAnswer<K>[],
  today: string,
): MoveImpact<K> {
  const plan = planMove(target, live, aside);
  const evaluation = evaluate(target, liveAfter(live, plan), { today });
  const newQuestions: string[] = [];
  for (const id of target.documentOrder) {
    const node = target.questions.get(id);
    if (!isQuestionNode(node) || source.questions.has(id)) continue;
    // A question in a repeat group is new for every row; it is listed once, when its group applies.
    const relevant = node.repeatGroupId === undefined ? evaluation.isRelevant(id) : evaluation.isRelevant(node.repeatGroupId);
    if (relevant) newQuestions.push(id);
  }
  return { plan, newQuestions };
}
