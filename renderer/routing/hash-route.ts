import { useEffect, useState } from 'react';

/** The screen is named in the URL's hash (`#/drafts/<id>`) so a reload returns to it. */
export type Route = { readonly name: 'home' } | { readonly name: 'draft'; readonly draftId: string; readonly section?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'drafts' && parts[1]) {
    return parts[2] ? { name: 'draft', draftId: parts[1], section: parts[2] } : { name: 'draft', draftId: parts[1] };
  }
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  if (route.name === 'home') return '#/';
  const base = `#/drafts/${encodeURIComponent(route.draftId)}`;
  return route.section ? `${base}/${encodeURIComponent(route.section)}` : base;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
