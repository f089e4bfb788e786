/**
 * The screen is named in the URL's hash so a reload returns to it:
 * `#/` home, `#/trash`, `#/drafts/<id>` (goes on to the last section visited),
 * `#/drafts/<id>/<section>[?focus=<answer path>]`, `#/drafts/<id>/review`.
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'trash' }
  | { readonly name: 'draft'; readonly draftId: string; readonly section?: string; readonly focus?: string }
  | { readonly name: 'review'; readonly draftId: string };

export const REVIEW_SEGMENT = 'review';

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'trash') return { name: 'trash' };
  if (parts[0] !== 'drafts' || !parts[1]) return { name: 'home' };
  const draftId = parts[1];
  const section = parts[2];
  if (section === REVIEW_SEGMENT) return { name: 'review', draftId };
  if (!section) return { name: 'draft', draftId };
  const focus = new URLSearchParams(query).get('focus');
  return focus ? { name: 'draft', draftId, section, focus } : { name: 'draft', draftId, section };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'trash':
      return '#/trash';
    case 'review':
      return `#/drafts/${encodeURIComponent(route.draftId)}/${REVIEW_SEGMENT}`;
    case 'draft': {
      const base = `#/drafts/${encodeURIComponent(route.draftId)}`;
      if (!route.section) return base;
      const query = route.focus ? `?${new URLSearchParams({ focus: route.focus }).toString()}` : '';
      return `${base}/${encodeURIComponent(route.section)}${query}`;
    }
  }
}
