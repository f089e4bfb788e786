import type { Handlers } from '../../../core/contract/dispatch.js';
import type { SigningDeps } from './deps.js';
import { createIdentityService } from './identity-service.js';

/** The `identities.*` channels. */
export function identityHandlers(deps: SigningDeps): Handlers['identities'] {
  const identities = createIdentityService(deps);
  return {
    list: () => identities.list(),
    create: (input) => identities.create(input),
    unlockCheck: async ({ id, passphrase }) => {
      (await identities.unlock(id, passphrase)).fill(0);
      return { ok: true as const };
    },
    exportCard: ({ id }) => identities.exportCard(id),
  };
}
