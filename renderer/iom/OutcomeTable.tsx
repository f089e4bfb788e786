import { useTranslation } from 'react-i18next';
import type { FileOutcomeView } from '../../core/contract/channels/iom.js';
import { FlagBadges } from './FlagBadges.js';
import { reasonWords } from './words.js';

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** Each file's outcome and its reason in words; the code stays beside it for support staff. */
export function OutcomeTable({ outcomes }: { outcomes: readonly FileOutcomeView[] }) {
  const { t } = useTranslation('iom');
  if (outcomes.length === 0) return null;
  return (
    <table aria-label={t('outcomes.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('outcomes.colFile')}</th>
          <th scope="col">{t('outcomes.colOutcome')}</th>
          <th scope="col">{t('outcomes.colReason')}</th>
          <th scope="col">{t('outcomes.colCode')}</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o, i) => (
          <tr key={`${o.file}-${String(i)}`} data-kind={o.kind}>
            <td title={o.file}>{baseName(o.file)}</td>
            <td>
              <span className={`kind-${o.kind}`}>{t(`outcomes.kinds.${o.kind}`)}</span> <FlagBadges flags={o.flags} />
            </td>
            <td>
              {reasonWords(t, o.code, o.message)}
              {o.detail && o.kind !== 'imported' ? <span className="mono detail"> ({o.detail})</span> : null}
            </td>
            <td>
              <code>{o.code}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
