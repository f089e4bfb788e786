import { AppError } from '../../../core/contract/errors.js';
import type { RegisteredSignerRow, SignerSource } from '../../../db/repos/iom/signers.js';
import { isoNow } from '../clock.js';
import type { ImportContext } from './context.js';
import { cardReaderBeside, type ReadList } from './expected-file.js';
import { parseExpectedRows } from './expected-list.js';
import type { KeyCard } from './key-card.js';
import { mechanismChoices, resolveTarget, type RespondentTarget } from './respondent-target.js';
import { ensureRespondent } from './trust-stage.js';

/**
 * The key registry and the list of expected respondents, as IOM staff change them: key cards
 * pre-register a signer for one respondent, the list says who is expected (and may carry their
 * keys). A key is always added for its respondent, never in place of another one's.
 */

type RegistryContext = Pick<ImportContext, 'db' | 'respondents' | 'signers' | 'registry' | 'clock'>;

export const DEFAULT_QUESTIONNAIRE = 'iscm-assessment';

const choicesOf = (ctx: Pick<ImportContext, 'registry'>) => mechanismChoices(ctx.registry.latest(DEFAULT_QUESTIONNAIRE));

export interface CardResult {
  readonly respondentKey: string;
  readonly fingerprint: string;
  /** False when the key was already registered for this respondent. */
  readonly changed: boolean;
}

/**
 * Registers the key on a public key card for one respondent, before their first package. The
 * card names its mechanism (or `target.mechanism` does); whom it answers for (kind, State or
 * organisation) comes from IOM, who knows who sent it. An organisation defaults to the card's.
 */
export function registerKeyCard(ctx: RegistryContext, card: KeyCard, target: Partial<RespondentTarget>, actor: string): CardResult {
  const mechanism = target.mechanism ?? card.mechanism;
  if (!mechanism) throw new AppError('INVALID_INPUT', 'The card does not name its mechanism: give it (--mechanism).');
  if (!target.kind)
    throw new AppError(
      'INVALID_INPUT',
      'Say whom this key answers for: the secretariat, a State (with its name) or an organisation (--kind secretariat|state|organisation, --state or --organisation).',
    );
  const party = target.party ?? (target.kind === 'organisation' ? card.organisation : '');
  const resolved = resolveTarget({ mechanism, mechanismName: target.mechanismName, kind: target.kind, party }, choicesOf(ctx));
  if (!resolved.ok) throw new AppError('INVALID_INPUT', `This card cannot be registered: ${resolved.problem}.`);
  const at = isoNow(ctx.clock);
  const changed = ctx.db
    .transaction(() => {
      const respondent = ensureRespondent(ctx, resolved.who, resolved.mechanism, at);
      const added = ctx.signers.register({
        respondent_id: respondent.id,
        fingerprint: card.fingerprint,
        public_key: card.publicKey,
        name: card.name,
        title: card.title,
        organisation: card.organisation,
        email: card.email,
        source: 'card',
        registered_at: at,
        registered_by: actor,
      });
      if (added)
        ctx.signers.recordEvent({
          mechanism: resolved.who.mechanismKey,
          fingerprint: card.fingerprint,
          public_key: card.publicKey,
          action: 'card',
          actor,
          at,
          respondent_key: resolved.who.key,
          note: `card of ${card.name}`,
        });
      return added;
    })
    .immediate();
  return { respondentKey: resolved.who.key, fingerprint: card.fingerprint, changed };
}

export interface ListResult {
  /** Respondents on the list now. */
  readonly expected: number;
  readonly added: number;
  /** Expected before, not on this list: kept (with their keys and submissions), no longer expected. */
  readonly removed: number;
  /** Keys the list registered (cards or key lines) that were not registered yet. */
  readonly keys: number;
}

/**
 * Loads IOM's list of expected respondents (CSV or XLSX). The list replaces the previous one;
 * every line is checked first, and a list with any bad line changes nothing (BAD_FILE, with
 * each problem and its line in `details.problems`).
 */
export function loadExpectedRespondents(ctx: RegistryContext, { file, rows }: ReadList, actor: string): ListResult {
  const parsed = parseExpectedRows(rows, { mechanisms: choicesOf(ctx), readCard: cardReaderBeside(file) });
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 200);
    throw new AppError(
      'BAD_FILE',
      `${parsed.problems.length === 1 ? 'One line' : `${parsed.problems.length} lines`} of ${file} cannot be used; nothing was changed. ${shown
        .slice(0, 5)
        .map((p) => `Line ${p.line}: ${p.message}.`)
        .join(' ')}`,
      { problems: shown },
    );
  }
  const at = isoNow(ctx.clock);
  return ctx.db
    .transaction((): ListResult => {
      let keys = 0;
      const ids: number[] = [];
      for (const entry of parsed.entries) {
        const respondent = ensureRespondent(ctx, entry.who, entry.mechanism, at);
        ids.push(respondent.id);
        if (!entry.key) continue;
        const source: SignerSource = entry.key.source;
        const added = ctx.signers.register({
          respondent_id: respondent.id,
          fingerprint: entry.key.fingerprint,
          public_key: entry.key.publicKey,
          name: entry.key.name,
          title: entry.key.title,
          organisation: entry.key.organisation,
          email: entry.key.email,
          source,
          registered_at: at,
          registered_by: actor,
        });
        if (!added) continue;
        keys++;
        ctx.signers.recordEvent({
          mechanism: entry.who.mechanismKey,
          fingerprint: entry.key.fingerprint,
          public_key: entry.key.publicKey,
          action: 'list',
          actor,
          at,
          respondent_key: entry.who.key,
          note: `line ${entry.line} of the list of expected respondents`,
        });
      }
      const { added, removed } = ctx.respondents.replaceExpected(ids, at, actor);
      return { expected: ids.length, added, removed, keys };
    })
    .immediate();
}

export type RegisteredSigner = RegisteredSignerRow;

export const listSigners = (ctx: Pick<ImportContext, 'signers'>): RegisteredSigner[] => ctx.signers.all();

export function setRequireRegistered(ctx: Pick<ImportContext, 'settings' | 'clock'>, on: boolean, actor: string): void {
  ctx.settings.setRequireRegistered(on, isoNow(ctx.clock), actor);
}
