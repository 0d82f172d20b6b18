import { z } from 'zod';
import { Digest } from '../core/digest.js';
import { ClvFit } from '../core/score/clv/clv-result.js';
import type { KeyedClvFit } from '../core/score/clv/fit-key.js';
import type { BookScores } from '../core/score/score-book.js';
import type { StateStore } from './ports.js';

/**
 * What a rescore computed that later runs on the same data can take instead of computing
 * it again (issue 13 item 2): the CLV fit, a handful of numbers that cost a fit of both
 * models over every buyer. It lives in the saved state's `computed` section, beside
 * what the use cases remember, and is only ever a shortcut: each entry carries the key of
 * what it was computed from, a run uses it only when its own data gives the same key, and
 * anything that does not read back exactly (another version, a hand edit, a damaged
 * section) is ignored and computed afresh. It is never a problem with the state: the
 * schema of the saved state does not look inside it, so a damaged one cannot make the
 * proposals or the undo record unreadable.
 */

/** Raised when the section's shape changes: an older one is then ignored, not misread. */
const VERSION = 1;

/** A saved fit, sealed: `seal` is the digest of its key and its text, so an edited parameter does not pass. */
const SavedClvFit = z.object({ key: z.string(), fit: ClvFit, seal: z.string() });

const Computed = z.object({ version: z.literal(VERSION), clvFit: SavedClvFit.nullable() });
type Computed = z.infer<typeof Computed>;

/** What the saved state holds that this run may reuse; null for each part that is missing or does not read back. */
export interface Reusable {
  readonly clvFit: KeyedClvFit | null;
}

export function reusableComputations(store: StateStore): Reusable {
  const state = store.load();
  const parsed = Computed.safeParse(typeof state === 'object' && state !== null ? (state as { computed?: unknown }).computed : undefined);
  const saved = parsed.success ? parsed.data.clvFit : null;
  return { clvFit: saved && saved.seal === seal(saved.key, saved.fit) ? { key: saved.key, fit: saved.fit } : null };
}

/**
 * The state with this run's computations in its `computed` section, for a use case that
 * saves the state anyway. A fit that would not read back exactly is not saved, and the
 * next run fits again: JSON has no NaN or infinity, and writes -0 as 0 (made null here,
 * which the schema refuses).
 */
export function withComputations<T extends object>(state: T, scores: BookScores): T & { computed: Computed } {
  const fitted = scores.clv?.fit;
  const fit = fitted ? ClvFit.safeParse(JSON.parse(JSON.stringify(fitted.fit, (_, v: unknown) => (Object.is(v, -0) ? null : v)))) : null;
  const clvFit = fitted && fit?.success ? { key: fitted.key, fit: fit.data, seal: seal(fitted.key, fit.data) } : null;
  return { ...state, computed: { version: VERSION, clvFit } };
}

/** Over the fit as the schema lays it out, so the saved text and the text read back give the same seal. */
function seal(key: string, fit: ClvFit): string {
  return new Digest().text(key).text(JSON.stringify(ClvFit.parse(fit))).hex();
}
