import type { AnswerValue, AttachmentRef } from '../../../core/answers/value.js';

/**
 * A complete, valid response to the real ISCM questionnaire (1.0.0) from a mechanism's
 * secretariat: every section applies, so it exercises repeat groups, matrices and an
 * attachment. Shared by the unit, interop and e2e tests of signing and export.
 */

const areas = [
  'networking',
  'capacity_building',
  'joint_initiatives',
  'common_policies',
  'data_forecasting',
  'common_language',
];
const matrix = (value: string): Record<string, string> => Object.fromEntries(areas.map((a) => [a, value]));

export function fullSecretariatAnswers(options: {
  today: string;
  report?: AttachmentRef;
  name?: string;
}): Record<string, AnswerValue> {
  const year = Number(options.today.slice(0, 4));
  const answers: Record<string, AnswerValue> = {
    respondent_kind: 'secretariat',
    mechanism: 'bali_process',
    respondent_name: options.name ?? 'Amina Diallo',
    respondent_role: 'Head of the Regional Support Office',
    respondent_institution: 'Bali Process Regional Support Office',
    contact_consent: 'yes',
    respondent_email: 'amina.diallo@example.org',
    secretariat_capacity: 'secretariat',
    year_established: 2002,
    number_of_states: 45,
    has_observers: 'no',
    formality_level: 'informal_with_document',
    has_founding_document: 'no',
    chair_arrangement: 'permanent',
    secretariat_provider: 'iom',
    bodies: ['ministerial', 'senior_officials'],
    ministerial_frequency: 'every_two_years',
    senior_officials_frequency: 'yearly',
    meetings_last_year: 6,
    states_at_last_meeting: 40,
    decision_making: 'consensus',
    working_languages: ['english'],
    thematic_areas: ['labour_migration', 'smuggling_trafficking', 'border_management'],
    main_thematic_areas: ['smuggling_trafficking'],
    achievements: ['row1', 'row2'],
    'achievements[row1].achievement_title': 'Regional policy framework on trafficking',
    'achievements[row1].achievement_year': year - 3,
    'achievements[row1].achievement_kind': 'framework',
    'achievements[row1].achievement_replicated': 'no',
    'achievements[row2].achievement_title': 'Handbook on victim identification',
    'achievements[row2].achievement_year': year - 1,
    'achievements[row2].achievement_kind': 'handbook',
    'achievements[row2].achievement_replicated': 'yes',
    'achievements[row2].achievement_replication_details': 'Adapted by two other mechanisms.',
    funding_sources: ['state_contributions', 'iom'],
    budget_predictability: 'yearly',
    dedicated_staff: 'yes',
    dedicated_staff_fte: 4.5,
    state_ownership: 'agree',
    partners: ['p1'],
    'partners[p1].partner_name': 'UNODC',
    'partners[p1].partner_kind': 'un_agency',
    'partners[p1].partner_cooperation': ['technical_support', 'joint_projects'],
    'partners[p1].partner_formal_agreement': 'no',
    contribution_national: matrix('moderate'),
    contribution_regional: matrix('high'),
    overall_contribution: 'moderate',
    gcm_discussed: 'yes',
    gcm_review_involved: 'no',
    gcm_future_role: 'contribute',
    future_priorities: ['labour_migration', 'health'],
    future_relevance: 'strongly_agree',
    declaration_confirm: 'yes',
    declaration_name: options.name ?? 'Amina Diallo',
    declaration_date: options.today,
    publication_consent: 'attributed',
  };
  if (options.report) answers.latest_report = [options.report];
  return answers;
}
