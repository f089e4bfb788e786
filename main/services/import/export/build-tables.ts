import type { LoadedQuestionnaire, QuestionNode } from '../../../../core/questionnaire/index.js';
import type { SubmissionRow } from '../../../../db/repos/iom/submissions.js';
import { codebookCells, questionColumns, questionCells, type CellOptions } from './question-columns.js';
import { TableBuilder, type Cell, type Column, type Table } from './table.js';

/** Submission metadata, in front of the questions, as ODK Central puts `KEY` and its meta columns. */
const META: readonly Column[] = [
  { name: 'KEY', type: 'string' },
  { name: 'SubmissionId', type: 'string' },
  { name: 'RootId', type: 'string' },
  { name: 'Revision', type: 'number' },
  { name: 'Supersedes', type: 'string' },
  { name: 'Status', type: 'string' },
  { name: 'questionnaire_version', type: 'string' },
  { name: 'Mechanism', type: 'string' },
  { name: 'MechanismLabel', type: 'string' },
  { name: 'MechanismKind', type: 'string' },
  { name: 'RespondentKind', type: 'string' },
  { name: 'RespondentName', type: 'string' },
  { name: 'RespondentOrganisation', type: 'string' },
  { name: 'SignerName', type: 'string' },
  { name: 'SignerTitle', type: 'string' },
  { name: 'SignerFingerprint', type: 'string' },
  { name: 'FinalizedAt', type: 'datetime' },
  { name: 'ImportedAt', type: 'datetime' },
  // The review, like ODK Central's ReviewState column: state, who set it and when, the last comment.
  { name: 'ReviewState', type: 'string' },
  { name: 'ReviewedBy', type: 'string' },
  { name: 'ReviewedAt', type: 'datetime' },
  { name: 'LastComment', type: 'string' },
];

export const CODEBOOK_COLUMNS: readonly Column[] = ['id', 'section', 'group', 'repeat', 'type', 'label', 'choices', 'scale', 'relevant', 'versions'].map(
  (name) => ({ name, type: 'string' as const }),
);

const keyOf = (row: SubmissionRow): string => `uuid:${row.submission_id}`;

function parseObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function metaCells(row: SubmissionRow): Map<string, Cell> {
  const respondent = parseObject(row.respondent_json);
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return new Map<string, Cell>([
    ['KEY', keyOf(row)],
    ['SubmissionId', row.submission_id],
    ['RootId', row.root_id],
    ['Revision', row.revision],
    ['Supersedes', row.supersedes ?? ''],
    ['Status', row.is_current !== 1 ? 'superseded' : row.chain_state === 'withdrawn' ? 'withdrawn' : 'current'],
    ['questionnaire_version', row.questionnaire_version],
    ['Mechanism', row.mechanism],
    ['MechanismLabel', row.mechanism_label],
    ['MechanismKind', row.mechanism_kind],
    ['RespondentKind', row.respondent_kind],
    ['RespondentName', text(respondent.name)],
    ['RespondentOrganisation', text(respondent.organisation)],
    ['SignerName', row.signer_name],
    ['SignerTitle', row.signer_title],
    ['SignerFingerprint', row.signer_fingerprint],
    ['FinalizedAt', row.finalized_at],
    ['ImportedAt', row.imported_at],
    ['ReviewState', row.review_state],
    ['ReviewedBy', row.reviewed_by],
    ['ReviewedAt', row.reviewed_at],
    ['LastComment', row.last_comment],
  ]);
}

/** The versions (oldest first, space-separated) that have a question. */
function versionsWith(versions: readonly LoadedQuestionnaire[], id: string): string {
  return versions
    .filter((v) => v.questions.has(id))
    .map((v) => v.questionnaire.version)
    .reverse()
    .join(' ');
}

export interface DatasetTables {
  readonly main: Table;
  readonly repeats: readonly Table[];
  readonly codebook: Table;
}

/**
 * The consolidated tables. Columns come from the newest questionnaire version first, then any
 * question only an older version has, so every version's answers land in one layout; the
 * `questionnaire_version` column says which version each submission answered, and the
 * codebook's `versions` which versions have each question.
 */
export function buildTables(
  formId: string,
  versions: readonly LoadedQuestionnaire[],
  rows: readonly SubmissionRow[],
  lang: string,
  options: CellOptions = { labels: false, lang, splitChoices: false },
): DatasetTables {
  const main = new TableBuilder(formId);
  META.forEach((c) => main.addColumn(c));
  const repeats = new Map<string, TableBuilder>();
  const codebook = new TableBuilder(`${formId}-codebook`);
  CODEBOOK_COLUMNS.forEach((c) => codebook.addColumn(c));
  const coded = new Set<string>();
  const topLevel: QuestionNode[] = [];
  const members = new Map<string, QuestionNode[]>();
  for (const loaded of versions) {
    for (const id of loaded.documentOrder) {
      const node = loaded.questions.get(id);
      if (!node || coded.has(id)) continue;
      coded.add(id);
      const cells = codebookCells(loaded, node, lang);
      cells.set('versions', versionsWith(versions, id));
      codebook.addRow(cells);
      if (node.repeatGroupId === undefined) {
        topLevel.push(node);
        questionColumns(node, options).forEach((c) => main.addColumn(c));
        continue;
      }
      const group = node.repeatGroupId;
      let table = repeats.get(group);
      if (!table) {
        table = new TableBuilder(`${formId}-${group}`);
        repeats.set(group, table);
      }
      questionColumns(node, options).forEach((c) => table.addColumn(c));
      members.set(group, [...(members.get(group) ?? []), node]);
    }
  }
  for (const table of repeats.values()) ['ROW_ID', 'PARENT_KEY', 'KEY'].forEach((name) => table.addColumn({ name, type: 'string' }));
  for (const row of rows) {
    const responses = parseObject(row.responses_json);
    const cells = metaCells(row);
    for (const node of topLevel) questionCells(node, responses, cells, options);
    main.addRow(cells);
    for (const [group, table] of repeats) {
      const groupRows = responses[group];
      if (!Array.isArray(groupRows)) continue;
      groupRows.forEach((r: unknown, i) => {
        if (typeof r !== 'object' || r === null) return;
        const source = r as Record<string, unknown>;
        const out = new Map<string, Cell>([
          ['ROW_ID', typeof source._row === 'string' ? source._row : ''],
          ['PARENT_KEY', keyOf(row)],
          ['KEY', `${keyOf(row)}/${group}[${i + 1}]`],
        ]);
        for (const node of members.get(group) ?? []) questionCells(node, source, out, options);
        table.addRow(out);
      });
    }
  }
  return { main: main.build(), repeats: [...repeats.values()].map((t) => t.build()), codebook: codebook.build() };
}
