import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePathIn } from '../../../main/services/identities/file-output.js';
import { mechanismSlug, packageFileName, respondentSlug, summaryFileName } from '../../../main/services/submissions/package-file-name.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const bali = { value: 'bali_process', label: 'Bali Process' };
const secretariat = { kind: 'secretariat', organisation: 'Bali Process RSO' };

describe('the names of a revision’s files', () => {
  it('say mechanism, respondent and revision: <mechanism>-<respondent>-r<N>.iscm', () => {
    expect(packageFileName({ mechanism: bali, respondent: secretariat, revision: 1 })).toBe('bali_process-secretariat-r1.iscm');
    expect(packageFileName({ mechanism: bali, respondent: { kind: 'state', organisation: 'Ministry', state: 'Côte d’Ivoire' }, revision: 3 })).toBe(
      'bali_process-cote-d-ivoire-r3.iscm',
    );
    expect(packageFileName({ mechanism: bali, respondent: { kind: 'organisation', organisation: 'UNHCR Regional Office' }, revision: 2 })).toBe(
      'bali_process-unhcr-regional-office-r2.iscm',
    );
    expect(summaryFileName({ mechanism: bali, respondent: secretariat, revision: 2 })).toBe('bali_process-secretariat-r2-summary.html');
  });

  it('stay ASCII and safe for any written name, falling back to the kind', () => {
    expect(mechanismSlug({ value: 'other', label: 'Processus de Rabat / Dialogue' })).toBe('other-processus-de-rabat-dialogue');
    expect(mechanismSlug({ value: 'other', label: 'عملية الخرطوم' })).toBe('other');
    expect(respondentSlug({ kind: 'state', organisation: '', state: 'المغرب' })).toBe('state');
    expect(respondentSlug({ kind: 'state', organisation: '', state: '../../etc/passwd' })).toBe('etc-passwd');
    const long = respondentSlug({ kind: 'organisation', organisation: 'x'.repeat(300) });
    expect(long.length).toBeLessThanOrEqual(40);
  });

  it('never name a copy like another revision: a taken name gets " (2)", and the earlier file is kept', async () => {
    const dir = tempDir();
    const name = 'bali_process-secretariat-r1.iscm';
    const first = await freePathIn(dir, name);
    fs.writeFileSync(first, 'first');
    const second = await freePathIn(dir, name);
    expect(path.basename(second)).toBe('bali_process-secretariat-r1 (2).iscm');
    expect(path.basename(second)).not.toMatch(/-r1-2/);
    fs.writeFileSync(second, 'second');
    expect(path.basename(await freePathIn(dir, name))).toBe('bali_process-secretariat-r1 (3).iscm');
    expect(fs.readFileSync(first, 'utf8')).toBe('first');
  });
});
