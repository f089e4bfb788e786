import type { Migration } from '../../migrate.js';
import { migration0001 } from './0001-drafts.js';
import { migration0002 } from './0002-attachments.js';
import { migration0003 } from './0003-signing.js';
import { migration0004 } from './0004-version-moves.js';
import { migration0005 } from './0005-answer-versions.js';

/** The app database's migrations, in order. Append; never edit a released one. */
export const appMigrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
