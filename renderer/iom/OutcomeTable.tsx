import { useTranslation } from 'react-i18next';
import type { FileOutcomeView } from '../../core/contract/channels/iom.js';

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** Each file's outcome with its code and the reason in plain words. */
export function OutcomeTable({ outcomes }: { outcomes: readonly FileOutcomeView[] }) {
  const { t } = useTranslation();
  if (outcomes.length === 0) return null;
  return (
    <table aria-label={t('iom.outcomes.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('iom.outcomes.colFile')}</th>
          <th scope="col">{t('iom.outcomes.colOutcome')}</th>
          <th scope="col">{t('iom.outcomes.colCode')}</th>
          <th scope="col">{t('iom.outcomes.colReason')}</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o, i) => (
          <tr key={`${o.file}-${String(i)}`} data-kind={o.kind}>
            <td title={o.file}>{baseName(o.file)}</td>
            <td className={`kind-${o.kind}`}>{t(`iom.outcomes.kinds.${o.kind}`)}</td>
            <td>
              <code>{o.code}</code>
            </td>
            <td>
              {o.message}
              {o.detail && o.kind !== 'imported' ? <span className="mono"> ({o.detail})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
