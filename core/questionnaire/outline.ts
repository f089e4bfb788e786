import type { Expr } from './expression/index.js';
import type { LoadedQuestionnaire, QuestionNode } from './loaded.js';
import { localize } from './localize.js';
import { QUESTION_TYPES, type QuestionType } from './schema.js';

export interface QuestionnaireSummary {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly sections: readonly { id: string; title: string; questions: number }[];
  readonly questions: number;
  readonly questionsByType: Readonly<Partial<Record<QuestionType, number>>>;
  readonly repeatGroups: readonly string[];
  /** Questions whose choices are filtered by an expression. */
  readonly choiceFilters: readonly string[];
  /** Choices that stand alone in a multiple choice, as `list.value`. */
  readonly exclusiveChoices: readonly string[];
  /** Questions whose expressions check a text against a pattern (regex()). */
  readonly patternChecks: readonly string[];
}

export function summarize(loaded: LoadedQuestionnaire): QuestionnaireSummary {
  const q = loaded.questionnaire;
  const byType: Partial<Record<QuestionType, number>> = {};
  for (const type of QUESTION_TYPES) {
    const count = [...loaded.questions.values()].filter((n) => n.question.type === type).length;
    if (count > 0) byType[type] = count;
  }
  const perSection = (id: string): number => [...loaded.questions.values()].filter((n) => n.sectionId === id).length;
  return {
    id: q.id,
    version: q.version,
    title: localize(q.title, q.defaultLanguage),
    languages: q.languages,
    defaultLanguage: q.defaultLanguage,
    sections: q.sections.map((s) => ({ id: s.id, title: localize(s.title, q.defaultLanguage), questions: perSection(s.id) })),
    questions: loaded.questions.size,
    questionsByType: byType,
    repeatGroups: [...loaded.nodes.values()].filter((n) => n.kind === 'group' && n.group.repeat === true).map((n) => n.id),
    choiceFilters: [...loaded.questions.values()].filter((n) => n.choiceFilter !== undefined).map((n) => n.id),
    exclusiveChoices: Object.entries(q.choiceLists).flatMap(([list, choices]) => choices.filter((c) => c.exclusive === true).map((c) => `${list}.${c.value}`)),
    patternChecks: [...loaded.questions.values()].filter(usesPattern).map((n) => n.id),
  };
}

function usesPattern(node: QuestionNode): boolean {
  const exprs = [node.constraint, node.relevant, node.calculate, node.choiceFilter, typeof node.required === 'boolean' ? undefined : node.required];
  const visit = (e: Expr | undefined): boolean => {
    if (!e) return false;
    if (e.kind === 'call') return e.name === 'regex' || e.args.some(visit);
    if (e.kind === 'binary') return visit(e.left) || visit(e.right);
    return e.kind === 'negate' ? visit(e.operand) : false;
  };
  return exprs.some(visit);
}

function flags(node: QuestionNode): string {
  const q = node.question;
  const parts: string[] = [q.type];
  if (q.required === true) parts.push('required');
  else if (typeof q.required === 'string') parts.push(`required if ${q.required}`);
  if (node.calculate) parts.push(`calculated: ${'calculate' in q ? (q.calculate ?? '') : ''}`);
  return parts.join('; ');
}

/** A readable outline of the questionnaire in one language, for proofreading. */
export function outline(loaded: LoadedQuestionnaire, lang: string): string {
  const q = loaded.questionnaire;
  const t = (text: Parameters<typeof localize>[0]): string => localize(text, lang, q.defaultLanguage);
  const lines: string[] = [`${t(q.title)} (${q.id} ${q.version}, ${lang})`, ''];
  q.sections.forEach((section, s) => {
    lines.push(`${s + 1}. ${t(section.title)}  [${section.id}]`);
    if (section.relevant) lines.push(`   shown if: ${section.relevant}`);
    if (section.description) lines.push(`   ${t(section.description)}`);
    let n = 0;
    const leaf = (id: string, indent: string): void => {
      const node = loaded.nodes.get(id);
      if (node?.kind === 'note') {
        lines.push(`${indent}(note) ${t(node.note.label)}`);
        return;
      }
      if (node?.kind !== 'question') return;
      n += 1;
      lines.push(`${indent}${s + 1}.${n} ${t(node.question.label)}  [${id}: ${flags(node)}]`);
      if (node.question.help) lines.push(`${indent}    ${t(node.question.help)}`);
      if (node.question.relevant) lines.push(`${indent}    shown if: ${node.question.relevant}`);
      if (node.rows) lines.push(`${indent}    rows: ${node.rows.map((c) => t(c.label)).join(' | ')}`);
      if (node.choices) lines.push(`${indent}    choices: ${node.choices.map((c) => `${t(c.label)} (${c.value}${c.exclusive === true ? ', exclusive' : ''})`).join(' | ')}`);
      if ('choiceFilter' in node.question && node.question.choiceFilter) lines.push(`${indent}    offers only choices where: ${node.question.choiceFilter}`);
      if (node.question.constraint) lines.push(`${indent}    check: ${node.question.constraint.expression} — ${t(node.question.constraint.message)}`);
    };
    for (const item of section.items) {
      if (item.type !== 'group') {
        leaf(item.id, '   ');
        continue;
      }
      const rows = item.repeat === true ? `, repeated ${item.minRows ?? 0}–${item.maxRows ?? '∞'} times` : '';
      lines.push(`   [group ${item.id}${rows}] ${t(item.label)}`);
      if (item.relevant) lines.push(`      shown if: ${item.relevant}`);
      for (const inner of item.items) leaf(inner.id, '      ');
    }
    lines.push('');
  });
  return lines.join('\n');
}
