/**
 * The questionnaire the component tests fill: one question of every type the wizard draws,
 * "Other" texts, a dropdown, a constraint, a calculated value and a repeat group with a
 * minimum, in English and French. Labels are plain so tests find fields by their label.
 */
const t = (en: string, fr = `${en} (fr)`) => ({ en, fr });

export const COMPONENT_QUESTIONNAIRE_ID = 'component-test';

export const componentQuestionnaire = {
  format: 'iscm-questionnaire/1',
  id: COMPONENT_QUESTIONNAIRE_ID,
  version: '1.0.0',
  title: t('Component test questionnaire'),
  languages: ['en', 'fr'],
  defaultLanguage: 'en',
  choiceLists: {
    colours: [
      { value: 'red', label: t('Red', 'Rouge') },
      { value: 'green', label: t('Green', 'Vert') },
      { value: 'blue', label: t('Blue', 'Bleu') },
    ],
    areas: [
      { value: 'networking', label: t('Networking') },
      { value: 'capacity', label: t('Capacity building') },
    ],
  },
  sections: [
    {
      id: 'basics',
      title: t('Basics', 'Notions de base'),
      items: [
        { id: 'name', type: 'text', maxLength: 20, required: true, label: t('Your name', 'Votre nom'), help: t('As on your card') },
        { id: 'story', type: 'long_text', maxLength: 50, label: t('Your story') },
        { id: 'states', type: 'integer', min: 1, max: 200, label: t('Number of States') },
        { id: 'budget', type: 'decimal', label: t('Budget') },
        { id: 'founded', type: 'year', label: t('Year founded') },
        { id: 'founded_on', type: 'date', label: t('Date founded') },
        { id: 'age', type: 'integer', calculate: 'if(${founded} != null, 2026 - ${founded}, null)', label: t('Years active') },
        {
          id: 'meetings',
          type: 'integer',
          constraint: { expression: '. <= ${states}', message: t('No more meetings than States.', 'Pas plus de réunions que d’États.') },
          label: t('Meetings last year'),
        },
      ],
    },
    {
      id: 'choices',
      title: t('Choices'),
      items: [
        { id: 'colour', type: 'single_choice', choices: 'colours', other: true, label: t('Favourite colour') },
        { id: 'colour_menu', type: 'single_choice', choices: 'colours', appearance: 'dropdown', label: t('Colour from a menu') },
        { id: 'colours', type: 'multiple_choice', choices: 'colours', other: true, label: t('Colours you use') },
        { id: 'agrees', type: 'yes_no_dont_know', label: t('Do you agree?') },
        { id: 'fit', type: 'agreement_scale', label: t('The structure fits') },
        { id: 'impact', type: 'impact_scale', label: t('Overall impact') },
        { id: 'contribution', type: 'matrix', rows: 'areas', scale: 'impact', label: t('Contribution by area') },
        { id: 'report', type: 'attachment', accept: ['.pdf', '.txt'], maxFiles: 2, label: t('Latest report') },
      ],
    },
    {
      id: 'rows',
      title: t('Achievements'),
      items: [
        {
          id: 'achievements',
          type: 'group',
          repeat: true,
          minRows: 1,
          maxRows: 3,
          label: t('Achievements list'),
          items: [{ id: 'ach_title', type: 'text', required: true, label: t('Title of the achievement') }],
        },
      ],
    },
  ],
} as const;
