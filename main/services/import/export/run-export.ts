import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../core/contract/errors.js';
import type { LoadedQuestionnaire } from '../../../../core/questionnaire/index.js';
import { compareVersions } from '../../questionnaires/catalog.js';
import { commitTempFile, removeQuietly, tempPathBeside } from '../../atomic-file.js';
import type { ImportContext } from '../context.js';
import { buildTables } from './build-tables.js';
import { mediaName } from './question-columns.js';
import { writeCsv } from './csv.js';
import { writeXlsx } from './xlsx.js';
import { checkExportFolder, makeExportFolder } from './export-folder.js';

export interface ExportOptions {
  readonly format: 'csv' | 'xlsx';
  /** The folder the user chose (absolute, existing): the export goes to a new folder inside it (export-folder.ts). */
  readonly outDir: string;
  /** The language of the codebook, and of the data's labels with `labels`. */
  readonly lang?: string | undefined;
  readonly allRevisions?: boolean | undefined;
  readonly questionnaireId?: string | undefined;
  /** Choice answers as their labels in `lang` instead of their values. */
  readonly labels?: boolean | undefined;
  /** Each multiple choice question also gets one 0/1 column per choice, `question/choice`. */
  readonly splitChoices?: boolean | undefined;
}

export interface ExportResult {
  /** The new folder the files were written to. */
  readonly folder: string;
  readonly files: readonly string[];
  readonly submissions: number;
  readonly media: number;
}

async function copyMedia(ctx: Pick<ImportContext, 'dirs' | 'submissions'>, ids: readonly string[], outDir: string, names: Map<string, string>): Promise<number> {
  const mediaDir = path.join(outDir, 'media');
  await mkdir(mediaDir, { recursive: true });
  let copied = 0;
  const done = new Set<string>();
  for (const id of ids) {
    for (const a of ctx.submissions.attachments(id)) {
      if (done.has(a.sha256)) continue;
      done.add(a.sha256);
      const target = path.join(mediaDir, names.get(a.sha256) ?? a.sha256);
      if ((await stat(target).catch(() => null))?.size === a.size) continue;
      const temp = tempPathBeside(target);
      try {
        await copyFile(path.join(ctx.dirs.media, a.sha256), temp);
        await commitTempFile(temp, target);
      } catch (error) {
        await removeQuietly(temp);
        throw error;
      }
      copied++;
    }
  }
  return copied;
}

/** The media names the answers use (hash + extension), from the attachment questions' values. */
function mediaNames(responsesJson: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.sha256 === 'string' && /^[0-9a-f]{64}$/.test(o.sha256)) names.set(o.sha256, mediaName({ sha256: o.sha256, name: o.name }));
      else Object.values(o).forEach(visit);
    }
  };
  for (const json of responsesJson) visit(JSON.parse(json));
  return names;
}

/**
 * The consolidated export in ODK Central's layout: CSV files (main table, one per repeat group,
 * a codebook) or one XLSX workbook with the same tables as sheets, plus `media/`. Every file is
 * written atomically; nothing in the database changes.
 */
export async function runExport(ctx: Pick<ImportContext, 'dirs' | 'submissions' | 'registry' | 'clock'>, options: ExportOptions): Promise<ExportResult> {
  const formId = options.questionnaireId ?? 'iscm-assessment';
  const lang = options.lang ?? 'en';
  // Refused before anything is read: a relative, missing or non-existent folder.
  await checkExportFolder(options.outDir);
  const rows = ctx.submissions
    .list({ status: options.allRevisions === true ? 'all' : 'current' })
    .filter((r) => r.questionnaire_id === formId);
  // Every version IOM published (and any a stored submission answered): the union of their columns.
  const versionSet = new Set([...ctx.registry.versions(formId), ...rows.map((r) => r.questionnaire_version)]);
  const versions: LoadedQuestionnaire[] = [...versionSet]
    .sort((a, b) => compareVersions(b, a))
    .map((v) => ctx.registry.get(formId, v))
    .filter((q): q is LoadedQuestionnaire => q !== null);
  if (versions.length === 0) throw new AppError('NOT_FOUND', `No questionnaire "${formId}" is available to lay out the export.`);
  const tables = buildTables(formId, versions, rows, lang, {
    labels: options.labels === true,
    lang,
    splitChoices: options.splitChoices === true,
  });
  const outDir = await makeExportFolder(options.outDir, ctx.clock.now());
  const files: string[] = [];
  if (options.format === 'csv') {
    for (const table of [tables.main, ...tables.repeats, tables.codebook]) {
      const file = path.join(outDir, `${table.name}.csv`);
      await writeCsv(table, file);
      files.push(file);
    }
  } else {
    const file = path.join(outDir, `${formId}.xlsx`);
    await writeXlsx([tables.main, ...tables.repeats, { ...tables.codebook, name: 'codebook' }], file);
    files.push(file);
  }
  const media = await copyMedia(ctx, rows.map((r) => r.submission_id), outDir, mediaNames(rows.map((r) => r.responses_json)));
  return { folder: outDir, files, submissions: rows.length, media };
}
