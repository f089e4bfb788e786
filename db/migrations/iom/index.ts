import type { Migration } from '../../migrate.js';
import { iomMigration0001 } from './0001-iom.js';
import { iomMigration0002 } from './0002-trust.js';
import { iomMigration0003 } from './0003-releases.js';
import { iomMigration0004 } from './0004-reviews.js';
import { iomMigration0005 } from './0005-search-texts.js';

/** iom.db's migrations, in order. Append; never edit a released one. */
export const iomMigrations: readonly Migration[] = [iomMigration0001, iomMigration0002, iomMigration0003, iomMigration0004, iomMigration0005];
