/**
 * Why a cell gave no value. A blank cell is `missing` and is not a problem in itself (the
 * scoring settings say what a blank means); anything else that cannot be read is
 * `invalid` with a sentence for the user. A parser returns its value or a Failure, so the
 * common case allocates nothing: `typeof result === 'number'` tells them apart.
 */
export type Failure = { readonly kind: 'missing' } | { readonly kind: 'invalid'; readonly message: string };

export type Parsed<T> = T | Failure;

export const MISSING: Failure = Object.freeze({ kind: 'missing' });

export function invalid(message: string): Failure {
  return { kind: 'invalid', message };
}

export function isFailure(result: unknown): result is Failure {
  return typeof result === 'object' && result !== null && 'kind' in result && (result.kind === 'missing' || result.kind === 'invalid');
}

/** How a cell's text is quoted in a message: `'abc'`. */
export function quoted(text: string): string {
  return `'${text}'`;
}
