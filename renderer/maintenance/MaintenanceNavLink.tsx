import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupsDialog } from './BackupsDialog.js';
import { StartupBanner } from './StartupBanner.js';

/** `#/backups` opens the backups dialog over whatever screen is behind it. */
export const BACKUPS_HASH = '#/backups';

function useHashIs(hash: string): boolean {
  const [is, setIs] = useState(() => window.location.hash === hash);
  useEffect(() => {
    const onChange = () => setIs(window.location.hash === hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [hash]);
  return is;
}

/**
 * Everything maintenance adds to the app in one place (one line in App): the
 * "Backups" link, the backups dialog when the hash asks for it, and the banner
 * about a start-up problem with the data file.
 */
export function MaintenanceNavLink() {
  const { t } = useTranslation('maintenance');
  const open = useHashIs(BACKUPS_HASH);
  return (
    <>
      <a href={BACKUPS_HASH} className="maintenance-nav-link">
        {t('navLink')}
      </a>
      <StartupBanner onRestore={() => (window.location.hash = BACKUPS_HASH)} />
      {open && <BackupsDialog onClose={() => history.back()} />}
    </>
  );
}
