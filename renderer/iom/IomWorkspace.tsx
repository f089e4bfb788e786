import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportPanel } from './ExportPanel.js';
import { ImportPanel } from './ImportPanel.js';
import { iomHref, IOM_TABS, type IomRoute } from './iom-route.js';
import { KeysPanel } from './KeysPanel.js';
import { QuarantinePanel } from './QuarantinePanel.js';
import { RespondentsPanel } from './RespondentsPanel.js';
import { StatusPanel } from './StatusPanel.js';
import { SubmissionView } from './SubmissionView.js';
import { SubmissionsTable } from './analyst/SubmissionsTable.js';
import { IomReleasesPanel } from '../releases/IomReleasesPanel.js';
import { preloadableScreen } from '../routing/preloadable-screen.js';
import './iom.css';

// The reports and their chart library load only in IOM's workspace: the secretariat's start does not carry them.
const reportsPanel = preloadableScreen(() => import('./analyst/report/ReportsPanel.js').then((m) => m.default));
const ReportsPanel = reportsPanel.Screen;

/** The link to the workspace, for the app's header. */
export function IomNavLink() {
  const { t } = useTranslation('iom');
  return (
    <a href={iomHref({ tab: 'import' })} className="iom-nav-link">
      {t('navLink')}
    </a>
  );
}

/** IOM's workspace: import packages, review what arrived and who is missing, decide on keys and duplicates, export the dataset. */
export function IomWorkspace({ route }: { route: IomRoute }) {
  const { t } = useTranslation('iom');
  const { t: ta } = useTranslation('analyst');
  // Fetched once the workspace is open, so the Reports tab does not wait for its code.
  useEffect(() => {
    void reportsPanel.preload();
  }, []);
  return (
    <section className="iom" aria-labelledby="iom-title">
      <h1 id="iom-title">{t('heading')}</h1>
      <nav aria-label={t('workspace')} className="iom-tabs">
        {IOM_TABS.map((tab) => (
          <a key={tab} href={iomHref({ tab })} aria-current={route.tab === tab ? 'page' : undefined}>
            {tab === 'reports' ? ta('reports.tab') : t(`tabs.${tab}`)}
          </a>
        ))}
      </nav>
      {route.tab === 'import' && <ImportPanel />}
      {route.tab === 'import' && <IomReleasesPanel />}
      {route.tab === 'submissions' &&
        (route.submissionId ? (
          <SubmissionView key={`${route.submissionId}${route.compare === true ? '/compare' : ''}`} submissionId={route.submissionId} compare={route.compare === true} />
        ) : (
          <SubmissionsTable />
        ))}
      {route.tab === 'reports' && (
        <Suspense fallback={<p>{ta('loading')}</p>}>
          <ReportsPanel />
        </Suspense>
      )}
      {route.tab === 'keys' && <KeysPanel />}
      {route.tab === 'status' && <StatusPanel />}
      {route.tab === 'respondents' && <RespondentsPanel />}
      {route.tab === 'export' && <ExportPanel />}
      {route.tab === 'quarantine' && <QuarantinePanel />}
    </section>
  );
}
