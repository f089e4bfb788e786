import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_PUBLISHER_KEY } from '../../../core/release/format.js';
import { readReleaseEntries } from '../../../main/services/releases/read-release.js';
import { verifyRelease } from '../../../main/services/releases/verify-release.js';
import { DEFAULT_RELEASE_LIMITS } from '../../../core/release/format.js';
import { devReleaseName, questionnaireFiles } from '../../../build/dev-releases.js';
import { APP_QUESTIONNAIRES_DIR } from '../../helpers/releases.js';
import { PUBLISHERS } from './release-kit.js';

const BUNDLED = path.join(APP_QUESTIONNAIRES_DIR, 'releases');

describe('the releases the app carries (questionnaires/releases/)', () => {
  it('each questionnaire file has its release, signed by a publisher the app trusts, holding exactly that file', async () => {
    const files = questionnaireFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const { id, version, file } of files) {
      const releaseFile = path.join(BUNDLED, devReleaseName(id, version));
      // Missing or out of date: run `npm run releases:dev` (or put IOM's own release there).
      expect(fs.existsSync(releaseFile), `${releaseFile} (npm run releases:dev)`).toBe(true);
      const bytes = fs.readFileSync(releaseFile);
      const verified = await verifyRelease(bytes, PUBLISHERS);
      expect(verified.manifest.questionnaire).toMatchObject({ id, version });
      expect(
        (await readReleaseEntries(bytes, DEFAULT_RELEASE_LIMITS)).questionnaireBytes.equals(fs.readFileSync(file)),
        `${releaseFile} is out of date (npm run releases:dev)`,
      ).toBe(true);
    }
    expect(fs.readdirSync(BUNDLED).sort()).toEqual(files.map((f) => devReleaseName(f.id, f.version)).sort());
  });

  it('this tree trusts only the development publisher, named and labelled as such', () => {
    expect(PUBLISHERS.problems).toEqual([]);
    expect(
      PUBLISHERS.signers.map((s) => [s.principals[0], `${s.keyType} ${s.keyBlob.toString('base64')}`, s.namespaces]),
    ).toEqual([['iscm-development-publisher', DEVELOPMENT_PUBLISHER_KEY, ['iscm-questionnaire']]]);
    expect(fs.readFileSync(path.join(APP_QUESTIONNAIRES_DIR, 'allowed_signers'), 'utf8')).toMatch(/DEVELOPMENT ONLY/);
  });
});
