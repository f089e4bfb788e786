import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { isRespondentKind, OTHER_MECHANISM, RESPONDENT_KINDS, respondentIdentity, type RespondentIdentity } from '../../../core/trust/respondent.js';

/**
 * A respondent named by IOM staff (a key card's command line, a line of the expected
 * respondents list, the workspace's form), checked against the questionnaire's mechanism list
 * so that it names exactly whom a package would: a package's mechanism is a choice value of
 * that list, or "Other" with its written name.
 */

export interface MechanismChoice {
  readonly value: string;
  /** In English, as the respondent's app writes it into the manifest. */
  readonly label: string;
  readonly kind: string;
}

/** The questionnaire's `mechanisms` list, by value. */
export function mechanismChoices(loaded: LoadedQuestionnaire | null): Map<string, MechanismChoice> {
  const list = loaded?.choiceLists.get('mechanisms') ?? [];
  return new Map(list.map((c) => [c.value, { value: c.value, label: c.label.en ?? c.value, kind: c.attributes?.kind ?? '' }]));
}

export interface RespondentTarget {
  /** A choice value of the questionnaire's list, or `other`. */
  readonly mechanism: string;
  /** The written name of an "Other" mechanism. */
  readonly mechanismName?: string | undefined;
  readonly kind: string;
  /** The State (kind `state`) or the organisation (kind `organisation`). */
  readonly party?: string | undefined;
}

export const TARGET_PROBLEM_CODES = [
  'mechanism_missing',
  'mechanism_unknown',
  'other_name_missing',
  'other_name_empty',
  'kind_missing',
  'kind_unknown',
  'state_missing',
  'organisation_missing',
] as const;

/** What is wrong with a named respondent: a code the workspace words, its values, and an English sentence. */
export interface TargetProblem {
  readonly code: (typeof TARGET_PROBLEM_CODES)[number];
  readonly params: Readonly<Record<string, string>>;
  readonly message: string;
}

export type ResolvedTarget =
  | { readonly ok: true; readonly who: RespondentIdentity; readonly mechanism: MechanismChoice }
  | { readonly ok: false; readonly problem: string; readonly detail: TargetProblem };

const problem = (code: TargetProblem['code'], message: string, params: Record<string, string> = {}): ResolvedTarget => ({
  ok: false,
  problem: message,
  detail: { code, params, message },
});

export function resolveTarget(target: RespondentTarget, choices: ReadonlyMap<string, MechanismChoice>): ResolvedTarget {
  const value = target.mechanism.trim();
  let mechanism: MechanismChoice | undefined;
  if (value === OTHER_MECHANISM) {
    const name = (target.mechanismName ?? '').trim();
    if (name === '') return problem('other_name_missing', 'an "other" mechanism needs its name');
    mechanism = { value: OTHER_MECHANISM, label: name, kind: 'other' };
  } else mechanism = choices.get(value);
  if (!mechanism)
    return value === ''
      ? problem('mechanism_missing', 'the mechanism is missing')
      : problem('mechanism_unknown', `mechanism "${value}" is not in the questionnaire's list (for another mechanism, give "other" and its name)`, { value });
  const kind = target.kind.trim().toLowerCase() === 'organization' ? 'organisation' : target.kind.trim().toLowerCase();
  if (!isRespondentKind(kind))
    return kind === ''
      ? problem('kind_missing', `the respondent kind is missing (${RESPONDENT_KINDS.join(', ')})`)
      : problem('kind_unknown', `respondent kind "${kind}" is not one of ${RESPONDENT_KINDS.join(', ')}`, { value: kind });
  const party = (target.party ?? '').trim();
  const who = respondentIdentity({ mechanism, kind, party: kind === 'secretariat' ? '' : party });
  if (kind !== 'secretariat' && who.partyKey === '')
    return kind === 'state'
      ? problem('state_missing', 'a State respondent needs the name of the State')
      : problem('organisation_missing', 'an organisation respondent needs the name of the organisation');
  if (value === OTHER_MECHANISM && who.mechanismKey === `${OTHER_MECHANISM}:`)
    return problem('other_name_empty', 'the name of the "other" mechanism has no letter or digit');
  return { ok: true, who, mechanism };
}
