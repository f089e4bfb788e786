import { useCallback } from 'react';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';

/** The workspace's state (database, identity, whether this window has file dialogs). */
export function useIomInfo() {
  const api = useApi();
  const load = useCallback(() => unwrap(api.iom.info({})), [api]);
  return useLoader(load);
}
