import { contract, type DomainName } from '../../core/contract/index.js';
import type { Handlers } from '../../core/contract/dispatch.js';

/**
 * Handlers that only record that they were called: for transport tests that must
 * prove a rejected call never reaches a service. (Tests of the services themselves
 * use the real ones.)
 */
export function recordingHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(contract) as DomainName[]).map((domain) => [
      domain,
      Object.fromEntries(
        Object.keys(contract[domain]).map((method) => [
          method,
          () => {
            calls.push(`${domain}.${method}`);
            throw new Error('a recording handler has no result');
          },
        ]),
      ),
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

/** Inputs that no channel accepts: every channel's input is a strict object. */
export const MALFORMED_INPUTS: readonly unknown[] = [
  undefined,
  null,
  42,
  'drafts',
  [],
  [{}],
  { unexpectedKey: true },
  JSON.parse('{"__proto__": {"polluted": true}, "unexpectedKey": 1}'),
];
