import type { TFunction } from 'i18next';

/**
 * What the workspace shows in words for the service's codes: a respondent ("State: Ghana"), an
 * outcome's reason, a pipeline stage. The English text from the service is the fallback for a
 * code this version does not know.
 */

export function respondentWords(t: TFunction, kind: string, party: string): string {
  if (kind === 'secretariat') return t('respondent.secretariat');
  if (kind === 'state') return t('respondent.state', { party });
  if (kind === 'organisation') return t('respondent.organisation', { party });
  return kind === '' ? t('respondent.unknown') : `${kind}: ${party}`;
}

export const reasonWords = (t: TFunction, code: string, fallback: string): string => t(`codes.${code}`, { defaultValue: fallback });

export const stageWords = (t: TFunction, stage: string): string => t(`stages.${stage}`, { defaultValue: stage });

export const kindWords = (t: TFunction, kind: string): string => t(`respondentKinds.${kind}`, { defaultValue: kind });
