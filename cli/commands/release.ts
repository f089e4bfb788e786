import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/contract/errors.js';
import {
  DEFAULT_RELEASE_LIMITS,
  DEVELOPMENT_PUBLISHER_KEY,
  DEVELOPMENT_RECIPIENT,
  RELEASE_SIGNATURE_NAMESPACE,
} from '../../core/release/format.js';
import {
  releaseContactSchema,
  releaseRecipientSchema,
  type ReleaseContact,
  type ReleaseText,
} from '../../core/release/manifest.js';
import { ReleaseRefusal } from '../../core/release/refusals.js';
import { formatOpenSshPrivateKey, parseOpenSshPrivateKey } from '../../main/services/crypto/openssh-private-key.js';
import { generateSigningKeyPair, parsePublicKeyLine } from '../../main/services/crypto/ssh-key.js';
import { contactSentence, defaultNotes, IOM_RECIPIENT_LABEL } from '../../main/services/releases/default-texts.js';
import { publishersFileIn, readTrustedPublishers } from '../../main/services/releases/trusted-publishers.js';
import { verifyRelease } from '../../main/services/releases/verify-release.js';
import { createRelease } from '../../main/services/releases/write-release.js';
import { writeFileAtomic } from '../../main/services/atomic-file.js';
import {
  DEFAULT_QUESTIONNAIRES_DIR,
  guarded,
  openService,
  parseCommandLine,
  requireOption,
  UsageError,
  type IomIo,
} from './import.js';
import { writeNewSecretFile } from './keygen.js';
import { createIomService } from '../../main/services/import/iom-service.js';

const USAGE = `usage: iscm release keygen --out FILE [--name NAME]
       iscm release create --questionnaire Q.json --recipient age1… [--recipient age1…] --contact EMAIL|CONTACT.json
                           --key FILE --out R.iscmq [--notes NOTES.json] [--published-at ISO-TIME]
       iscm release verify R.iscmq [--publishers ALLOWED_SIGNERS] [--json]
       iscm release add R.iscmq --db iom.db [--publishers ALLOWED_SIGNERS]     (IOM: a version packages may answer)
       iscm release list --db iom.db [--json]`;

const textSchema = z
  .object({
    en: z.string().trim().min(1),
    fr: z.string().trim().min(1),
    es: z.string().trim().min(1),
    ar: z.string().trim().min(1),
  })
  .strict();

async function readJson(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new AppError('BAD_FILE', `${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--contact`: an email address (the sentence is then written in the four languages), or a JSON file `{ "email"?, "text": { en, fr, es, ar } }`. */
async function contactFrom(value: string): Promise<ReleaseContact> {
  if (/^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(value)) return { email: value, text: contactSentence(value) };
  const parsed = releaseContactSchema.safeParse(await readJson(value, 'the contact file'));
  if (!parsed.success)
    throw new AppError('BAD_FILE', `${value}: a contact is { "email": "…", "text": { "en", "fr", "es", "ar" } }`);
  return parsed.data;
}

async function notesFrom(value: string | undefined, version: string): Promise<ReleaseText> {
  if (value === undefined) return defaultNotes(version);
  const parsed = textSchema.safeParse(await readJson(value, 'the notes file'));
  if (!parsed.success)
    throw new AppError('BAD_FILE', `${value}: release notes are { "en": "…", "fr": "…", "es": "…", "ar": "…" }`);
  return parsed.data;
}

async function exists(file: string): Promise<boolean> {
  return (await fs.lstat(file).catch(() => null)) !== null;
}

/** `iscm release keygen --out FILE`: an OpenSSH Ed25519 key (0600, never over a file), and its allowed_signers line on stdout. */
async function keygen(args: string[], io: IomIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    out: { type: 'string' },
    name: { type: 'string', default: 'iom-questionnaires' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0] ?? ''}`);
  const out = requireOption(values.out, 'out');
  if (!/^[A-Za-z0-9._@-]{1,100}$/.test(values.name))
    throw new UsageError('--name is one word of letters, digits, . _ @ -');
  if (await exists(out)) {
    io.stderr(`iscm release keygen: ${out} already exists; it was left untouched. Choose another file name.\n`);
    return 1;
  }
  const comment = `ISCM questionnaire publisher ${values.name}, created ${new Date().toISOString().slice(0, 10)}`;
  const pair = generateSigningKeyPair(comment);
  try {
    await writeNewSecretFile(out, formatOpenSshPrivateKey(pair.privateKeyPkcs8, comment));
  } finally {
    pair.privateKeyPkcs8.fill(0);
  }
  io.stderr(
    `Publisher key written to ${out} (mode 0600): keep it secret and backed up. Put this line in the app's questionnaires/allowed_signers:\n`,
  );
  io.stdout(`${values.name} namespaces="${RELEASE_SIGNATURE_NAMESPACE}" ${pair.publicKey}\n`);
  return 0;
}

