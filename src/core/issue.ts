import { z } from 'zod';

/**
 * A problem with the data, reported to the user instead of thrown: which tab, which
 * 1-based sheet row (0 for the tab as a whole, 1 for its header), which column by its
 * header text, the value as found, and a sentence saying what we did about it.
 */
export const Issue = z.object({
  tab: z.string(),
  row: z.number().int().min(0),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}
