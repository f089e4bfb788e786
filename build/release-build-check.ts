// The check `npm run dist` runs before it builds anything: a build for release must not carry
// the development publisher (tests/fixtures/keys/publisher-dev.key, public) nor a release sealed
// to the development recipient (whose identity is public too). Such a build is refused unless it
// is declared a development build (`npm run dist -- --development`); the app then says so in
// its window title, since it trusts the development publisher.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEVELOPMENT_PUBLISHER_KEY, DEVELOPMENT_RECIPIENT } from '../core/release/format.js';
import { ReleaseRefusal } from '../core/release/refusals.js';
import { parsePublicKeyLine } from '../main/services/crypto/ssh-key.js';
import { bundledReleasesIn, publishersFileIn, readTrustedPublishers } from '../main/services/releases/trusted-publishers.js';
import { verifyRelease } from '../main/services/releases/verify-release.js';

export interface BuildCheck {
  /** What makes this a development build (refused for release). */
  readonly development: readonly string[];
  /** What is wrong in any build (a release the app would refuse, an unreadable publishers file). */
  readonly broken: readonly string[];
  readonly releases: readonly string[];
}

const developmentBlob = parsePublicKeyLine(DEVELOPMENT_PUBLISHER_KEY).blob;

/** Looks at what the app would carry from `questionnairesDir`: its publishers and its bundled releases. */
export async function checkReleaseBuild(questionnairesDir: string): Promise<BuildCheck> {
  const development: string[] = [];
  const broken: string[] = [];
  const publishersFile = publishersFileIn(questionnairesDir);
  const publishers = readTrustedPublishers(publishersFile);
  for (const p of publishers.problems) broken.push(`${publishersFile}${p.line > 0 ? `:${p.line}` : ''}: ${p.message}`);
  for (const s of publishers.signers)
    if (s.keyBlob.equals(developmentBlob)) development.push(`${publishersFile}:${s.line} trusts the development publisher (${s.principals.join(',')})`);
  if (publishers.signers.length === 0) broken.push(`${publishersFile} trusts no publisher: no release could ever be installed`);
  const dir = bundledReleasesIn(questionnairesDir);
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((n) => n.endsWith('.iscmq')).sort();
  const releases: string[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    try {
      const release = await verifyRelease(fs.readFileSync(file), publishers);
      const q = release.manifest.questionnaire;
      releases.push(`${q.id} ${q.version}`);
      if (release.publisher.development) development.push(`${file} is signed by the development publisher`);
      if (release.manifest.recipients.some((r) => r.age === DEVELOPMENT_RECIPIENT)) development.push(`${file} is sealed to the development recipient`);
    } catch (error) {
      if (!(error instanceof ReleaseRefusal)) throw error;
      broken.push(`${file}: ${error.code}: ${error.detail}`);
    }
  }
  return { development, broken, releases };
}

/** Exit code: 0 to go on with the build, 1 to stop it (the reasons on stderr). */
export async function runReleaseBuildCheck(args: readonly string[], questionnairesDir: string, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const developmentBuild = args.includes('--development');
  const result = await checkReleaseBuild(questionnairesDir);
  for (const line of result.broken) io.stderr(`error: ${line}\n`);
  if (result.broken.length > 0) {
    io.stderr('The app would refuse what it carries: fix the above before building.\n');
    return 1;
  }
  if (result.releases.length === 0) io.stderr('warning: the app carries no questionnaire release: a new install will ask for a questionnaire file.\n');
  if (result.development.length > 0 && !developmentBuild) {
    for (const line of result.development) io.stderr(`refused: ${line}\n`);
    io.stderr(
      [
        'A build for release must not carry the development publisher or recipient: their keys are public.',
        '  Put IOM’s publisher line in questionnaires/allowed_signers (iscm release keygen prints it),',
        '  and IOM’s releases in questionnaires/releases/ (iscm release create), then build again.',
        '  To build for development and testing only, run: npm run dist -- --development',
        '',
      ].join('\n'),
    );
    return 1;
  }
  if (developmentBuild) io.stderr(`DEVELOPMENT BUILD: not for real submissions (${result.development.join('; ') || 'declared with --development'}).\n`);
  io.stdout(`Carrying: ${result.releases.join(', ') || 'no release'}.\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(import.meta.dirname, '..');
  process.exitCode = await runReleaseBuildCheck(process.argv.slice(2), path.join(root, 'questionnaires'), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
}
