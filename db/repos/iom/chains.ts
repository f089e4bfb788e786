import type { Db } from '../../open.js';

export type ChainState = 'counted' | 'withdrawn';

/** A revision chain (root id) and what it is bound to. */
export interface ChainRow {
  readonly root_id: string;
  readonly fingerprint: string;
  readonly public_key: string;
  readonly signer_name: string;
  /** The mechanism key the chain is bound to. */
  readonly mechanism: string;
  readonly respondent_kind: string;
  /** The respondent of the chain's current revision. */
  readonly respondent_id: number;
  readonly bound_at: string;
  readonly bound_by_submission: string;
  /** The key was not registered for the respondent when the chain was bound ("new signer"). */
  readonly new_signer: number;
  readonly state: ChainState;
  readonly state_by: string | null;
  readonly state_at: string | null;
}
export type NewChain = Omit<ChainRow, 'state' | 'state_by' | 'state_at'>;

export interface ChainEventRow {
  readonly id: number;
  readonly root_id: string;
  readonly action: 'bound' | 'counted' | 'withdrawn';
  readonly actor: string;
  readonly at: string;
  readonly note: string;
}

/** Statements over `chains` and `chain_events`. */
export function chainsRepo(db: Db) {
  const get = db.prepare<[string], ChainRow>('SELECT * FROM chains WHERE root_id = ?');
  const all = db.prepare<[], ChainRow>('SELECT * FROM chains ORDER BY bound_at, root_id');
  const forRespondent = db.prepare<[number], ChainRow>('SELECT * FROM chains WHERE respondent_id = ? ORDER BY bound_at, root_id');
  const bind = db.prepare<NewChain>(
    `INSERT INTO chains (root_id, fingerprint, public_key, signer_name, mechanism, respondent_kind, respondent_id, bound_at,
       bound_by_submission, new_signer)
     VALUES (@root_id, @fingerprint, @public_key, @signer_name, @mechanism, @respondent_kind, @respondent_id, @bound_at,
       @bound_by_submission, @new_signer)`,
  );
  const fileUnder = db.prepare<[number, string]>('UPDATE chains SET respondent_id = ? WHERE root_id = ?');
  const setState = db.prepare<[string, string, string, string]>('UPDATE chains SET state = ?, state_by = ?, state_at = ? WHERE root_id = ?');
  const event = db.prepare<Omit<ChainEventRow, 'id'>>(
    'INSERT INTO chain_events (root_id, action, actor, at, note) VALUES (@root_id, @action, @actor, @at, @note)',
  );
  const events = db.prepare<[string], ChainEventRow>('SELECT * FROM chain_events WHERE root_id = ? ORDER BY id');
  return {
    get: (rootId: string) => get.get(rootId),
    all: () => all.all(),
    forRespondent: (respondentId: number) => forRespondent.all(respondentId),
    bind: (row: NewChain) => bind.run(row),
    /** Files the chain under the respondent of its current revision. */
    fileUnder: (rootId: string, respondentId: number) => fileUnder.run(respondentId, rootId),
    setState: (rootId: string, state: ChainState, by: string, at: string) => setState.run(state, by, at, rootId),
    recordEvent: (e: Omit<ChainEventRow, 'id'>) => event.run(e),
    events: (rootId: string) => events.all(rootId),
  };
}
export type ChainsRepo = ReturnType<typeof chainsRepo>;
