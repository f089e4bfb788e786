import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnswerValue } from '../../core/answers/value.js';
import { loadQuestionnaire, type LoadedQuestionnaire, type NestedAnswers, type QuestionNode } from '../../core/questionnaire/index.js';
import { openIom } from '../../main/services/import/context.js';
import { seededRandom } from './seeded-random.js';

/**
 * Many submissions of the real questionnaire written straight into iom.db through its repos
 * (no packages, no signatures: for the analyst's screens and their benchmark, where thousands
 * of real imports would only measure the import). Answers vary with a seeded generator: every
 * question answered with a value of its type, choices drawn from their lists, so the table has
 * something to sort and the reports something to count. Not a substitute for imported
 * packages where trust matters (the e2e tests import real ones).
 */

const QUESTIONNAIRES = path.join(import.meta.dirname, '..', '..', 'questionnaires', 'iscm-assessment');

export function questionnaireVersion(version: string): LoadedQuestionnaire {
  const result = loadQuestionnaire(JSON.parse(fs.readFileSync(path.join(QUESTIONNAIRES, `${version}.json`), 'utf8')));
  if (!result.ok) throw new Error(`questionnaire ${version} does not load`);
  return result.questionnaire;
}

const STATES = ['Ghana', 'Senegal', 'Mali', 'Côte d’Ivoire', 'Niger', 'Morocco', 'Ecuador', 'Peru', 'Thailand', 'Jordan', 'Türkiye', 'Kenya'];
const ORGANISATIONS = ['UNHCR', 'ILO', 'UNODC', 'ICMPD', 'ECOWAS Commission', 'OSCE'];
const WORDS = ['dialogue', 'labour mobility', 'return', 'reintegration', 'border management', 'climate', 'protection', 'data', 'diaspora', 'trafficking', 'training', 'consensus'];

function valueFor(node: QuestionNode, next: () => number): AnswerValue | undefined {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
  const choices = (node.choices ?? []).filter((c) => c.value !== 'other').map((c) => c.value);
  const q = node.question;
  if (next() < 0.08) return undefined;
  switch (q.type) {
    case 'text':
      return `${pick(WORDS) ?? ''} ${pick(WORDS) ?? ''}`;
    case 'long_text':
      return `We worked on ${pick(WORDS) ?? ''} and ${pick(WORDS) ?? ''} with partners; next: ${pick(WORDS) ?? ''}.`;
    case 'integer':
      return Math.floor(next() * 40) + 1;
    case 'decimal':
      return Math.round(next() * 1000) / 10;
    case 'year':
      return 1995 + Math.floor(next() * 31);
    case 'date':
      return `202${String(Math.floor(next() * 5))}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    case 'multiple_choice':
      return choices.filter(() => next() < 0.35).slice(0, 6);
    case 'matrix':
      return Object.fromEntries((node.rows ?? []).map((r) => [r.value, pick(choices) ?? '']));
    case 'attachment':
      return undefined;
    default:
      return pick(choices);
  }
}

export interface SeedOptions {
  readonly count: number;
  readonly version?: string;
  readonly seed?: number;
  /** Every `revisionEvery`-th submission also gets a revision 2 (a few answers changed). */
  readonly revisionEvery?: number;
}

/** Writes `count` current submissions (and some revisions) into the iom.db at `dbFile`; returns their ids. */
export function seedIomSubmissions(dbFile: string, options: SeedOptions): string[] {
  const version = options.version ?? '1.1.0';
  const loaded = questionnaireVersion(version);
  const next = seededRandom(options.seed ?? 15);
  const mechanisms = loaded.choiceLists.get('mechanisms')?.filter((m) => m.value !== 'other') ?? [];
  const kinds = ['secretariat', 'state', 'state', 'organisation'] as const;
  const iom = openIom(dbFile);
  const ids: string[] = [];
  const responsesFor = (kind: string, mechanism: string, party: string): NestedAnswers => {
    const out: NestedAnswers = {};
    for (const id of loaded.documentOrder) {
      const node = loaded.nodes.get(id);
      if (node?.kind === 'group' && node.group.repeat === true) {
        const members = [...loaded.questions.values()].filter((q) => q.repeatGroupId === id);
        out[id] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
          const row: Record<string, unknown> = { _row: randomUUID() };
          for (const m of members) {
            const v = valueFor(m, next);
            if (v !== undefined && v !== null) row[m.id] = v;
          }
          return row;
        });
      }
      if (node?.kind !== 'question' || node.repeatGroupId !== undefined) continue;
      const v = valueFor(node, next);
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) out[id] = v;
    }
    out.respondent_kind = kind;
    out.mechanism = mechanism;
    if (kind === 'state') out.state_name = party;
    out.respondent_institution = kind === 'organisation' ? party : 'Regional Support Office';
    return out;
  };
  const insert = iom.db.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      const mechanism = mechanisms[i % mechanisms.length];
      if (!mechanism) throw new Error('no mechanisms');
      const kind = kinds[Math.floor(next() * kinds.length)] ?? 'secretariat';
      const party = kind === 'state' ? (STATES[i % STATES.length] ?? '') : kind === 'organisation' ? (ORGANISATIONS[i % ORGANISATIONS.length] ?? '') : '';
      const id = randomUUID();
      const responses = responsesFor(kind, mechanism.value, party);
      const day = String(1 + (i % 28)).padStart(2, '0');
      const row = (submissionId: string, revision: number, supersedes: string | null, answers: NestedAnswers) => ({
        submission_id: submissionId,
        root_id: id,
        supersedes,
        revision,
        questionnaire_id: 'iscm-assessment',
        questionnaire_version: version,
        mechanism: mechanism.value,
        mechanism_label: mechanism.label.en ?? mechanism.value,
        mechanism_kind: mechanism.attributes?.kind ?? 'rcp',
        respondent_kind: kind,
        respondent_json: JSON.stringify({ kind, state: kind === 'state' ? party : '' }),
        signer_name: `Signer ${String(i)}`,
        signer_title: 'Coordinator',
        signer_public_key: 'ssh-ed25519 AAAA',
        signer_fingerprint: `SHA256:${'A'.repeat(43)}`,
        finalized_at: `2026-10-${day}T10:00:00.000Z`,
        app_version: '0.1.0',
        manifest_sha256: '0'.repeat(64),
        manifest_json: '{}',
        signature: '',
        responses_json: JSON.stringify(answers),
        package_sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
        package_size: 1000,
        file_name: `${mechanism.value}-${String(i)}-r${String(revision)}.iscm`,
        imported_at: `2026-11-${day}T12:00:00.000Z`,
        respondent_id: null,
      });
      iom.submissions.insert(row(id, 1, null, responses));
      if (options.revisionEvery && i % options.revisionEvery === 0) {
        const amended: NestedAnswers = { ...responses, mechanism_website: 'https://example.org/amended', years_active: 12 };
        delete amended.current_chair;
        iom.submissions.insert(row(randomUUID(), 2, id, amended));
      }
      iom.submissions.recomputeCurrent(id);
      ids.push(id);
    }
  });
  insert();
  iom.db.close();
  return ids;
}
