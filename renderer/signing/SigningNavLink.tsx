import { useTranslation } from 'react-i18next';
import { signingHref } from './signing-route.js';

/** The header's way to the signing keys and signed submissions (kept apart from the screens, which load on demand). */
export function SigningNavLink() {
  const { t } = useTranslation('signing');
  return (
    <a href={signingHref({ name: 'identities' })} className="signing-nav-link">
      {t('navLink')}
    </a>
  );
}
