import { ExportPanel } from './ExportPanel.js';
import { ImportPanel } from './ImportPanel.js';
import { iomHref, IOM_TABS, type IomRoute, type IomTab } from './iom-route.js';
import { KeysPanel } from './KeysPanel.js';
import { QuarantinePanel } from './QuarantinePanel.js';
import { StatusPanel } from './StatusPanel.js';
import { SubmissionsPanel } from './SubmissionsPanel.js';
import { SubmissionView } from './SubmissionView.js';
import './iom.css';

const TAB_LABELS: Readonly<Record<IomTab, string>> = {
  import: 'Import',
  submissions: 'Submissions',
  keys: 'Keys',
  status: 'Status per mechanism',
  export: 'Export',
  quarantine: 'Quarantine',
};

/** The link to the workspace, for the app's header. */
export function IomNavLink() {
  return (
    <a href={iomHref({ tab: 'import' })} className="iom-nav-link">
      IOM import
    </a>
  );
}

/** IOM's workspace: import packages, review what arrived, decide on keys, export the dataset. */
export function IomWorkspace({ route }: { route: IomRoute }) {
  return (
    <section className="iom" aria-labelledby="iom-title">
      <h1 id="iom-title">IOM import</h1>
      <nav aria-label="IOM workspace" className="iom-tabs">
        {IOM_TABS.map((tab) => (
          <a key={tab} href={iomHref({ tab })} aria-current={route.tab === tab ? 'page' : undefined}>
            {TAB_LABELS[tab]}
          </a>
        ))}
      </nav>
      {route.tab === 'import' && <ImportPanel />}
      {route.tab === 'submissions' &&
        (route.submissionId ? <SubmissionView key={route.submissionId} submissionId={route.submissionId} /> : <SubmissionsPanel />)}
      {route.tab === 'keys' && <KeysPanel />}
      {route.tab === 'status' && <StatusPanel />}
      {route.tab === 'export' && <ExportPanel />}
      {route.tab === 'quarantine' && <QuarantinePanel />}
    </section>
  );
}
