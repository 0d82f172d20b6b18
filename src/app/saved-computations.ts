import { z } from 'zod';
import type { CompanyGroup } from '../core/assign/duplicates.js';
import type { KeyedCompanyGroups } from '../core/assign/duplicates-key.js';
import { Digest } from '../core/digest.js';
import { ClvFit } from '../core/score/clv/clv-result.js';
import type { FuturePurchases } from '../core/score/clv/discounted-value.js';
import type { KeyedClvFit } from '../core/score/clv/fit-key.js';
import type { BookScores } from '../core/score/score-book.js';
import { packGroups, unpackGroups } from './packed-groups.js';
import { packNumbers, unpackNumbers } from './packed-numbers.js';
import type { StateStore } from './ports.js';

/**
 * What a rescore computed that later runs on the same data can take instead of computing
 * it again (issue 13 item 2): the CLV fit, a handful of numbers that cost a fit of both
 * models over every buyer, and each buyer's expected future purchases under it, which
 * cost a hypergeometric series per buyer and period; and who is the same company, which
 * costs normalising every customer's name, e-mail and phone. It lives in the saved state's
 * `computed` section, beside what the use cases remember, and is only ever a shortcut:
 * each entry carries the key of
 * what it was computed from, a run uses it only when its own data gives the same key, and
 * anything that does not read back exactly (another version, a hand edit, a damaged
 * section) is ignored and computed afresh. It is never a problem with the state: the
 * schema of the saved state does not look inside it, so a damaged one cannot make the
 * proposals or the undo record unreadable.
 */

/** Raised when the section's shape changes: an older one is then ignored, not misread. */
const VERSION = 1;

/**
 * The expected purchases per summarised customer under the fit's model (KeyedClvFit), each
 * column packed bit for bit (packed-numbers.ts): two numbers a customer, where the values
 * themselves are five, so the state of a 50,000-customer book still goes in one write.
 */
const SavedFuture = z.object({ ifAlive: z.string(), discountedIfAlive: z.string() });

/** A saved fit, sealed: `seal` is the digest of its key and its text, so an edited parameter or figure does not pass. */
const SavedClvFit = z.object({ key: z.string(), fit: ClvFit, future: SavedFuture.nullable().default(null), seal: z.string() });
type SavedClvFit = z.infer<typeof SavedClvFit>;

/** Same-company groups (packed-groups.ts), sealed like a fit: `seal` is the digest of the key and the packed text. */
const SavedCompanyGroups = z.object({ key: z.string(), groups: z.string(), seal: z.string() });

/** A section saved before the groups were saved with it has none, and its fit still reads back. */
const Computed = z.object({ version: z.literal(VERSION), clvFit: SavedClvFit.nullable(), sameCompany: SavedCompanyGroups.nullable().default(null) });
type Computed = z.infer<typeof Computed>;

// Each reader checks only its own entry, so taking the groups does not seal the fit's
// 50,000 expected purchases again, nor a damaged fit cost the groups.
const ComputedFit = Computed.pick({ version: true, clvFit: true });
const ComputedGroups = Computed.pick({ version: true, sameCompany: true });

function computedSection<T>(store: StateStore, schema: z.ZodType<T>): T | null {
  const state = store.load();
  const parsed = schema.safeParse(typeof state === 'object' && state !== null ? (state as { computed?: unknown }).computed : undefined);
  return parsed.success ? parsed.data : null;
}

/** The saved CLV fit this run may reuse; null when it is missing or does not read back (its key is checked by the scoring). */
export function reusableClvFit(store: StateStore): KeyedClvFit | null {
  const saved = computedSection(store, ComputedFit)?.clvFit;
  if (!saved || saved.seal !== seal(saved.key, saved.fit, saved.future)) return null;
  const clvFit = { key: saved.key, fit: saved.fit, future: saved.future && unpackFuture(saved.future) };
  entriesRead.set(clvFit.fit, { entry: saved, future: clvFit.future });
  return clvFit;
}

/** The saved same-company groups of `count` candidates whose key is `key`; null when there are none for them or they do not read back. */
export function reusableCompanyGroups(store: StateStore, key: string, count: number): CompanyGroup[] | null {
  const saved = computedSection(store, ComputedGroups)?.sameCompany;
  if (!saved || saved.key !== key || saved.seal !== groupsSeal(saved.key, saved.groups)) return null;
  return unpackGroups(saved.groups, count);
}

/**
 * The entries read back in this execution, by the fit object they gave: a use case that
 * saves the very fit and expected purchases it read saves the sealed entry as read, rather
 * than packing the 50,000 figures and sealing them again.
 */
const entriesRead = new WeakMap<ClvFit, { readonly entry: SavedClvFit; readonly future: FuturePurchases | null }>();

function unpackFuture(saved: z.infer<typeof SavedFuture>): FuturePurchases | null {
  const ifAlive = unpackNumbers(saved.ifAlive);
  const discountedIfAlive = unpackNumbers(saved.discountedIfAlive);
  return ifAlive && discountedIfAlive ? { ifAlive, discountedIfAlive } : null;
}

/**
 * The state with this run's computations in its `computed` section (the CLV fit of
 * `scores`, and the same-company groups), for a use case that saves the state anyway.
 */
export function withComputations<T extends object>(state: T, scores: BookScores, companies: KeyedCompanyGroups): T & { computed: Computed } {
  const packed = packGroups(companies.groups);
  const sameCompany = { key: companies.key, groups: packed, seal: groupsSeal(companies.key, packed) };
  return { ...state, computed: { version: VERSION, clvFit: savedClvFit(scores), sameCompany } };
}

/**
 * The fit as saved: the entry read, when the run reused it, else a new one. A fit that
 * would not read back exactly is not saved, and the next run fits again: JSON has no NaN
 * or infinity, and writes -0 as 0 (made null here, which the schema refuses).
 */
function savedClvFit(scores: BookScores): SavedClvFit | null {
  const fitted = scores.clv?.fit;
  const read = fitted && entriesRead.get(fitted.fit);
  if (fitted && read && read.entry.key === fitted.key && read.future === fitted.future) return read.entry;
  const fit = fitted ? ClvFit.safeParse(JSON.parse(JSON.stringify(fitted.fit, (_, v: unknown) => (Object.is(v, -0) ? null : v)))) : null;
  const future = fitted?.future ? { ifAlive: packNumbers(fitted.future.ifAlive), discountedIfAlive: packNumbers(fitted.future.discountedIfAlive) } : null;
  return fitted && fit?.success ? { key: fitted.key, fit: fit.data, future, seal: seal(fitted.key, fit.data, future) } : null;
}

function groupsSeal(key: string, packed: string): string {
  return new Digest().text(key).text(packed).hex();
}

/** Over the fit as the schema lays it out, so the saved text and the text read back give the same seal. */
function seal(key: string, fit: ClvFit, future: z.infer<typeof SavedFuture> | null): string {
  const digest = new Digest().text(key).text(JSON.stringify(ClvFit.parse(fit)));
  // Nothing goes in for a fit without a future, so a fit saved before futures were still reads back.
  return (future ? digest.text(future.ifAlive).text(future.discountedIfAlive) : digest).hex();
}
