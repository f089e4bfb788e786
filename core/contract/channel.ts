import type { z } from 'zod';

/** One request/response channel: the schema of what goes in and what comes out. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<I, O> => ({
  input,
  output,
});

/** A group of channels that belong to one domain (drafts, identities, import…). */
export type Domain = Readonly<Record<string, ChannelDef>>;
