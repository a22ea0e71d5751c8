import type { z } from 'zod';

/** The shape tRPC recognizes as a zod-like parser: a `parse` method and its input/output types. */
interface SyncParser<S extends z.ZodType> {
  parse(input: unknown): z.output<S>;
  _input: z.input<S>;
  _output: z.output<S>;
}

/**
 * A procedure input parser that runs a zod schema synchronously. Given the schema itself, tRPC
 * calls `parseAsync`, whose promise machinery costs more than the parse on every request; the
 * procedure's input and output types still come from the schema.
 */
export function syncInput<S extends z.ZodType>(schema: S): SyncParser<S> {
  return { parse: (input) => schema.parse(input) } as SyncParser<S>;
}
