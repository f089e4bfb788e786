import { FinalizeScreen } from './FinalizeScreen.js';
import { IdentitiesScreen } from './IdentitiesScreen.js';
import { RevisionScreen } from './RevisionScreen.js';
import type { SigningRoute } from './signing-route.js';
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
