import { FinalizeScreen } from './FinalizeScreen.js';
import { IdentitiesScreen } from './IdentitiesScreen.js';
import { RevisionScreen } from './RevisionScreen.js';
import { signingHref, type SigningRoute } from './signing-route.js';
import { useTranslation } from 'react-i18next';
import './signing.css';

/** The signing screens, chosen by their part of the URL hash. */
export function SigningScreen({ route }: { route: SigningRoute }) {
  switch (route.name) {
    case 'identities':
      return <IdentitiesScreen />;
    case 'finalize':
      return <FinalizeScreen key={route.draftId} draftId={route.draftId} />;
    case 'revision':
      return <RevisionScreen key={route.submissionId} submissionId={route.submissionId} />;
  }
}

/** The header's way to the signing keys and signed submissions. */
export function SigningNavLink() {
  const { t } = useTranslation('signing');
  return (
    <a href={signingHref({ name: 'identities' })} className="signing-nav-link">
      {t('navLink')}
    </a>
  );
}
