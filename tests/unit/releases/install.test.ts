import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import type { ReleaseInfo, ReleasePreview } from '../../../core/contract/channels/releases.js';
import { makeRelease, newestBundledQuestionnaire } from '../../helpers/releases.js';
import { useReleaseApp } from './app-kit.js';
import { NEW_RECIPIENT, NEXT, OTHER_PUBLISHER, release, resigned, rezip, SOURCE } from './release-kit.js';

const start = useReleaseApp();
const LABEL = { en: 'IOM', fr: 'OIM', es: 'OIM', ar: 'المنظمة الدولية للهجرة' };
const next = await release(NEXT.json, [{ age: NEW_RECIPIENT, label: LABEL }]);
const questionnaire = Buffer.from(`${JSON.stringify(NEXT.json, null, 2)}\n`);

describe('installing a questionnaire release', () => {
  it('shows the version, notes and what changes before installing; installs into the data folder; new drafts use it', async () => {
    const app = start();
    const old = await app.call<DraftSummary>('drafts.create', {
      title: 'Bali',
      respondentKind: 'secretariat',
      mechanism: 'bali_process',
      language: 'en',
    });
    expect(old.questionnaireVersion).toBe(SOURCE.version);
    app.choose('next.iscmq', next.bytes);
    const before = app.snapshot();
    const { preview } = await app.call<{ preview: ReleasePreview }>('releases.pick');
    expect(app.snapshot()).toEqual(before); // a preview writes nothing
    expect(preview).toMatchObject({
      kind: 'update',
      previousVersion: SOURCE.version,
      fileName: 'next.iscmq',
      draftsToMove: 1,
    });
    expect(preview.release).toMatchObject({
      id: SOURCE.id,
      version: NEXT.version,
      installedAt: null,
      development: false,
      publisher: { principal: 'iscm-development-publisher', development: true },
    });
    expect(preview.release.notes.en).toContain(NEXT.version);
    expect(preview.diff).toEqual({
      added: [NEXT.added],
      removed: [NEXT.removed],
      changed: expect.arrayContaining([
        expect.objectContaining({ id: NEXT.retyped, changes: ['type'] }),
        expect.objectContaining({ id: NEXT.droppedChoice.question, removedChoices: [NEXT.droppedChoice.value] }),
      ]) as unknown,
    });
    expect(Object.keys(preview.labels).sort()).toEqual(
      [NEXT.added, NEXT.removed, NEXT.retyped, NEXT.droppedChoice.question].sort(),
    );
    const installed = await app.call<{ release: ReleaseInfo; alreadyInstalled: boolean }>('releases.install', {
      stagedId: preview.stagedId,
    });
    expect(installed.alreadyInstalled).toBe(false);
    expect(installed.release.recipients).toEqual([{ age: NEW_RECIPIENT, label: LABEL, development: false }]);
    expect(fs.readFileSync(path.join(app.dataDir, 'releases', SOURCE.id as string, `${NEXT.version}.iscmq`))).toEqual(
      next.bytes,
    );
    expect(await app.call('questionnaires.current')).toEqual({ id: SOURCE.id, version: NEXT.version });
    const fresh = await app.call<DraftSummary>('drafts.create', {
      title: 'New',
      respondentKind: 'state',
      mechanism: null,
      language: 'fr',
    });
    expect(fresh.questionnaireVersion).toBe(NEXT.version);
    // The same file again: recognised, nothing written.
    app.choose('again.iscmq', next.bytes);
    const again = await app.call<{ preview: ReleasePreview }>('releases.pick');
    expect(again.preview).toMatchObject({ kind: 'installed', diff: null });
    const snapshot = app.snapshot();
    expect(await app.call('releases.install', { stagedId: again.preview.stagedId })).toMatchObject({
      alreadyInstalled: true,
    });
    expect(app.snapshot()).toEqual(snapshot);
    // A cancelled dialog is no preview.
    app.cancel();
    expect(await app.call('releases.pick')).toEqual({ preview: null });
  });

  it('keeps installed releases across restarts, and never uses one changed on disk (it stays, listed)', async () => {
    const first = start();
    first.choose('next.iscmq', next.bytes);
    const { preview } = await first.call<{ preview: ReleasePreview }>('releases.pick');
    await first.call('releases.install', { stagedId: preview.stagedId });
    first.services.close();
    const file = path.join(first.dataDir, 'releases', SOURCE.id as string, `${NEXT.version}.iscmq`);
    const second = start({ dataDir: first.dataDir });
    expect(await second.call('questionnaires.current')).toEqual({ id: SOURCE.id, version: NEXT.version });
    second.services.close();
    // Someone edits the installed file: it no longer verifies, is not used, and is kept as it is.
    const tampered = await rezip({
      manifest: next.manifestBytes,
      signature: next.signature,
      questionnaire: Buffer.from(questionnaire.toString().replace('New question', 'Other question')),
    });
    fs.writeFileSync(file, tampered);
    const third = start({ dataDir: first.dataDir });
    expect(await third.call('questionnaires.current')).toEqual({ id: SOURCE.id, version: SOURCE.version });
    const list = await third.call<{ problems: { file: string; code: string }[] }>('releases.list');
    expect(list.problems).toEqual([expect.objectContaining({ file, code: 'RELEASE_SIGNATURE_INVALID' })]);
    expect(fs.readFileSync(file)).toEqual(tampered);
  });

  it('refuses hostile files, each with its own code, and writes nothing', async () => {
    const app = start();
    await app.call('questionnaires.current');
    const older = await makeRelease({ ...NEXT.json, version: '0.9.0' });
    const conflicting = await release(NEXT.json); // same version, other recipient
    const cases: [string, Buffer, string][] = [
      [
        'tampered-definition.iscmq',
        await rezip({
          manifest: next.manifestBytes,
          signature: next.signature,
          questionnaire: Buffer.from(questionnaire.toString().replace('New question', 'X')),
        }),
        'RELEASE_SIGNATURE_INVALID',
      ],
      [
        'tampered-manifest.iscmq',
        await rezip({
          manifest: Buffer.from(Buffer.from(next.manifestBytes).toString().replace('"IOM"', '"ION"')),
          signature: next.signature,
          questionnaire,
        }),
        'RELEASE_SIGNATURE_INVALID',
      ],
      [
        'other-publisher.iscmq',
        await rezip({ ...resigned(next.manifest, { key: OTHER_PUBLISHER.privateKeyPkcs8 }), questionnaire }),
        'RELEASE_PUBLISHER_UNKNOWN',
      ],
      [
        'wrong-namespace.iscmq',
        await rezip({ ...resigned(next.manifest, { namespace: 'iscm-submission' }), questionnaire }),
        'RELEASE_SIGNATURE_INVALID',
      ],
      ['downgrade.iscmq', older.bytes, 'RELEASE_DOWNGRADE'],
      ['oversized.iscmq', Buffer.concat([next.bytes, Buffer.alloc(9 * 2 ** 20)]), 'RELEASE_TOO_LARGE'],
      ['not-a-release.iscmq', Buffer.from('%PDF-1.4 a report'), 'RELEASE_NOT_A_RELEASE'],
      [
        'invalid-questionnaire.iscmq',
        await rezip({
          ...resigned({
            ...next.manifest,
            questionnaire: {
              ...next.manifest.questionnaire,
              size: 2,
              sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
            },
          }),
          questionnaire: Buffer.from('{}'),
        }),
        'RELEASE_QUESTIONNAIRE_INVALID',
      ],
    ];
    const before = app.snapshot();
    for (const [name, bytes, code] of cases) {
      app.choose(name, bytes);
      const error = await app.refuse('releases.pick');
      expect(error.code, name).toBe(code);
      expect(error.details, name).toMatchObject({ fileName: name });
      expect(app.snapshot(), name).toEqual(before);
    }
    // Same version with other content: previewed as an update first, refused once the other is installed.
    app.choose('next.iscmq', next.bytes);
    await app.call('releases.install', {
      stagedId: (await app.call<{ preview: ReleasePreview }>('releases.pick')).preview.stagedId,
    });
    const installedSnapshot = app.snapshot();
    app.choose('conflict.iscmq', conflicting.bytes);
    expect((await app.refuse('releases.pick')).code).toBe('RELEASE_VERSION_CONFLICT');
    expect(app.snapshot()).toEqual(installedSnapshot);
  });

  it('a release staged before another install is checked again when installed (no downgrade slips through)', async () => {
    const app = start();
    const bundled = newestBundledQuestionnaire();
    const middle = await makeRelease({
      ...bundled.json,
      version: NEXT.version.replace(/\d+$/, (n) => String(Number(n) + 1)),
    });
    app.choose('next.iscmq', next.bytes);
    const first = (await app.call<{ preview: ReleasePreview }>('releases.pick')).preview;
    app.choose('middle.iscmq', middle.bytes);
    const second = (await app.call<{ preview: ReleasePreview }>('releases.pick')).preview;
    await app.call('releases.install', { stagedId: second.stagedId });
    const before = app.snapshot();
    expect((await app.refuse('releases.install', { stagedId: first.stagedId })).code).toBe('RELEASE_DOWNGRADE');
    expect(app.snapshot()).toEqual(before);
    expect((await app.refuse('releases.install', { stagedId: '00000000-0000-4000-8000-000000000000' })).code).toBe(
      'NOT_FOUND',
    );
  });
});
