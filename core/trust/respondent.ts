/**
 * Who answers, as IOM trusts it: the respondent. A revision chain belongs to one respondent,
 * keys are registered per respondent, and two current chains of one respondent are a
 * possible duplicate. The same function runs on the secretariat's computer (to ask, before a
 * first revision is finalized, whether it should be an amendment) and at IOM (import, status),
 * so both sides always agree on "the same respondent".
 *
 * The same respondent means: the same mechanism, the same respondent kind, and for a State
 * the same State, for an organisation the same organisation. A mechanism is its choice value
 * (`bali_process`); an "Other" mechanism is its written name, normalised. The names of States
 * and organisations are free text, so they are compared normalised: letters and digits only,
 * without accents, case or punctuation ("Côte d'Ivoire" = "COTE D’IVOIRE" = "cote-d-ivoire").
 * Changing `normaliseName` changes who is the same respondent: it needs a migration of iom.db.
 */

export const RESPONDENT_KINDS = ['secretariat', 'state', 'organisation'] as const;
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];

export const isRespondentKind = (value: unknown): value is RespondentKind =>
  typeof value === 'string' && (RESPONDENT_KINDS as readonly string[]).includes(value);

/** The value the questionnaire's mechanism list uses for "Other (specify)". */
export const OTHER_MECHANISM = 'other';

/**
 * A name reduced to what identifies it: compatibility-decomposed, accents and other marks
 * dropped, lower case, every run of characters that are not letters or digits (in any script)
 * one hyphen, none at either end. Empty for a name with no letter or digit.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A mechanism as IOM files it: the choice value, or `other:<normalised written name>`. */
export function mechanismKey(mechanism: { readonly value: string; readonly label: string }): string {
  if (mechanism.value !== OTHER_MECHANISM) return mechanism.value;
  return `${OTHER_MECHANISM}:${normaliseName(mechanism.label)}`;
}

export interface RespondentFacts {
  readonly mechanism: { readonly value: string; readonly label: string };
  readonly kind: string;
  /** The State (kind `state`) or the organisation (any other kind but `secretariat`), as written. */
  readonly party: string;
}

export interface RespondentIdentity {
  /** `<mechanism key>/secretariat`, or `<mechanism key>/<kind>/<normalised party>`. */
  readonly key: string;
  readonly mechanismKey: string;
  readonly kind: string;
  /** As written ('' for a secretariat). */
  readonly party: string;
  readonly partyKey: string;
}

/** The respondent's identity; a secretariat has no party (one per mechanism). */
export function respondentIdentity(facts: RespondentFacts): RespondentIdentity {
  const mKey = mechanismKey(facts.mechanism);
  if (facts.kind === 'secretariat') return { key: `${mKey}/secretariat`, mechanismKey: mKey, kind: facts.kind, party: '', partyKey: '' };
  const partyKey = normaliseName(facts.party);
  return { key: `${mKey}/${facts.kind}/${partyKey}`, mechanismKey: mKey, kind: facts.kind, party: facts.party.trim(), partyKey };
}

/** A manifest's respondent (format 1 has no `state`), and the signed answers it came with. */
export interface ManifestRespondent {
  readonly kind: string;
  readonly organisation: string;
  readonly state?: string | undefined;
}

/**
 * Whom a respondent answers for: for a State the State (the manifest's `respondent.state`
 * from format 2 on; in a format 1 package, the signed answer `state_name`), for a secretariat
 * nobody, for any other kind its organisation (`respondent.organisation`).
 */
export function partyOf(respondent: ManifestRespondent, responses?: unknown): string {
  if (respondent.kind === 'secretariat') return '';
  if (respondent.kind === 'state') {
    if (respondent.state !== undefined) return respondent.state;
    const answers = typeof responses === 'object' && responses !== null ? (responses as Record<string, unknown>) : {};
    return typeof answers.state_name === 'string' ? answers.state_name : '';
  }
  return respondent.organisation;
}
