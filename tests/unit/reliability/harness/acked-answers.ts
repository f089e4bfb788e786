import { createDispatcher } from '../../../../core/contract/dispatch.js';
import type { Draft } from '../../../../core/contract/channels/drafts.js';
import { createAppServices } from '../../../../main/services/app-services.js';
import { QUESTIONNAIRES_DIR } from './child-script.js';

/** An answer the child reported as committed: save number `n` wrote the value `"<n>…"` at `path`. */
export interface Ack {
  readonly n: number;
  readonly path: string;
}

export function parseAcks(lines: readonly string[]): Ack[] {
  const acks: Ack[] = [];
  for (const line of lines) {
    const m = /^ack (\d+) (\S+)$/.exec(line);
    if (m?.[1] && m[2]) acks.push({ n: Number(m[1]), path: m[2] });
  }
  return acks;
}

export const draftIdOf = (lines: readonly string[]): string | undefined =>
  lines.find((l) => l.startsWith('draft '))?.slice('draft '.length);

export interface Reopened {
  readonly integrity: string;
  /** Acked answers that are missing or older than acked. */
  readonly lost: Ack[];
}

/**
 * Reopens the data folder the way the app does (services + dispatcher) and checks
 * every acked answer: the stored value must be from that save or a later one (a
 * later save may have committed without the child living to print it).
 */
export async function reopenAndCheck(dataDir: string, draftId: string, acks: readonly Ack[]): Promise<Reopened> {
  const services = createAppServices({ dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' });
  try {
    const integrity = String(services.db.pragma('integrity_check', { simple: true }));
    const got = await createDispatcher(services.handlers)('drafts.get', { id: draftId });
    if (!got.ok) throw new Error(`drafts.get failed after the crash: ${got.error.message}`);
    const answers = (got.value as Draft).answers;
    const newestAck = new Map<string, number>();
    for (const a of acks) newestAck.set(a.path, Math.max(a.n, newestAck.get(a.path) ?? -1));
    const lost = acks.filter((a) => {
      const stored = answers[a.path];
      const n = typeof stored === 'string' ? Number.parseInt(stored, 10) : Number.NaN;
      return !(n >= (newestAck.get(a.path) ?? a.n));
    });
    return { integrity, lost };
  } finally {
    services.close();
  }
}
