import { z } from 'zod';
import { unstorableTextIssues } from './input-text.js';
import { inSendersKeyOrder } from './senders-key-order.js';

/** The shape tRPC recognizes as a zod-like parser: a `parse` method and its input/output types. */
interface SyncParser<S extends z.ZodType> {
  parse(input: unknown): z.output<S>;
  _input: z.input<S>;
  _output: z.output<S>;
}

/**
 * A procedure input parser that runs a zod schema synchronously. Given the schema itself, tRPC
 * calls `parseAsync`, whose promise machinery costs more than the parse on every request; the
 * procedure's input and output types still come from the schema. Text no field may hold (see
 * input-text.ts) is refused first; objects keep the sender's key order (senders-key-order.ts).
 */
export function syncInput<S extends z.ZodType>(schema: S): SyncParser<S> {
  return {
    parse: (input) => {
      const textIssues = unstorableTextIssues(input);
      if (textIssues.length === 0) return inSendersKeyOrder(schema.parse(input), input);
      // Reported together with what the schema finds, so the caller sees every problem at once.
      const parsed = schema.safeParse(input);
      throw new z.ZodRealError([...textIssues, ...(parsed.success ? [] : parsed.error.issues)]);
    },
  } as SyncParser<S>;
}
