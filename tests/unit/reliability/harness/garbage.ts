import fc from 'fast-check';
import { z } from 'zod';
import { channelNames, lookupChannel } from '../../../../core/contract/index.js';
import type { Db } from '../../../../db/open.js';

/** A value nested `depth` levels deep, in objects and arrays by turns. */
function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}

/** Keys that reach prototypes or shadow built-ins. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Values chosen to break parsers: wrong types, huge, deep, NaN, prototype keys, control characters. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withSparseArray: true }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e308, null, undefined, true, '', ' '),
  fc.integer({ min: 90_000, max: 1_200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 50, max: 3000 }).map(deep),
  fc.constantFrom(...PROTO_KEYS).map((k) => JSON.parse(`{"${k}": {"polluted": true}}`) as unknown),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('../../../etc/passwd', '/etc/passwd', 'C:\\Windows\\system32', 'a\u0000b', '\u202e\u0007', '%2e%2e%2f', 'app://iscm/x'),
);

/** Every key any channel's input names: garbage objects use them to get past "unknown key" and into the handlers. */
const INPUT_KEYS: readonly string[] = [
  ...new Set(
    channelNames.flatMap((name) => {
      const input = lookupChannel(name)?.input;
      return input instanceof z.ZodObject ? Object.keys(input.shape) : [];
    }),
  ),
];

/** Values that are nearly right: real-looking ids, paths and strings, so some calls pass validation. */
export function plausibleValue(knownIds: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...knownIds),
    fc.uuid(),
    fc.constantFrom('respondent_name', 'recommendations', 'en', 'fr', 'ar', 'secretariat', 'iscm-assessment', '1.0.0', 'x', 'a'.repeat(200)),
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  );
}

/** An input for a channel: anything hostile, or an object of real input keys with hostile or plausible values. */
export function garbageInput(knownIds: readonly string[]): fc.Arbitrary<unknown> {
  const value = fc.oneof(hostileValue, plausibleValue(knownIds));
  return fc.oneof(
    hostileValue,
    fc.dictionary(fc.constantFrom(...INPUT_KEYS, ...PROTO_KEYS), value, { maxKeys: 5 }),
    fc.dictionary(fc.constantFrom(...INPUT_KEYS), value, { minKeys: 1, maxKeys: 4 }).map((o) => ({ ...o, extraKey: 1 })),
  );
}

const keysOf = (name: string): string[] => {
  const input = lookupChannel(name)?.input;
  return input instanceof z.ZodObject ? Object.keys(input.shape) : [];
};

/** For one channel: its own keys, each present or not, each plausible or hostile; or any garbage at all. */
function inputFor(name: string, knownIds: readonly string[]): fc.Arbitrary<unknown> {
  const keys = keysOf(name);
  const value = fc.oneof({ weight: 3, arbitrary: plausibleValue(knownIds) }, { weight: 1, arbitrary: hostileValue });
  const own =
    keys.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  return fc.oneof({ weight: 3, arbitrary: own }, { weight: 2, arbitrary: garbageInput(knownIds) });
}

const unknownChannel = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('__proto__.x', 'drafts.constructor', 'drafts.__proto__', 'toString.call', 'drafts.list.x', '.', 'x'.repeat(100_000)),
);

/** A call: mostly a real channel with input shaped like its own, else an unknown or tricky channel name with garbage. */
export function garbageCall(knownIds: readonly string[]): fc.Arbitrary<[string, unknown]> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...channelNames).chain((name) => fc.tuple(fc.constant(name), inputFor(name, knownIds))) },
    { weight: 1, arbitrary: fc.tuple(unknownChannel.filter((n) => n.length > 0), garbageInput(knownIds)) },
  );
}

/** Every row of every table, as text: equal dumps mean nothing was written. */
export function dumpDatabase(db: Db): string {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`).raw().all()]), (_k, v: unknown) =>
    Buffer.isBuffer(v) ? v.toString('base64') : v,
  );
}
