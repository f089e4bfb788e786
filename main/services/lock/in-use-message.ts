import type { FolderHolder } from '../../../core/contract/channels/maintenance.js';

const HOSTS: Readonly<Record<FolderHolder['host'], string>> = {
  electron: 'the ISCM Assessment desktop app',
  web: 'ISCM Assessment in a browser (npm run start:web)',
  cli: 'the iscm command',
};

/** "the iscm command (process 1234 on vm, started 2026-…)", or another program when the holder cannot be told. */
export function describeHolder(holder: FolderHolder | null): string {
  if (!holder) return 'another program (perhaps ISCM Assessment is already open, or a tool that reads the file)';
  const where = holder.hostname ? ` on ${holder.hostname}` : '';
  return `${HOSTS[holder.host]} (process ${holder.pid}${where}, started ${holder.startedAt})`;
}

/** What a second host says when the folder is taken: by whom, and what to do. */
export function inUseMessage(dir: string, holder: FolderHolder | null): string {
  return `The folder ${dir} is in use by ${describeHolder(holder)}. Nothing was changed. Close it (or, if it no longer responds, end that process), then try again.`;
}
