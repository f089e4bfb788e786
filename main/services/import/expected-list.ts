import type { RespondentIdentity } from '../../../core/trust/respondent.js';
import { fingerprintOf, parsePublicKeyLine } from '../crypto/ssh-key.js';
import type { KeyCard } from './key-card.js';
import { resolveTarget, TARGET_PROBLEM_CODES, type MechanismChoice } from './respondent-target.js';

/**
 * IOM's list of expected respondents, from the rows of a CSV file or an XLSX sheet. The first
 * row names the columns (any order, any case; other columns are ignored):
 *
 *   mechanism              a choice value of the questionnaire's list, or `other`   (required)
 *   mechanism_name         the name of an `other` mechanism
 *   kind                   secretariat, state or organisation                      (required)
 *   state_or_organisation  the State or the organisation (required for those kinds)
 *   key_card               a public key card file, relative to the list's folder   (optional)
 *   public_key             an `ssh-ed25519 AAAA…` line, instead of a card          (optional)
 *   name                   the signer's name, when only `public_key` is given      (optional)
 *
 * Every line is checked before anything is written, and every problem is reported with its
 * line number, so a bad file changes nothing.
 */

export const EXPECTED_COLUMNS = ['mechanism', 'mechanism_name', 'kind', 'state_or_organisation', 'key_card', 'public_key', 'name'] as const;
type Column = (typeof EXPECTED_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['mechanism', 'kind'];

export interface ExpectedKey {
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly email: string;
  readonly source: 'card' | 'list';
}

export interface ExpectedEntry {
  /** 1-based, as a spreadsheet numbers it. */
  readonly line: number;
  readonly who: RespondentIdentity;
  readonly mechanism: MechanismChoice;
  readonly key?: ExpectedKey;
}

export const LIST_PROBLEM_CODES = [
  ...TARGET_PROBLEM_CODES,
  'empty',
  'header_missing',
  'same_respondent',
  'card_unreadable',
  'card_other_mechanism',
  'key_and_card',
  'key_invalid',
] as const;
export type LineProblemCode = (typeof LIST_PROBLEM_CODES)[number];

/** A bad line: a code (the workspace words it) with its values, and the same in an English sentence. */
export interface LineProblem {
  readonly line: number;
  readonly code: LineProblemCode;
  readonly params: Readonly<Record<string, string>>;
  readonly message: string;
}

export type ParsedList = { readonly ok: true; readonly entries: readonly ExpectedEntry[] } | { readonly ok: false; readonly problems: readonly LineProblem[] };

/** One row of the file, with the line (CSV) or row number (XLSX) a person sees it at. */
export interface ListRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface ListContext {
  readonly mechanisms: ReadonlyMap<string, MechanismChoice>;
  /** Reads a key card named by the list (relative to its folder): the card, or why not. */
  readonly readCard: (reference: string) => KeyCard | string;
}

const columnName = (header: string): string => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

type KeyProblem = Omit<LineProblem, 'line'>;

function keyOf(cells: Partial<Record<Column, string>>, ctx: ListContext): ExpectedKey | KeyProblem | undefined {
  const card = cells.key_card ?? '';
  const line = cells.public_key ?? '';
  if (card !== '' && line !== '') return { code: 'key_and_card', params: {}, message: 'give key_card or public_key, not both' };
  if (card !== '') {
    const read = ctx.readCard(card);
    if (typeof read === 'string') return { code: 'card_unreadable', params: { card, reason: read }, message: `key card ${card}: ${read}` };
    const mechanism = (cells.mechanism ?? '').trim();
    if (read.mechanism !== null && read.mechanism !== mechanism)
      return {
        code: 'card_other_mechanism',
        params: { card, cardMechanism: read.mechanism, mechanism },
        message: `key card ${card} is for mechanism "${read.mechanism}", not "${mechanism}"`,
      };
    return { publicKey: read.publicKey, fingerprint: read.fingerprint, name: read.name, title: read.title, organisation: read.organisation, email: read.email, source: 'card' };
  }
  if (line === '') return undefined;
  try {
    parsePublicKeyLine(line);
    return { publicKey: line, fingerprint: fingerprintOf(line), name: cells.name ?? '', title: '', organisation: '', email: '', source: 'list' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { code: 'key_invalid', params: { reason }, message: `public_key is not an ssh-ed25519 key line (${reason})` };
  }
}

export function parseExpectedRows(rows: readonly ListRow[], ctx: ListContext): ParsedList {
  const problems: LineProblem[] = [];
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header)
    return { ok: false, problems: [{ line: 1, code: 'empty', params: {}, message: 'the list is empty: its first row names the columns (mechanism, kind, …)' }] };
  const names = header.cells.map(columnName);
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      problems: [
        {
          line: header.line,
          code: 'header_missing',
          params: { columns: missing.join(', ') },
          message: `the header row has no column ${missing.join(', ')} (columns: ${EXPECTED_COLUMNS.join(', ')})`,
        },
      ],
    };
  const at = (column: Column): number => names.indexOf(column);
  const entries: ExpectedEntry[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line, cells: row }, i) => {
    if (i <= headerIndex || row.every((c) => c.trim() === '')) return;
    const cells: Partial<Record<Column, string>> = {};
    for (const column of EXPECTED_COLUMNS) {
      const index = at(column);
      if (index >= 0) cells[column] = (row[index] ?? '').trim();
    }
    const resolved = resolveTarget(
      { mechanism: cells.mechanism ?? '', mechanismName: cells.mechanism_name, kind: cells.kind ?? '', party: cells.state_or_organisation },
      ctx.mechanisms,
    );
    if (!resolved.ok) {
      problems.push({ line, ...resolved.detail });
      return;
    }
    const earlier = seen.get(resolved.who.key);
    if (earlier !== undefined) {
      problems.push({ line, code: 'same_respondent', params: { line: String(earlier) }, message: `the same respondent as line ${earlier}` });
      return;
    }
    seen.set(resolved.who.key, line);
    const key = keyOf(cells, ctx);
    if (key && 'code' in key) {
      problems.push({ line, ...key });
      return;
    }
    entries.push({ line, who: resolved.who, mechanism: resolved.mechanism, ...(key ? { key } : {}) });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entries };
}
