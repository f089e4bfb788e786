import { unwrap } from '../api/errors.js';

/** The workspace's state (database, identity, whether this window has file dialogs), for `useLoader`. */
export const loadIomInfo = () => unwrap(window.iscm.iom.info({}));
