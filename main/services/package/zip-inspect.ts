import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { PackageLimits } from '../../../core/package/format.js';
import { MANIFEST_ENTRY, RESPONSES_ENTRY, SIGNATURE_ENTRY } from '../../../core/package/format.js';
import { PackageVerifyError, type ZipUnsafeReason } from '../../../core/package/verify-codes.js';
import { findNameProblem } from '../../../core/package/zip-names.js';

/**
 * Opens the decrypted ZIP and judges it from the central directory and the local headers
 * alone, before a single byte is inflated.
 */

export interface InspectedEntry {
  readonly name: string;
  readonly entry: Entry;
}

export interface InspectedZip {
  readonly zip: ZipFile;
  readonly entries: ReadonlyMap<string, InspectedEntry>;
}

const YAUZL_OPTIONS = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: true,
  strictFileNames: false,
};
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const DOS_DIRECTORY = 0x10;

const corrupt = (detail: string): PackageVerifyError => new PackageVerifyError('ZIP_CORRUPT', detail);
const unsafe = (reason: ZipUnsafeReason, detail: string, entry?: string): PackageVerifyError =>
  new PackageVerifyError('ZIP_UNSAFE', detail, reason, entry);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function decodeName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  // Without the UTF-8 flag (bit 11) a name is CP437; we accept only its ASCII subset.
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
  if (!utf8 && raw.some((b) => b >= 0x80))
    throw unsafe('bad-name-encoding', 'a name is not ASCII and not flagged UTF-8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw unsafe('bad-name-encoding', 'a name is not valid UTF-8');
  }
}

function checkEntryKind(name: string, entry: Entry): void {
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw unsafe('encrypted-entry', 'an entry is encrypted', name);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw unsafe('unsupported-compression', `compression method ${entry.compressionMethod}`, name);
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (entry.versionMadeBy >> 8 === UNIX && type !== 0 && type !== S_IFREG) {
    throw type === S_IFDIR
      ? unsafe('directory', 'a folder entry', name)
      : unsafe('link', type === S_IFLNK ? 'a symbolic link' : 'a special file', name);
  }
  if ((entry.externalFileAttributes & DOS_DIRECTORY) !== 0) throw unsafe('directory', 'a folder entry', name);
}

function smallEntryLimit(name: string, limits: PackageLimits): number | null {
  if (name === MANIFEST_ENTRY) return limits.maxManifestBytes;
  if (name === SIGNATURE_ENTRY) return limits.maxSignatureBytes;
  if (name === RESPONSES_ENTRY) return limits.maxResponsesBytes;
  return null;
}

function checkSizes(list: readonly InspectedEntry[], limits: PackageLimits): void {
  let total = 0;
  for (const { name, entry } of list) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes)
      throw unsafe('too-large', `more than ${limits.maxTotalUncompressedBytes} bytes uncompressed`, name);
    const small = smallEntryLimit(name, limits);
    if (small !== null && entry.uncompressedSize > small)
      throw unsafe('too-large', `${name} is larger than ${small} bytes`, name);
    const ratio =
      entry.compressedSize === 0
        ? entry.uncompressedSize === 0
          ? 0
          : Infinity
        : entry.uncompressedSize / entry.compressedSize;
    if (ratio > limits.maxCompressionRatio)
      throw unsafe(
        'compression-ratio',
        `compression ratio ${ratio.toFixed(0)} above ${limits.maxCompressionRatio}`,
        name,
      );
    if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize)
      throw corrupt(`stored entry ${name} has two sizes`);
  }
}

/** Every entry's bytes, header to data descriptor, must sit apart from the others and before the central directory. */
async function checkLayout(
  zip: ZipFile,
  list: readonly InspectedEntry[],
  centralDirectoryOffset: number,
): Promise<void> {
  const spans: { name: string; start: number; end: number; sameName: boolean }[] = [];
  for (const { name, entry } of list) {
    const header = await zip.readLocalFileHeaderPromise(entry).catch((error: unknown) => {
      throw corrupt(`local header of ${name}: ${messageOf(error)}`);
    });
    const descriptor = (entry.generalPurposeBitFlag & 0x8) !== 0 ? 16 : 0;
    const end = header.fileDataStart + entry.compressedSize + descriptor;
    spans.push({
      name,
      start: entry.relativeOffsetOfLocalHeader,
      end,
      sameName: header.fileName.equals(entry.fileNameRaw),
    });
  }
  spans.sort((a, b) => a.start - b.start);
  let previousEnd = 0;
  for (const span of spans) {
    if (span.start < previousEnd) throw unsafe('overlapping-entries', 'two entries share bytes', span.name);
    previousEnd = span.end;
  }
  // Checked after overlaps: two entries sharing one header would otherwise show up as a name mismatch.
  const renamed = spans.find((span) => !span.sameName);
  if (renamed) throw unsafe('local-header-mismatch', 'a local header names another file', renamed.name);
  // A descriptor may be 24 bytes for ZIP64; the slack only forgives that, never an overlap of data.
  if (previousEnd > centralDirectoryOffset + 8)
    throw unsafe('overlapping-entries', 'an entry runs into the central directory');
}

async function readCentralDirectory(zip: ZipFile, limits: PackageLimits): Promise<InspectedEntry[]> {
  const list: InspectedEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (list.length >= limits.maxEntries) throw unsafe('too-many-entries', `more than ${limits.maxEntries} entries`);
      list.push({ name: decodeName(entry), entry });
    }
  } catch (error) {
    if (error instanceof PackageVerifyError) throw error;
    throw corrupt(`central directory: ${messageOf(error)}`);
  }
  return list;
}

export async function inspectZip(source: Buffer | string, limits: PackageLimits): Promise<InspectedZip> {
  let zip: ZipFile;
  try {
    zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, YAUZL_OPTIONS)
        : await yauzl.fromBufferPromise(source, YAUZL_OPTIONS);
  } catch (error) {
    throw corrupt(`not a ZIP archive: ${messageOf(error)}`);
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw unsafe('too-many-entries', `${zip.entryCount} entries, at most ${limits.maxEntries}`);
    const cursor: unknown = (zip as unknown as Record<string, unknown>)['readEntryCursor'];
    const centralDirectoryOffset = typeof cursor === 'number' ? cursor : zip.fileSize;
    const list = await readCentralDirectory(zip, limits);
    const problem = findNameProblem(list.map((e) => e.name));
    if (problem !== null) throw unsafe(problem.reason, `unsafe name ${JSON.stringify(problem.name)}`, problem.name);
    for (const { name, entry } of list) checkEntryKind(name, entry);
    checkSizes(list, limits);
    await checkLayout(zip, list, centralDirectoryOffset);
    return { zip, entries: new Map(list.map((e) => [e.name, e])) };
  } catch (error) {
    zip.close();
    throw error;
  }
}
