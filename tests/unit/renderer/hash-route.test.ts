import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../renderer/routing/route.js';

const ID = '0b6f3a0e-4a53-4f27-9d0e-1f0d2b9b8c11';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/trash', { name: 'trash' }],
    [`#/drafts/${ID}`, { name: 'draft', draftId: ID }],
    [`#/drafts/${ID}/structures`, { name: 'draft', draftId: ID, section: 'structures' }],
    [`#/drafts/${ID}/review`, { name: 'review', draftId: ID }],
    [`#/drafts/${ID}/thematic_focus?focus=achievements%5Babc%5D.achievement_year`, { name: 'draft', draftId: ID, section: 'thematic_focus', focus: 'achievements[abc].achievement_year' }],
    ['#/unknown/thing', { name: 'home' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('every route survives a round trip through its href', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'trash' },
      { name: 'review', draftId: ID },
      { name: 'draft', draftId: ID, section: 'profile' },
      { name: 'draft', draftId: ID, section: 'profile', focus: 'mechanism.other' },
      { name: 'draft', draftId: ID, section: 'thematic_focus', focus: 'achievements[r-1_x].achievement_title' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
