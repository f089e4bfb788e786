import { describe, expect, it } from 'vitest';
import { countChanges, diffRevisions } from '../../../renderer/iom/analyst/revision-diff.js';
import { makeResponses, mechanismAt, realQuestionnaire } from '../import/response-kit.js';

const loaded = realQuestionnaire();
const clone = <T>(v: T): T => structuredClone(v);

describe('comparing revision N with N−1', () => {
  const base = makeResponses({ mechanism: mechanismAt(3).value, note: 'r1' });

  it('finds nothing between a revision and an exact copy, whatever the order of a multiple choice', () => {
    const copy = clone(base);
    const first = Object.entries(copy).find(([, v]) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));
    expect(diffRevisions(loaded, base, copy)).toEqual([]);
    if (first) (copy[first[0]] as string[]).reverse();
    expect(diffRevisions(loaded, base, copy)).toEqual([]);
  });

  it('names changed, added and removed answers in the questionnaire order, with both values', () => {
    const after = clone(base);
    after.mechanism_website = 'https://example.org/new';
    const removedId = 'respondent_role';
    expect(after[removedId]).toBeDefined();
    delete after.respondent_role;
    const before = clone(base);
    delete before.declaration_comments;
    const changes = diffRevisions(loaded, before, after);
    expect(changes.map((c) => [c.kind, c.questionId])).toEqual(
      [
        ['changed', 'mechanism_website'],
        ['removed', removedId],
        ['added', 'declaration_comments'],
      ].sort((a, b) => loaded.documentOrder.indexOf(a[1] ?? '') - loaded.documentOrder.indexOf(b[1] ?? '')),
    );
    const website = changes.find((c) => c.questionId === 'mechanism_website');
    expect(website).toMatchObject({ before: base.mechanism_website, after: 'https://example.org/new' });
    expect(countChanges(changes)).toEqual({ changed: 1, added: 1, removed: 1 });
  });

  it('matches repeat rows by their id: a row inserted first is added, the others unchanged; a dropped row is removed', () => {
    const rows = base.achievements as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(1);
    const after = clone(base);
    const inserted = { ...clone(rows[0] ?? {}), _row: 'row-new', achievement_title: 'A new one' };
    after.achievements = [inserted, ...clone(rows).slice(0, 1)];
    const changes = diffRevisions(loaded, base, after).filter((c) => c.row?.groupId === 'achievements');
    const answered = Object.keys(inserted).filter((k) => !k.startsWith('_')).length;
    expect(changes.filter((c) => c.kind === 'added')).toHaveLength(answered);
    expect(changes.filter((c) => c.kind === 'added').every((c) => c.row?.rowId === 'row-new' && c.row.position === 1)).toBe(true);
    const dropped = String(rows[1]?._row);
    expect(changes.filter((c) => c.kind === 'removed').every((c) => c.row?.rowId === dropped && c.row.position === 2)).toBe(true);
    expect(changes.filter((c) => c.kind === 'removed').length).toBeGreaterThan(0);
    expect(changes.some((c) => c.kind === 'changed')).toBe(false);
  });

  it('an "Other (specify)" text that changes is a changed answer, though the choice is the same', () => {
    const before = { ...clone(base), mechanism: 'other', _other: { mechanism: 'Forum A' } };
    const after = { ...clone(base), mechanism: 'other', _other: { mechanism: 'Forum B' } };
    expect(diffRevisions(loaded, before, after)).toEqual([
      { kind: 'changed', questionId: 'mechanism', before: 'other', after: 'other', otherBefore: 'Forum A', otherAfter: 'Forum B' },
    ]);
  });
});
