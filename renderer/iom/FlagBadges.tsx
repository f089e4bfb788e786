import { useTranslation } from 'react-i18next';

/** "New signer", "Possible duplicate": what IOM should look at, in words, with an explanation for screen readers and on hover. */
export function FlagBadges({ flags }: { flags: readonly ('new_signer' | 'possible_duplicate')[] | undefined }) {
  const { t } = useTranslation('iom');
  if (!flags || flags.length === 0) return null;
  return (
    <>
      {flags.map((flag) => (
        <span key={flag} className={`badge badge-${flag}`} title={t(`flagHelp.${flag}`)}>
          {t(`flags.${flag}`)}
          <span className="visually-hidden">: {t(`flagHelp.${flag}`)}</span>
        </span>
      ))}
    </>
  );
}
