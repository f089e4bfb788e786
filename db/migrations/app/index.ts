import type { Migration } from '../../migrate.js';
import { migration0001 } from './0001-drafts.js';

/** The app database's migrations, in order. Append; never edit a released one. */
export const appMigrations: readonly Migration[] = [migration0001];
