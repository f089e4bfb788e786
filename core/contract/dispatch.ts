import type { z } from 'zod';
import { AppError, fail, ok, type ContractError, type Result } from './errors.js';
import { contract, lookupChannel, type DomainName, type MethodName, type Output, type ParsedInput } from './index.js';

/** A service's implementation of one channel. It may throw `AppError` for expected failures. */
export type Handler<D extends DomainName, M extends MethodName<D>> = (
  input: ParsedInput<D, M>,
) => Output<D, M> | Promise<Output<D, M>>;

/** Every channel of the contract, implemented. The type makes a missing handler a compile error. */
export type Handlers = {
  readonly [D in DomainName]: { readonly [M in MethodName<D>]: Handler<D, M> };
};

export type Dispatch = (channelName: string, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Turns an unexpected exception into a contract error; the default reports INTERNAL. */
  readonly classifyError?: (error: unknown) => ContractError | undefined;
  /** Told about every failure that is a bug or a fault (not a validation error), for the log. */
  readonly onFault?: (channelName: string, error: unknown) => void;
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 50).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * The one place where a call meets the contract, shared by the IPC binding and the
 * web host: unknown channel, bad input, thrown errors and bad output all become
 * `{ ok: false, error }`; nothing escapes as an exception.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channelName, rawInput) => {
    const def = lookupChannel(channelName);
    if (!def) return fail('UNKNOWN_CHANNEL', `There is no channel named "${channelName.slice(0, 100)}".`);
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) {
      return fail('INVALID_INPUT', `The request to ${channelName} is not valid.`, { issues: issuesOf(parsed.error) });
    }
    const [domain, method] = channelName.split('.', 2) as [DomainName, string];
    const domainHandlers = handlers[domain] as Readonly<Record<string, (input: unknown) => unknown>>;
    const handler = domainHandlers[method];
    if (!handler) return fail('INTERNAL', `No handler is registered for ${channelName}.`);
    let output: unknown;
    try {
      output = await handler(parsed.data);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      const classified = options.classifyError?.(error);
      options.onFault?.(channelName, error);
      if (classified) return { ok: false, error: classified };
      return fail('INTERNAL', 'Something went wrong inside the app. Your data was not changed by this request.');
    }
    const checked = def.output.safeParse(output);
    if (!checked.success) {
      options.onFault?.(channelName, checked.error);
      return fail('INTERNAL', `The app produced an invalid answer to ${channelName}.`);
    }
    return ok(checked.data);
  };
}

/** All domains and methods, for building clients (preload, web client) from the contract. */
export function contractShape(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(contract).map(([d, methods]) => [d, Object.keys(methods)]));
}
