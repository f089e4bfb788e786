import { useEffect, useState } from 'react';

/** The IOM workspace's part of the URL hash: `#/iom/<tab>`, `#/iom/submissions/<id>` and `#/iom/submissions/<id>/compare` (with the revision before). */
export const IOM_TABS = ['import', 'submissions', 'reports', 'status', 'keys', 'respondents', 'export', 'quarantine'] as const;
export type IomTab = (typeof IOM_TABS)[number];
export interface IomRoute {
  readonly tab: IomTab;
  readonly submissionId?: string;
  /** Show what changed from the revision before. */
  readonly compare?: boolean;
}

export function parseIomRoute(hash: string): IomRoute | undefined {
  const parts = hash.replace(/^#\/?/, '').split('?', 1)[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
  if (parts[0] !== 'iom') return undefined;
  const tab = IOM_TABS.find((t) => t === parts[1]) ?? 'import';
  if (tab !== 'submissions' || !parts[2]) return { tab };
  return parts[3] === 'compare' ? { tab, submissionId: parts[2], compare: true } : { tab, submissionId: parts[2] };
}

export const iomHref = (route: IomRoute): string =>
  route.submissionId
    ? `#/iom/${route.tab}/${encodeURIComponent(route.submissionId)}${route.compare === true ? '/compare' : ''}`
    : `#/iom/${route.tab}`;

export function useIomRoute(): IomRoute | undefined {
  const [route, setRoute] = useState(() => parseIomRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseIomRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
