import path from 'node:path';
import type { Handlers } from '../../../core/contract/dispatch.js';
import { AppError } from '../../../core/contract/errors.js';
import { ReleaseRefusal } from '../../../core/release/refusals.js';
import type { ReleaseListRow } from '../../../db/repos/iom/releases.js';
import type { Clock } from '../clock.js';
import type { HostCapabilities } from '../host.js';
import { IOM_DB_FILE } from '../import/handlers.js';
import { createIomService, type IomService } from '../import/iom-service.js';
import type { DraftMoveService } from './draft-moves.js';
import { refusalError, type ReleaseService } from './release-service.js';

export interface ReleaseHandlerDeps {
  readonly releases: ReleaseService;
  readonly moves: DraftMoveService;
  readonly dataDir: string;
  readonly questionnairesDir: string;
  readonly clock?: Clock;
  readonly hostCapabilities?: HostCapabilities;
  readonly nativeBinding?: string;
}

const iomView = (r: ReleaseListRow) => ({
  id: r.questionnaire_id,
  version: r.version,
  publishedAt: r.published_at,
  publisher: r.publisher,
  fileSha256: r.file_sha256,
  addedAt: r.added_at,
  addedBy: r.added_by,
  source: r.source,
});

/** The `releases.*` channels. */
export function releaseHandlers(deps: ReleaseHandlerDeps): Handlers['releases'] {
  const { releases, moves } = deps;
  // iom.db is opened for each call and closed after, as the other IOM channels do.
  const withIom = async <T>(body: (s: IomService) => T | Promise<T>): Promise<T> => {
    const service = createIomService({
      dbFile: path.join(deps.dataDir, IOM_DB_FILE),
      questionnairesDir: deps.questionnairesDir,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    });
    try {
      await service.syncBundled();
      return await body(service);
    } finally {
      service.close();
    }
  };
  return {
    list: () => releases.list(),
    get: (ref) => releases.get(ref),
    pick: () => releases.pick(),
    opened: () => releases.opened(),
    install: ({ stagedId }) => releases.install(stagedId),
    discard: ({ stagedId }) => releases.discard(stagedId),
    draftStatus: ({ draftId }) => {
      const status = moves.status(draftId);
      return {
        ...status,
        impact: status.impact && {
          ...status.impact,
          newQuestions: [...status.impact.newQuestions],
          notCarried: status.impact.notCarried.map((n) => ({ ...n })),
          restored: status.impact.restored.map((r) => ({ ...r })),
        },
        notCarried: status.notCarried.map((n) => ({ ...n })),
      };
    },
    moveDraft: ({ draftId, version }) => moves.move(draftId, version),
    undoMove: ({ draftId }) => moves.undo(draftId),
    iomList: () => withIom((s) => ({ releases: s.releases().map(iomView) })),
    iomAdd: ({ path: file }) =>
      withIom(async (s) => {
        try {
          const added = await s.addRelease(file, 'IOM workspace');
          return { release: iomView(added.row), alreadyKnown: added.alreadyKnown };
        } catch (error) {
          if (error instanceof ReleaseRefusal) throw refusalError(error, path.basename(file));
          throw error;
        }
      }),
    iomPick: async () => {
      if (!deps.hostCapabilities)
        throw new AppError('NOT_SUPPORTED', 'This window cannot open a file dialog: type the path instead.');
      const [file] = await deps.hostCapabilities.pickFiles({
        title: 'Questionnaire release to add',
        filters: [{ name: 'ISCM questionnaire release', extensions: ['iscmq'] }],
      });
      return { path: file ?? null };
    },
  };
}
