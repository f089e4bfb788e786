import path from 'node:path';
import type { StartupReport } from '../../../core/contract/channels/maintenance.js';

/**
 * The start-up report of each data folder opened in this process, kept in memory
 * so the maintenance channel can show it to the UI after the services started.
 */
const reports = new Map<string, StartupReport>();

export function rememberStartupReport(dataDir: string, report: StartupReport): void {
  reports.set(path.resolve(dataDir), report);
}

export function startupReportFor(dataDir: string): StartupReport | null {
  return reports.get(path.resolve(dataDir)) ?? null;
}
