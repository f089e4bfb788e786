import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import type { HostCapabilities } from '../host.js';

/** A file name without folders or characters the file systems refuse. */
export function pdfFileName(suggested: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const base = suggested.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150) || 'questionnaire';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

/**
 * Desktop: asks where to save, prints the window to PDF (A4) and writes it
 * atomically. Cancelling the dialog writes nothing and returns `path: null`.
 */
export async function printToPdf(
  host: Pick<HostCapabilities, 'pickSavePath' | 'printToPdf'> | undefined,
  suggestedName: string,
): Promise<{ path: string | null }> {
  if (!host?.printToPdf) throw new AppError('NOT_SUPPORTED', 'This host cannot print to PDF; its client uses the browser’s print dialog.');
  const target = await host.pickSavePath({
    title: 'Save as PDF',
    defaultName: pdfFileName(suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target === undefined) return { path: null };
  const bytes = await host.printToPdf({ pageSize: 'A4' });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { path: target };
}
