import { useEffect, useState } from 'react';

/**
 * The signing screens' own part of the URL hash, beside the wizard's routes:
 * `#/signing` (keys and signed submissions), `#/signing/finalize/<draftId>`,
 * `#/signing/revisions/<submissionId>`.
 */
export type SigningRoute =
  | { readonly name: 'identities' }
  | { readonly name: 'finalize'; readonly draftId: string }
  | { readonly name: 'revision'; readonly submissionId: string };

export function parseSigningRoute(hash: string): SigningRoute | undefined {
  const parts = hash.replace(/^#\/?/, '').split('?', 1)[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
  if (parts[0] !== 'signing') return undefined;
  if (parts[1] === 'finalize' && parts[2]) return { name: 'finalize', draftId: parts[2] };
  if (parts[1] === 'revisions' && parts[2]) return { name: 'revision', submissionId: parts[2] };
  return { name: 'identities' };
}

export function signingHref(route: SigningRoute): string {
  switch (route.name) {
    case 'identities':
      return '#/signing';
    case 'finalize':
      return `#/signing/finalize/${encodeURIComponent(route.draftId)}`;
    case 'revision':
      return `#/signing/revisions/${encodeURIComponent(route.submissionId)}`;
  }
}

export function goTo(route: SigningRoute | { readonly draftId: string }): void {
  window.location.hash = 'name' in route ? signingHref(route) : `#/drafts/${encodeURIComponent(route.draftId)}`;
}

export function useSigningRoute(): SigningRoute | undefined {
  const [route, setRoute] = useState(() => parseSigningRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseSigningRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
