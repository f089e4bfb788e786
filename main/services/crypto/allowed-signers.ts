import { timingSafeEqual } from 'node:crypto';
import { fingerprintOfBlob } from './ssh-key.js';

/**
 * OpenSSH `allowed_signers` files (ssh-keygen(1), "ALLOWED SIGNERS"): one key per line,
 *
 *   principals [options] keytype base64-key [comment]
 *
 * principals are comma-separated patterns (`*`, `?`, `!` to negate); the options understood
 * here are `namespaces="…"`, `valid-after="…"`, `valid-before="…"` and `cert-authority` (a
 * certificate authority never matches a plain key, so such a line is skipped). The app trusts
 * the questionnaire publishers named in its own file, exactly as `ssh-keygen -Y verify -f`
 * would with the same file.
 */

export interface AllowedSigner {
  /** 1-based, for messages. */
  readonly line: number;
  readonly principals: readonly string[];
  readonly keyType: string;
  readonly keyBlob: Buffer;
  readonly fingerprint: string;
  readonly namespaces?: readonly string[];
  readonly validAfter?: Date;
  readonly validBefore?: Date;
  readonly certAuthority: boolean;
}

export interface AllowedSigners {
  readonly signers: readonly AllowedSigner[];
  /** Lines that could not be read, each with its number and why (they trust nobody). */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

const KEY_TYPE =
  /^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com|[a-z0-9-]+-cert-v01@openssh\.com)$/;

/** Splits on blanks, keeping "quoted strings" (with their quotes) inside one token. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === ' ' || c === '\t')) {
      if (current !== '') out.push(current);
      current = '';
    } else current += c;
  }
  if (quoted) throw new Error('a quote is not closed');
  if (current !== '') out.push(current);
  return out;
}

/** `YYYYMMDD[HHMM[SS]][Z]`: UTC with Z, the local time without, as ssh-keygen reads it. */
export function parseSignerTime(text: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z)?$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a time (YYYYMMDD[HHMM[SS]][Z])`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', z] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const date = z ? new Date(Date.UTC(...parts)) : new Date(...parts);
  if (Number.isNaN(date.getTime())) throw new Error(`"${text}" is not a valid time`);
  return date;
}

function splitOptions(options: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of options) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

const unquote = (value: string): string => (value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

function parseLine(text: string, line: number): AllowedSigner {
  const parts = tokens(text);
  const [principalText, second] = parts;
  if (principalText === undefined || second === undefined) throw new Error('expected principals, then a key');
  const hasOptions = !KEY_TYPE.test(second);
  const [keyType, base64] = hasOptions ? [parts[2], parts[3]] : [second, parts[2]];
  if (keyType === undefined || !KEY_TYPE.test(keyType)) throw new Error('no key type (e.g. ssh-ed25519)');
  if (base64 === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64))
    throw new Error('no base64 key after the key type');
  const keyBlob = Buffer.from(base64, 'base64');
  const signer: { -readonly [K in keyof AllowedSigner]: AllowedSigner[K] } = {
    line,
    principals: principalText.split(',').filter((p) => p !== ''),
    keyType,
    keyBlob,
    fingerprint: fingerprintOfBlob(keyBlob),
    certAuthority: false,
  };
  if (hasOptions) {
    for (const option of splitOptions(second)) {
      const eq = option.indexOf('=');
      const name = (eq < 0 ? option : option.slice(0, eq)).toLowerCase();
      const value = eq < 0 ? '' : unquote(option.slice(eq + 1));
      if (name === 'cert-authority') signer.certAuthority = true;
      else if (name === 'namespaces') signer.namespaces = value.split(',').filter((n) => n !== '');
      else if (name === 'valid-after') signer.validAfter = parseSignerTime(value);
      else if (name === 'valid-before') signer.validBefore = parseSignerTime(value);
      else throw new Error(`unknown option "${name}"`);
    }
  }
  return signer;
}

export function parseAllowedSigners(text: string): AllowedSigners {
  const signers: AllowedSigner[] = [];
  const problems: { line: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    try {
      signers.push(parseLine(line, i + 1));
    } catch (error) {
      problems.push({ line: i + 1, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return { signers, problems };
}

/** OpenSSH's match_pattern: `*` any run, `?` any one character. */
function matchPattern(text: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(text);
}

/** OpenSSH's match_pattern_list: the first negated pattern that matches refuses. */
function matchPatternList(text: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (matchPattern(text, p.slice(1))) return false;
    } else if (matchPattern(text, p)) matched = true;
  }
  return matched;
}

const sameBlob = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/**
 * The line that trusts `keyBlob` to sign for `namespace` at `now`, or undefined. The first
 * matching line wins (as in `ssh-keygen -Y find-principals`); its first principal names the
 * publisher.
 */
export function findAllowedSigner(
  signers: AllowedSigners,
  keyBlob: Buffer,
  namespace: string,
  now: Date = new Date(),
): AllowedSigner | undefined {
  return signers.signers.find(
    (s) =>
      !s.certAuthority &&
      sameBlob(s.keyBlob, keyBlob) &&
      (s.namespaces === undefined || matchPatternList(namespace, s.namespaces)) &&
      (s.validAfter === undefined || now >= s.validAfter) &&
      (s.validBefore === undefined || now <= s.validBefore),
  );
}
