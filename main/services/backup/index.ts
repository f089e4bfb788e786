export { backupBeforeFinalize, backupIfDue, createBackup, restoreBackup, STARTUP_BACKUP_INTERVAL_MS } from './backup-service.js';
export { KEEP_BACKUPS, listBackups } from './backup-files.js';
export { createMaintenanceHandlers } from './maintenance-handlers.js';
