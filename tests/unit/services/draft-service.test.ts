import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors.js';
import { openDatabase } from '../../../db/open.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { createDraftService } from '../../../main/services/drafts/draft-service.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

function setup() {
  const file = path.join(tempDir(), 'iscm.db');
  let t = Date.parse('2026-11-27T10:00:00Z');
  const clock = { now: () => new Date((t += 1000)) };
  const db = openDatabase(file, { migrations: appMigrations });
  const service = createDraftService({ db, clock, questionnaires: { current: () => ({ id: 'iscm-assessment', version: '1.0.0' }), find: () => undefined } });
  return { db, file, service, clock };
}

const newDraft = { title: 'Budapest Process', respondentKind: 'secretariat', mechanism: 'budapest_process', language: 'fr' as const };

describe('draft service', () => {
  it('creates a draft on the current questionnaire and lists it', () => {
    const { service, db } = setup();
    const created = service.create(newDraft);
    expect(created).toMatchObject({ ...newDraft, questionnaireId: 'iscm-assessment', questionnaireVersion: '1.0.0', status: 'draft' });
    expect(service.list().map((d) => d.id)).toEqual([created.id]);
    db.close();
  });

  it('keeps saved answers across closing and reopening the database', () => {
    const { service, db, file } = setup();
    const { id } = service.create(newDraft);
    service.save({ draftId: id, path: 'respondent_name', value: 'Amina' });
    service.save({ draftId: id, path: 'areas', value: ['labour', 'data'] });
    service.save({ draftId: id, path: 'achievements[r1].title', value: 'Guide' });
    db.close();
    const reopened = openDatabase(file, { migrations: appMigrations });
    const again = createDraftService({ db: reopened, clock: { now: () => new Date() }, questionnaires: { current: () => ({ id: 'x', version: '1' }), find: () => undefined } });
    expect(again.get(id).answers).toEqual({ respondent_name: 'Amina', areas: ['labour', 'data'], 'achievements[r1].title': 'Guide' });
    reopened.close();
  });

  it('records each change as an event with the old and the new value, and skips unchanged saves', () => {
    const { service, db } = setup();
    const { id } = service.create(newDraft);
    service.save({ draftId: id, path: 'q', value: 'a' });
    service.save({ draftId: id, path: 'q', value: 'ab' });
    service.save({ draftId: id, path: 'q', value: 'ab' });
    const events = db.prepare('SELECT path, old_value_json, new_value_json FROM answer_events ORDER BY id').all();
    expect(events).toEqual([
      { path: 'q', old_value_json: null, new_value_json: '"a"' },
      { path: 'q', old_value_json: '"a"', new_value_json: '"ab"' },
    ]);
    db.close();
  });

  it('moves a deleted draft to the trash without losing its answers', () => {
    const { service, db } = setup();
    const { id } = service.create(newDraft);
    service.save({ draftId: id, path: 'q', value: 'kept' });
    expect(service.moveToTrash(id)).toEqual({ deleted: true });
    expect(service.list()).toEqual([]);
    expect(() => service.get(id)).toThrow(AppError);
    expect(db.prepare('SELECT COUNT(*) FROM answers WHERE draft_id = ?').pluck().get(id)).toBe(1);
    db.close();
  });

  it('refuses to save into a draft that does not exist', () => {
    const { service, db } = setup();
    expect(() => service.save({ draftId: crypto.randomUUID(), path: 'q', value: 1 })).toThrow(/does not exist/);
    db.close();
  });
});
