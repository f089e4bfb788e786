import type { SummaryDocument } from '../../../core/contract/channels/submissions.js';
import { localize, OTHER_CHOICE, type LoadedQuestionnaire, type QuestionNode } from '../../../core/questionnaire/index.js';
import type { Choice } from '../../../core/questionnaire/schema.js';
import type { Manifest } from '../../../core/package/manifest.js';
import type { SubmissionRow } from '../../../db/repos/submissions.js';
import { packageFileName } from './package-file-name.js';
import { fileNameFactsOf, recipientsOf, responsesOf } from './stored-revision.js';

/** The revision as a readable document: what the secretariat keeps for its records. */

type Item = SummaryDocument['sections'][number]['items'][number];

function choiceLabel(choices: readonly Choice[] | undefined, value: string, lang: string, fallback: string): string {
  const choice = choices?.find((c) => c.value === value);
  return choice ? localize(choice.label, lang, fallback) : value;
}

function formatAnswer(node: QuestionNode, value: unknown, other: unknown, lang: string, fallback: string): string {
  const label = (v: string) =>
    v === OTHER_CHOICE.value && typeof other === 'string'
      ? `${choiceLabel(node.choices, v, lang, fallback)}: ${other}`
      : choiceLabel(node.choices, v, lang, fallback);
  if (typeof value === 'string') return node.choices ? label(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return (value as unknown[])
      .map((v) =>
        typeof v === 'string'
          ? label(v)
          : typeof v === 'object' && v !== null && 'name' in v
            ? String(v.name)
            : JSON.stringify(v),
      )
      .join('; ');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([row, v]) =>
          `${choiceLabel(node.rows, row, lang, fallback)}: ${choiceLabel(node.choices, String(v), lang, fallback)}`,
      )
      .join('; ');
  }
  return '';
}

export function buildSummary(row: SubmissionRow, loaded: LoadedQuestionnaire, lang: string): SummaryDocument {
  const q = loaded.questionnaire;
  const fb = q.defaultLanguage;
  const response = responsesOf(row);
  const mechanism = JSON.parse(row.mechanism_json) as Manifest['mechanism'];
  const signer = JSON.parse(row.signer_json) as Manifest['signer'];
  const others = (source: Record<string, unknown>): Record<string, unknown> =>
    typeof source._other === 'object' && source._other !== null ? (source._other as Record<string, unknown>) : {};
  const itemFor = (node: QuestionNode, source: Record<string, unknown>, indent: boolean): Item | undefined =>
    node.id in source
      ? {
          label: localize(node.question.label, lang, fb),
          answer: formatAnswer(node, source[node.id], others(source)[node.id], lang, fb),
          indent,
        }
      : undefined;

  const sections = q.sections.map((section) => {
    const items: Item[] = [];
    for (const id of loaded.documentOrder) {
      const node = loaded.nodes.get(id);
      if (!node || node.sectionId !== section.id) continue;
      if (node.kind === 'question' && node.repeatGroupId === undefined) {
        const item = itemFor(node, response, false);
        if (item) items.push(item);
      }
      if (node.kind === 'group' && node.group.repeat === true && Array.isArray(response[id])) {
        (response[id] as Record<string, unknown>[]).forEach((rowValues, index) => {
          items.push({ label: `${localize(node.group.label, lang, fb)} ${index + 1}`, answer: '', indent: false });
          for (const member of loaded.questions.values()) {
            if (member.parentId !== id) continue;
            const item = itemFor(member, rowValues, true);
            if (item) items.push(item);
          }
        });
      }
    }
    return { title: localize(section.title, lang, fb), items };
  });
  const development = recipientsOf(row).some((r) => r.development);
  return {
    title: `${localize(q.title, lang, fb)}: ${mechanism.label}`,
    facts: [
      { label: 'Revision', value: String(row.revision) },
      { label: 'Submission id', value: row.id },
      { label: 'Supersedes', value: row.supersedes ?? '(none: first revision)' },
      { label: 'Finalized', value: row.finalized_at },
      { label: 'Questionnaire', value: `${row.questionnaire_id} ${row.questionnaire_version}` },
      {
        label: 'Signed by',
        value: `${signer.name}${signer.title ? `, ${signer.title}` : ''} (${signer.organisation})`,
      },
      { label: 'Key fingerprint', value: signer.fingerprint },
      { label: 'Package file', value: packageFileName(fileNameFactsOf(row)) },
      ...(development ? [{ label: 'Warning', value: 'Sealed to a development key: not a real submission.' }] : []),
    ],
    sections: sections.filter((s) => s.items.length > 0),
  };
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A self-contained HTML page (no script, no remote content) of the summary. */
export function summaryHtml(doc: SummaryDocument, lang: string): string {
  const facts = doc.facts
    .map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('\n');
  const sections = doc.sections
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.title)}</h2><dl>${s.items
          .map(
            (i) =>
              `<dt${i.indent ? ' class="in"' : ''}>${escapeHtml(i.label)}</dt><dd${i.indent ? ' class="in"' : ''}>${escapeHtml(i.answer)}</dd>`,
          )
          .join('')}</dl></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"${lang === 'ar' ? ' dir="rtl"' : ''}>
<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}th{text-align:start;padding-inline-end:1rem}dt{font-weight:600;margin-top:.6rem}dd{margin:0 0 0 0;white-space:pre-wrap}.in{margin-inline-start:1.5rem}</style>
</head>
<body><h1>${escapeHtml(doc.title)}</h1>
<table>${facts}</table>
${sections}
</body></html>
`;
}
