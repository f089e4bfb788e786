import { AppError } from '../../../core/contract/errors.js';
import { isoNow } from '../clock.js';
import type { ImportContext } from './context.js';
import { chooseCountedChain, possibleDuplicates, type ChainOfRespondent } from './trust-rules.js';

/**
 * Possible duplicates (rule D1) and IOM's choice between them (rule D2): the chosen chain counts,
 * the respondent's other chains are kept as withdrawn, never deleted, with who and when.
 */

type DuplicatesContext = Pick<ImportContext, 'db' | 'chains' | 'respondents' | 'clock'>;

export function chainsOfRespondents(ctx: Pick<ImportContext, 'chains' | 'respondents'>): ChainOfRespondent[] {
  const keys = new Map(ctx.respondents.all().map((r) => [r.id, r.respondent_key]));
  return ctx.chains.all().map((c) => ({ rootId: c.root_id, respondentKey: keys.get(c.respondent_id) ?? '', state: c.state }));
}

/** Respondent key → the root ids of its counted chains, for every respondent with two or more. */
export const findDuplicates = (ctx: Pick<ImportContext, 'chains' | 'respondents'>): Map<string, string[]> =>
  possibleDuplicates(chainsOfRespondents(ctx));

export interface ChoiceResult {
  readonly respondentKey: string;
  readonly counted: string;
  readonly withdrawn: readonly string[];
}

export function chooseChain(ctx: DuplicatesContext, rootId: string, actor: string): ChoiceResult {
  const by = actor.trim().slice(0, 200);
  if (by === '') throw new AppError('INVALID_INPUT', 'Say who takes the decision: it is recorded with the choice.');
  const chain = ctx.chains.get(rootId);
  if (!chain) throw new AppError('NOT_FOUND', `No submission with root id ${rootId} is imported.`);
  const respondentKey = ctx.respondents.byId(chain.respondent_id)?.respondent_key ?? '';
  const group = ctx.chains.forRespondent(chain.respondent_id).map((c) => ({ rootId: c.root_id, respondentKey, state: c.state }));
  const choice = chooseCountedChain(group, rootId);
  if (!choice.ok) throw new AppError('NOT_FOUND', `Submission ${rootId} is not one of its respondent's.`);
  const at = isoNow(ctx.clock);
  ctx.db
    .transaction(() => {
      for (const other of choice.withdraw) {
        ctx.chains.setState(other, 'withdrawn', by, at);
        ctx.chains.recordEvent({ root_id: other, action: 'withdrawn', actor: by, at, note: `possible duplicate of ${rootId}, which counts` });
      }
      if (chain.state !== 'counted' || choice.withdraw.length > 0) {
        ctx.chains.setState(rootId, 'counted', by, at);
        ctx.chains.recordEvent({ root_id: rootId, action: 'counted', actor: by, at, note: choice.withdraw.length > 0 ? `chosen over ${choice.withdraw.join(', ')}` : 'chosen' });
      }
    })
    .immediate();
  return { respondentKey, counted: rootId, withdrawn: choice.withdraw };
}
