import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import { DEVELOPMENT_RECIPIENT } from '../../../core/release/format.js';
import { checkReleaseBuild, runReleaseBuildCheck } from '../../../build/release-build-check.js';
import { makeRelease, newestBundledQuestionnaire } from '../../helpers/releases.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tempDir = useTempDirs();
const IOM_RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const LABEL = { en: 'IOM', fr: 'OIM', es: 'OIM', ar: 'المنظمة الدولية للهجرة' };

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

/** A questionnaires folder as IOM would prepare it for a build for release: its own publisher and release. */
async function iomFolder(recipient = IOM_RECIPIENT): Promise<string> {
  const dir = tempDir();
  const iom = generateSigningKeyPair('IOM publisher');
  fs.writeFileSync(path.join(dir, 'allowed_signers'), `iom-questionnaires namespaces="iscm-questionnaire" ${iom.publicKey}\n`);
  fs.mkdirSync(path.join(dir, 'releases'));
  const release = await makeRelease(newestBundledQuestionnaire().json, { key: iom.privateKeyPkcs8, recipients: [{ age: recipient, label: LABEL }] });
  fs.writeFileSync(path.join(dir, 'releases', 'iscm-assessment.iscmq'), release.bytes);
  return dir;
}

describe('npm run dist refuses a build for release that carries development keys', () => {
  it('npm run dist stops before building, naming the development publisher and recipient', () => {
    const before = fs.existsSync(path.join(ROOT, 'release')) ? fs.readdirSync(path.join(ROOT, 'release')) : null;
    const run = spawnSync('npm', ['run', '-s', 'dist'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('trusts the development publisher');
    expect(run.stderr).toContain('is sealed to the development recipient');
    expect(run.stderr).toContain('npm run dist -- --development');
    // Nothing was built or packaged.
    expect(run.stdout).not.toContain('electron-builder');
    expect(fs.existsSync(path.join(ROOT, 'release')) ? fs.readdirSync(path.join(ROOT, 'release')) : null).toEqual(before);
  });

  it('goes on when told it is a development build, and says so', async () => {
    const { out, io } = capture();
    expect(await runReleaseBuildCheck(['--development'], path.join(ROOT, 'questionnaires'), io)).toBe(0);
    expect(out.stderr).toContain('DEVELOPMENT BUILD: not for real submissions');
  });

  it('goes on for IOM’s own publisher and releases, and refuses one sealed to the development recipient', async () => {
    const good = capture();
    expect(await runReleaseBuildCheck([], await iomFolder(), good.io)).toBe(0);
    expect(good.out.stdout).toMatch(/Carrying: iscm-assessment \d+\.\d+\.\d+/);
    expect(good.out.stderr).toBe('');
    const devRecipient = await iomFolder(DEVELOPMENT_RECIPIENT);
    expect((await checkReleaseBuild(devRecipient)).development).toEqual([expect.stringContaining('sealed to the development recipient')]);
    const refused = capture();
    expect(await runReleaseBuildCheck([], devRecipient, refused.io)).toBe(1);
  });

  it('refuses in any case a release the app itself would refuse', async () => {
    const dir = await iomFolder();
    fs.writeFileSync(path.join(dir, 'allowed_signers'), '# nobody\n');
    const { out, io } = capture();
    expect(await runReleaseBuildCheck(['--development'], dir, io)).toBe(1);
    expect(out.stderr).toContain('RELEASE_PUBLISHER_UNKNOWN');
  });
});
