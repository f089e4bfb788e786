import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/** A zod issue as the sentence a person reads beside the field. */
export type DescribeIssue = (issue: z.core.$ZodIssue) => string;

/**
 * A react-hook-form resolver over a zod schema taken from the API contract (or built on it),
 * so a form checks exactly what main will check. Why not `zodResolver`: the contract's own
 * messages are English and set on the schema, and zod lets a schema's message win over one
 * given at parse time; here every message comes from the issue's code and limits, in the UI
 * language (`describe`). The first issue of each field is kept.
 */
export function schemaResolver<Input extends FieldValues, Output>(schema: z.ZodType<Output, Input>, describe: DescribeIssue): Resolver<Input, unknown, Output> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const name = issue.path.map(String).join('.');
      errors[name] ??= { type: issue.code, message: describe(issue) };
    }
    return { values: {}, errors: errors as FieldErrors<Input> };
  };
}
