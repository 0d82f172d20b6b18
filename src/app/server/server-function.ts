import { z } from 'zod';
import { CannotRun } from '../cannot-run.js';
import type { ServerContext } from './ports.js';

/**
 * One function the sidebar (google.script.run) or a local preview server calls: its input
 * and output are zod schemas of JSON-safe values (no Date: days travel as `YYYY-MM-DD`),
 * and it runs over ports only, so both shells call the very same code.
 */
export interface ServerFunction<I extends z.ZodType, O extends z.ZodType> {
  readonly name: string;
  readonly input: I;
  readonly output: O;
  run(ctx: ServerContext, input: z.output<I>): z.input<O>;
}

export function serverFunction<I extends z.ZodType, O extends z.ZodType>(fn: ServerFunction<I, O>): ServerFunction<I, O> {
  return fn;
}

/** Checks the input (a bad one is the caller's mistake, named field by field), runs, and checks the output. */
export function callServer<I extends z.ZodType, O extends z.ZodType>(fn: ServerFunction<I, O>, ctx: ServerContext, raw: unknown): z.output<O> {
  const input = fn.input.safeParse(raw ?? {});
  if (!input.success) {
    const fields = input.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`);
    throw new CannotRun(`${fn.name} was called with a bad input: ${fields.join('; ')}`);
  }
  return fn.output.parse(fn.run(ctx, input.data));
}
