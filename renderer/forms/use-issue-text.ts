import { useTranslation } from 'react-i18next';
import type { DescribeIssue } from './schema-resolver.js';

/**
 * Words for the contract's checks in the UI language (namespace `forms`), from an issue's code
 * and limits. `byField` gives a field its own sentence ("Choose the mechanism"); a refinement
 * the form adds itself carries its message already.
 */
export function useIssueText(byField: Readonly<Record<string, string>> = {}): DescribeIssue {
  const { t } = useTranslation('forms');
  return (issue) => {
    const own = byField[issue.path.map(String).join('.')];
    if (own !== undefined) return own;
    switch (issue.code) {
      case 'custom':
        return issue.message;
      case 'too_small':
        return Number(issue.minimum) <= 1 ? t('required') : t('tooShort', { min: Number(issue.minimum) });
      case 'too_big':
        return t('tooLong', { max: Number(issue.maximum) });
      case 'invalid_format':
        return issue.format === 'email' ? t('email') : t('invalidFormat');
      default:
        return t('invalid');
    }
  };
}