/** `iscm release create`: checks the questionnaire, signs and writes the release (never over a file). */
async function create(args: string[], io: IomIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    questionnaire: { type: 'string' },
    recipient: { type: 'string', multiple: true },
    contact: { type: 'string' },
    key: { type: 'string' },
    out: { type: 'string' },
    notes: { type: 'string' },
    'published-at': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0] ?? ''}`);
  const questionnaireFile = requireOption(values.questionnaire, 'questionnaire');
  const out = requireOption(values.out, 'out');
  const recipients = values.recipient ?? [];
  if (recipients.length === 0)
    throw new UsageError('--recipient is required (IOM’s age1… recipient, from iscm keygen)');
  for (const r of recipients)
    if (!releaseRecipientSchema.shape.age.safeParse(r).success)
      throw new UsageError(`--recipient ${r} is not an age X25519 recipient (age1…)`);
  const publishedAt = values['published-at'] ?? new Date().toISOString();
  if (!z.iso.datetime({ offset: true }).safeParse(publishedAt).success)
    throw new UsageError('--published-at is an ISO 8601 time, e.g. 2026-11-27T10:00:00Z');
  if (await exists(out)) {
    io.stderr(
      `iscm release create: ${out} already exists; it was left untouched. A published release is never replaced: choose another name.\n`,
    );
    return 1;
  }
  let keyText: string;
  try {
    keyText = await fs.readFile(requireOption(values.key, 'key'), 'utf8');
  } catch (error) {
    throw new AppError(
      'BAD_FILE',
      `Cannot read the key ${values.key ?? ''}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let key: ReturnType<typeof parseOpenSshPrivateKey>;
  try {
    key = parseOpenSshPrivateKey(keyText);
  } catch (error) {
    throw new AppError('BAD_FILE', `${values.key ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const questionnaireBytes = await fs.readFile(questionnaireFile).catch((error: unknown) => {
    throw new AppError(
      'BAD_FILE',
      `Cannot read ${questionnaireFile}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const version = (() => {
    try {
      const v = (JSON.parse(questionnaireBytes.toString('utf8')) as { version?: unknown }).version;
      return typeof v === 'string' ? v : '';
    } catch {
      return '';
    }
  })();
  try {
    const created = await createRelease({
      questionnaireBytes,
      recipients: recipients.map((age) => ({ age, label: IOM_RECIPIENT_LABEL })),
      contact: await contactFrom(requireOption(values.contact, 'contact')),
      notes: await notesFrom(values.notes, version),
      publishedAt,
      privateKeyPkcs8: key.privateKeyPkcs8,
    });
    await writeFileAtomic(out, created.bytes);
    const q = created.manifest.questionnaire;
    if (recipients.includes(DEVELOPMENT_RECIPIENT))
      io.stderr('warning: the development recipient is public: packages sealed to it are not real submissions.\n');
    if (parsePublicKeyLine(key.publicKey).blob.equals(parsePublicKeyLine(DEVELOPMENT_PUBLISHER_KEY).blob))
      io.stderr('warning: signed with the public development publisher key: not a real IOM release.\n');
    io.stdout(
      `${out}: ${q.id} ${q.version}, questionnaire SHA-256 ${q.sha256}, signed by ${key.publicKey.split(' ').slice(0, 2).join(' ')}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      const details = error.details as { errors?: { path: string; message: string }[] } | undefined;
      for (const e of details?.errors ?? []) io.stderr(`${questionnaireFile}: ${e.path}: ${e.message}\n`);
    }
    throw error;
  } finally {
    key.privateKeyPkcs8.fill(0);
  }
}

interface VerifyJson {
  readonly ok: boolean;
  readonly code: string;
  readonly message: string;
  readonly id: string | null;
  readonly version: string | null;
}

/** `iscm release verify`: 0 only for a valid release from a trusted publisher. */
async function verify(args: string[], io: IomIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    publishers: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw new UsageError('give exactly one release file');
  const publishersFile = values.publishers ?? publishersFileIn(DEFAULT_QUESTIONNAIRES_DIR);
  const publishers = readTrustedPublishers(publishersFile);
  let result: VerifyJson;
  let detail = '';
  try {
    const info = await fs.stat(file).catch(() => null);
    if (!info?.isFile()) throw new AppError('NOT_FOUND', `There is no file ${file}.`);
    if (info.size > DEFAULT_RELEASE_LIMITS.maxFileBytes)
      throw new ReleaseRefusal(
        'RELEASE_TOO_LARGE',
        `${info.size} bytes, at most ${DEFAULT_RELEASE_LIMITS.maxFileBytes}`,
      );
    const release = await verifyRelease(await fs.readFile(file), publishers);
    const q = release.manifest.questionnaire;
    result = {
      ok: true,
      code: 'OK',
      message: `A valid release of ${q.id} ${q.version}, signed by the trusted publisher ${release.publisher.principal}.`,
      id: q.id,
      version: q.version,
    };
    detail = [
      `publisher: ${release.publisher.principal} ${release.publisher.fingerprint}${release.publisher.development ? ' (development key, not a real IOM release)' : ''}`,
      `published: ${release.manifest.publishedAt}`,
      `recipients: ${release.manifest.recipients.map((r) => r.age).join(', ')}${release.development ? ' (development recipient: not for real submissions)' : ''}`,
      `contact: ${release.manifest.contact.email ?? release.manifest.contact.text.en}`,
    ].join('\n');
  } catch (error) {
    if (!(error instanceof ReleaseRefusal)) throw error;
    result = { ok: false, code: error.code, message: error.message, id: null, version: null };
    detail = error.detail;
  }
  if (values.json) io.stdout(`${JSON.stringify(result)}\n`);
  else io.stdout(`${path.basename(file)}: ${result.ok ? 'OK' : result.code}: ${result.message}\n${detail}\n`);
  return result.ok ? 0 : 1;
}

/** `iscm release add`: IOM records a release in iom.db, after every check; packages of its version then import. */
async function add(args: string[], io: IomIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    db: { type: 'string' },
    publishers: { type: 'string' },
    questionnaires: { type: 'string' },
  });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw new UsageError('give exactly one release file');
  const service = createIomService({
    dbFile: requireOption(values.db, 'db'),
    questionnairesDir: values.questionnaires ?? DEFAULT_QUESTIONNAIRES_DIR,
    // Another list of trusted publishers for this file, instead of the app's own.
    ...(values.publishers !== undefined ? { publishersFile: values.publishers } : {}),
  });
  try {
    const added = await service.addRelease(file, actor());
    io.stdout(
      `${added.alreadyKnown ? 'already known' : 'added'}: ${added.row.questionnaire_id} ${added.row.version} (${added.row.publisher})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ReleaseRefusal) {
      io.stderr(`error: ${error.code}: ${error.message}\n  (${error.detail})\n`);
      return 1;
    }
    throw error;
  } finally {
    service.close();
  }
}

async function list(args: string[], io: IomIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    questionnaires: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0] ?? ''}`);
  const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
  try {
    await service.syncBundled();
    const rows = service.releases();
    if (values.json) io.stdout(`${JSON.stringify({ releases: rows })}\n`);
    else
      for (const r of rows)
        io.stdout(
          `${r.questionnaire_id} ${r.version}  published ${r.published_at} by ${r.publisher}  added ${r.added_at} (${r.source})\n`,
        );
    return 0;
  } finally {
    service.close();
  }
}

function actor(): string {
  return process.env.USER ?? process.env.USERNAME ?? 'iscm';
}

/** `iscm release …` */
export function runReleaseCommand(args: string[], io: IomIo): Promise<number> {
  const [sub, ...rest] = args;
  return guarded(io, USAGE, () => {
    switch (sub) {
      case 'keygen':
        return keygen(rest, io);
      case 'create':
        return create(rest, io);
      case 'verify':
        return verify(rest, io);
      case 'add':
        return add(rest, io);
      case 'list':
        return list(rest, io);
      default:
        throw new UsageError(sub === undefined ? 'which release command?' : `unknown release command "${sub}"`);
    }
  });
}
