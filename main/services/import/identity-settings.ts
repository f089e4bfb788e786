import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../core/contract/errors.js';
import { generateAgeIdentity, parseIdentityFile, recipientOfIdentity } from '../crypto/age.js';
import { writeFileAtomic } from '../atomic-file.js';
import { IDENTITY_FILE_MAX_BYTES } from '../files/limits.js';
import { readTextFile } from '../files/regular-file.js';

/**
 * Which age identity the desktop workspace decrypts with: a file path remembered in
 * `iom-settings.json` beside iom.db (the secret itself is never copied into the database).
 */
const settingsSchema = z.object({ identityPath: z.string().min(1).max(4096) }).strict();

export function createIdentitySettings(dataDir: string) {
  const settingsFile = path.join(dataDir, 'iom-settings.json');
  const defaultPath = path.join(dataDir, 'iom-identity.txt');
  const identityPath = (): string => {
    try {
      return settingsSchema.parse(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).identityPath;
    } catch {
      return defaultPath;
    }
  };
  // A regular file of identity size only: a FIFO, a device or a huge file is refused without waiting or reading.
  const read = async (file: string): Promise<string> => {
    const text = await readTextFile(file, { what: 'The identity file', maxBytes: IDENTITY_FILE_MAX_BYTES });
    try {
      return parseIdentityFile(text);
    } catch (error) {
      throw new AppError('BAD_FILE', `${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    identityPath,
    /** The identity in use, or undefined when none is set up yet. */
    identity: async (): Promise<string | undefined> => {
      const file = identityPath();
      return fs.existsSync(file) ? read(file) : undefined;
    },
    recipient: async (): Promise<string | null> => {
      const file = identityPath();
      return fs.existsSync(file) ? recipientOfIdentity(await read(file)) : null;
    },
    use: async (file: string): Promise<void> => {
      const absolute = path.resolve(file);
      await read(absolute);
      await writeFileAtomic(settingsFile, `${JSON.stringify({ identityPath: absolute })}\n`);
    },
    /** A new identity at the default path, mode 0600; never over an existing file. */
    create: async (): Promise<void> => {
      if (fs.existsSync(defaultPath)) throw new AppError('CONFLICT', `An identity already exists at ${defaultPath}; it was left untouched.`);
      const { identity, recipient } = await generateAgeIdentity();
      const text = `# ISCM Assessment: IOM's age identity. Keep it secret and backed up.\n# public key: ${recipient}\n${identity}\n`;
      fs.mkdirSync(dataDir, { recursive: true });
      // A complete private temp file, then a hard link: the link fails if the target exists,
      // so an identity is never replaced and never seen half-written.
      const temp = `${defaultPath}.${process.pid}.tmp`;
      const handle = fs.openSync(temp, 'wx', 0o600);
      try {
        fs.writeFileSync(handle, text);
        fs.fsyncSync(handle);
      } finally {
        fs.closeSync(handle);
      }
      try {
        fs.linkSync(temp, defaultPath);
      } finally {
        fs.rmSync(temp, { force: true });
      }
      await writeFileAtomic(settingsFile, `${JSON.stringify({ identityPath: defaultPath })}\n`);
    },
  };
}
