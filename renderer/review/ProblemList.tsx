import { useTranslation } from 'react-i18next';
import type { Problem, Section } from '../../core/questionnaire/index.js';
import type { OpenDraft } from '../draft/use-draft-session.js';
import { languageAttributes } from '../i18n/language-attributes.js';
import { textIn } from '../questionnaire/labels.js';
import { routeHref } from '../routing/hash-route.js';

/** Unanswered required questions and errors, each a link that opens its section and focuses the field. */
export function ProblemList({ open, sections, problems }: { open: OpenDraft; sections: readonly Section[]; problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const { loaded, lang, draftId } = open;
  const questionLabel = (p: Problem): string => {
    const node = loaded.nodes.get(p.questionId);
    if (node?.kind === 'question') return textIn(loaded, node.question.label, lang);
    if (node?.kind === 'group') return textIn(loaded, node.group.label, lang);
    return p.questionId;
  };
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">{t('review.problems')}</h2>
      {problems.length === 0 ? (
        <p>{t('review.noProblems')}</p>
      ) : (
        sections
          .filter((s) => problems.some((p) => p.sectionId === s.id))
          .map((s) => (
            // The questions and their messages are in the draft's questionnaire language.
            <div key={s.id} {...languageAttributes(lang)}>
              <h3>{textIn(loaded, s.title, lang)}</h3>
              <ul>
                {problems
                  .filter((p) => p.sectionId === s.id)
                  .map((p) => (
                    <li key={`${p.path}-${p.code}`}>
                      <a href={routeHref({ name: 'draft', draftId, section: s.id, focus: p.path })}>
                        {questionLabel(p)}: {p.message}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))
      )}
    </section>
  );
}
