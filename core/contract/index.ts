import type { z } from 'zod';
import type { ChannelDef } from './channel.js';
import type { Result } from './errors.js';
import type { EventName, EventPayload, Unsubscribe } from './events.js';
import { appChannels } from './channels/app.js';
import { answerChannels, draftChannels } from './channels/drafts.js';
import { maintenanceChannels } from './channels/maintenance.js';
import { attachmentChannels } from './channels/attachments.js';
import { questionnaireChannels } from './channels/questionnaires.js';
import { identityChannels } from './channels/identities.js';
import { submissionChannels } from './channels/submissions.js';
import { iomChannels } from './channels/iom.js';
import { releaseChannels } from './channels/releases.js';
import { fileChannels } from './channels/files.js';

/**
 * The API contract: the single source of truth between the renderer and the
 * hosts (Electron main, web host). Every call is `<domain>.<method>`; main and the
 * web host validate input and output against these schemas.
 *
 * To add a channel: add it to its domain's file under `channels/`, add the
 * domain here if new, and give it a handler in `createAppServices`
 * (`main/services/app-services.ts`, which takes some domains' handlers from their own
 * modules); the `Handlers` type makes a missing one a type error.
 */
export const contract = {
  app: appChannels,
  drafts: draftChannels,
  answers: answerChannels,
  maintenance: maintenanceChannels,
  attachments: attachmentChannels,
  questionnaires: questionnaireChannels,
  identities: identityChannels,
  submissions: submissionChannels,
  iom: iomChannels,
  releases: releaseChannels,
  files: fileChannels,
} as const;

export type Contract = typeof contract;
export type DomainName = keyof Contract;
export type MethodName<D extends DomainName> = keyof Contract[D] & string;

type Def<D extends DomainName, M extends MethodName<D>> = Contract[D][M] extends ChannelDef ? Contract[D][M] : never;
export type Input<D extends DomainName, M extends MethodName<D>> = z.input<Def<D, M>['input']>;
export type Output<D extends DomainName, M extends MethodName<D>> = z.output<Def<D, M>['output']>;
export type ParsedInput<D extends DomainName, M extends MethodName<D>> = z.output<Def<D, M>['input']>;

/** What the renderer sees as `window.iscm`: one typed async function per channel. */
export type IscmApi = {
  readonly [D in DomainName]: {
    readonly [M in MethodName<D>]: (input: Input<D, M>) => Promise<Result<Output<D, M>>>;
  };
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/** Every channel as its wire name, e.g. `drafts.create`. */
export const channelNames: readonly string[] = Object.entries(contract).flatMap(([domain, methods]) =>
  Object.keys(methods).map((method) => `${domain}.${method}`),
);

export function lookupChannel(name: string): ChannelDef | undefined {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const domain = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (!Object.hasOwn(contract, domain)) return undefined;
  const methods: Readonly<Record<string, ChannelDef>> = contract[domain as DomainName];
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}

export * from './errors.js';
export * from './transport.js';
export * from './events.js';
export type { ChannelDef } from './channel.js';
