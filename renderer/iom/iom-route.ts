import { useEffect, useState } from 'react';

/** The IOM workspace's part of the URL hash: `#/iom/<tab>` and `#/iom/submissions/<id>`. */
export const IOM_TABS = ['import', 'submissions', 'status', 'keys', 'respondents', 'export', 'quarantine'] as const;
export type IomTab = (typeof IOM_TABS)[number];
export interface IomRoute {
  readonly tab: IomTab;
  readonly submissionId?: string;
}

export function parseIomRoute(hash: string): IomRoute | undefined {
  const parts = hash.replace(/^#\/?/, '').split('?', 1)[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
  if (parts[0] !== 'iom') return undefined;
  const tab = IOM_TABS.find((t) => t === parts[1]) ?? 'import';
  return tab === 'submissions' && parts[2] ? { tab, submissionId: parts[2] } : { tab };
}

export const iomHref = (route: IomRoute): string =>
  route.submissionId ? `#/iom/${route.tab}/${encodeURIComponent(route.submissionId)}` : `#/iom/${route.tab}`;

export function useIomRoute(): IomRoute | undefined {
  const [route, setRoute] = useState(() => parseIomRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseIomRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
