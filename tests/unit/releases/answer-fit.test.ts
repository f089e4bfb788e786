import { describe, expect, it } from 'vitest';
import { answerFit } from '../../../core/release/answer-fit.js';
import { diffQuestionnaires } from '../../../core/release/diff.js';
import { twoVersions } from './versions.js';

const { a, b, next } = twoVersions();

describe('answerFit: does a stored answer fit a version unchanged', () => {
  it('fits answers of the questions the version has, of their type and choices', () => {
    expect(answerFit(b, 'respondent_kind', 'secretariat')).toEqual({ ok: true });
    expect(answerFit(b, 'year_established', 1996)).toEqual({ ok: true });
    expect(answerFit(b, 'mechanism.other', 'A forum')).toEqual({ ok: true });
    expect(answerFit(b, 'achievements', ['r1', 'r2'])).toEqual({ ok: true });
    expect(answerFit(b, 'achievements[r1].achievement_title', 'Joint statement')).toEqual({ ok: true });
    expect(answerFit(b, next.removed, null)).toEqual({ ok: false, reason: 'question-removed' });
  });

  it('says why an answer does not fit', () => {
    expect(answerFit(b, next.removed, 'https://example.org')).toEqual({ ok: false, reason: 'question-removed' });
    expect(answerFit(b, next.retyped, 'a list of States')).toEqual({ ok: false, reason: 'type-changed' });
    expect(answerFit(b, next.droppedChoice.question, next.droppedChoice.value)).toEqual({
      ok: false,
      reason: 'choice-removed',
    });
    expect(answerFit(b, 'year_established', 1996.5)).toEqual({ ok: false, reason: 'type-changed' });
    expect(answerFit(b, 'respondent_kind.other', 'x')).toEqual({ ok: false, reason: 'other-removed' });
    expect(answerFit(b, 'achievement_title', 'outside its row')).toEqual({ ok: false, reason: 'question-moved' });
    expect(answerFit(b, 'partners[r1].achievement_title', 'in another group')).toEqual({
      ok: false,
      reason: 'question-moved',
    });
    expect(answerFit(b, 'not a path!', 'x')).toEqual({ ok: false, reason: 'not-an-answer' });
    // The same answers fit the version they were given in.
    expect(answerFit(a, next.removed, 'https://example.org')).toEqual({ ok: true });
    expect(answerFit(a, next.droppedChoice.question, next.droppedChoice.value)).toEqual({ ok: true });
  });
});

describe('diffQuestionnaires: what changes between two versions, by question id', () => {
  it('names the added, removed and changed questions', () => {
    const diff = diffQuestionnaires(a, b);
    expect(diff.added).toEqual([next.added]);
    expect(diff.removed).toEqual([next.removed]);
    expect(diff.changed).toEqual(
      [
        { id: next.retyped, changes: ['type'], removedChoices: [], addedChoices: [] },
        {
          id: next.droppedChoice.question,
          changes: ['choices-removed'],
          removedChoices: [next.droppedChoice.value],
          addedChoices: [],
        },
      ].sort((x, y) => b.documentOrder.indexOf(x.id) - b.documentOrder.indexOf(y.id)),
    );
    expect(diffQuestionnaires(a, a)).toEqual({ added: [], removed: [], changed: [] });
  });
});
