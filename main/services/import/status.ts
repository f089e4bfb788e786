import { localize } from '../../../core/questionnaire/index.js';
import type { SubmissionRow } from '../../../db/repos/iom/submissions.js';
import type { ImportContext } from './context.js';

export interface CurrentSubmission {
  readonly submissionId: string;
  readonly rootId: string;
  readonly revision: number;
  readonly respondentKind: string;
  readonly signerName: string;
  readonly fingerprint: string;
  readonly finalizedAt: string;
}

export interface MechanismStatus {
  readonly mechanism: string;
  readonly label: string;
  readonly kind: string;
  /** False for a mechanism that packages named but the questionnaire's list does not have. */
  readonly listed: boolean;
  readonly pinnedFingerprint: string | null;
  /** One per submission (root id): the secretariat's, and each State's or organisation's. */
  readonly current: readonly CurrentSubmission[];
}

const toCurrent = (r: SubmissionRow): CurrentSubmission => ({
  submissionId: r.submission_id,
  rootId: r.root_id,
  revision: r.revision,
  respondentKind: r.respondent_kind,
  signerName: r.signer_name,
  fingerprint: r.signer_fingerprint,
  finalizedAt: r.finalized_at,
});

/** Per mechanism of the questionnaire's list (its `mechanisms` choice list), what IOM has. */
export function mechanismStatus(ctx: Pick<ImportContext, 'submissions' | 'keys' | 'registry'>, questionnaireId: string, lang = 'en'): MechanismStatus[] {
  const loaded = ctx.registry.latest(questionnaireId);
  const list = loaded?.choiceLists.get('mechanisms') ?? [];
  const byMechanism = new Map<string, SubmissionRow[]>();
  for (const row of ctx.submissions.list({ status: 'current' })) {
    const rows = byMechanism.get(row.mechanism) ?? [];
    rows.push(row);
    byMechanism.set(row.mechanism, rows);
  }
  const pinned = (m: string) => ctx.keys.pinned(m)?.fingerprint ?? null;
  const out: MechanismStatus[] = list.map((choice) => ({
    mechanism: choice.value,
    label: localize(choice.label, lang),
    kind: choice.attributes?.kind ?? '',
    listed: true,
    pinnedFingerprint: pinned(choice.value),
    current: (byMechanism.get(choice.value) ?? []).map(toCurrent),
  }));
  const listed = new Set(list.map((c) => c.value));
  for (const [mechanism, rows] of byMechanism) {
    if (listed.has(mechanism)) continue;
    const first = rows[0];
    out.push({
      mechanism,
      label: first?.mechanism_label ?? mechanism,
      kind: first?.mechanism_kind ?? '',
      listed: false,
      pinnedFingerprint: pinned(mechanism),
      current: rows.map(toCurrent),
    });
  }
  return out;
}
