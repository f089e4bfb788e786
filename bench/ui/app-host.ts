/** The app served by the web host on a fresh data folder, and drafts made through the contract as the renderer would. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AnswerValue } from '../../core/answers/value.js';
import { createAppDispatch } from '../../main/services/app-dispatch.js';
import { createAppServices } from '../../main/services/app-services.js';
import { createEventBus } from '../../main/services/event-bus.js';
import { createRotatingLog } from '../../main/services/log/rotating-log.js';
import { startWebHost } from '../../web/server.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface BenchHost {
  readonly url: string;
  readonly close: () => Promise<void>;
}

export async function startBenchHost(dataDir: string, questionnairesDir: string, defaultQuestionnaireId: string): Promise<BenchHost> {
  const staticDir = path.join(ROOT, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
  const services = createAppServices({ dataDir, questionnairesDir, host: 'web', appVersion: '0.0.0-bench', defaultQuestionnaireId });
  const host = await startWebHost({ dispatch: createAppDispatch(services.handlers, createRotatingLog({ dir: dataDir })), events: createEventBus(), staticDir });
  return {
    url: host.url,
    close: async () => {
      await host.close();
      services.close();
    },
  };
}

/** A new draft on the host's current questionnaire, answered through `answers.save` one path at a time. */
export async function createDraft(page: Page, title: string, answers: Readonly<Record<string, AnswerValue>>): Promise<string> {
  await page.waitForFunction(() => 'iscm' in globalThis);
  return await page.evaluate<string>(`(async () => {
    const created = await window.iscm.drafts.create({ title: ${JSON.stringify(title)}, respondentKind: 'secretariat', mechanism: null, language: 'en' });
    if (!created.ok) throw new Error(created.error.message);
    const draftId = created.value.id;
    for (const [path, value] of Object.entries(${JSON.stringify(answers)})) {
      const r = await window.iscm.answers.save({ draftId, path, value });
      if (!r.ok) throw new Error(path + ': ' + r.error.message);
    }
    return draftId;
  })()`);
}
