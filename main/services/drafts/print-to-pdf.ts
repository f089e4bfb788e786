import { AppError } from '../../../core/contract/errors.js';
import type { HostCapabilities } from '../host.js';
import { writeFileAtomic } from '../atomic-file.js';
import type { SavedFiles } from '../files/saved-files.js';

/** A file name without folders or characters the file systems refuse. */
export function pdfFileName(suggested: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const base = suggested.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150) || 'questionnaire';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

/**
 * Desktop: asks where to save, prints the window to PDF (A4) and writes it
 * atomically. Cancelling the dialog writes nothing and returns `path: null`. The file goes into
 * the session's ledger, so Show in folder may name it.
 */
export async function printToPdf(
  host: Pick<HostCapabilities, 'pickSavePath' | 'printToPdf'> | undefined,
  suggestedName: string,
  savedFiles?: SavedFiles,
): Promise<{ path: string | null }> {
  if (!host?.printToPdf) throw new AppError('NOT_SUPPORTED', 'This host cannot print to PDF; its client uses the browser’s print dialog.');
  const target = await host.pickSavePath({
    title: 'Save as PDF',
    defaultName: pdfFileName(suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target === undefined) return { path: null };
  const bytes = await host.printToPdf({ pageSize: 'A4' });
  await writeFileAtomic(target, bytes);
  savedFiles?.record(target, 'pdf', bytes);
  return { path: target };
}
