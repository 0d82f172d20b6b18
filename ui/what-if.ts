import type { WhatIfRows } from '../src/app/server/sidebar-what-if.js';
import { NO_TIER, type Tier, assignTiers } from '../src/core/score/tiers.js';
import { type DimensionColumn, scoreCustomers } from '../src/core/score/weighted.js';
import type { Settings } from '../src/core/settings/schema.js';

export interface WhatIfOutcome {
  readonly tiers: Record<Tier, number>;
  /** False when the new weights score every customer the same: nobody would have a tier. */
  readonly tiered: boolean;
  /** Customers whose tier under the new weights differs from their saved one (a tier gained or lost included). */
  readonly changed: number;
  readonly up: number;
  readonly down: number;
}

/**
 * The raw columns of the what-if rows, turned once into the core's DimensionColumns.
 * Each preview then only swaps the weights, so a slider move costs one scoring pass.
 */
export function whatIfModel(rows: WhatIfRows): (weights: Readonly<Record<string, number>>, tierRule: Settings['tiers']) => WhatIfOutcome {
  const raw = rows.dimensions.map((dimension) => {
    const values = Float64Array.from(rows.values[dimension.key] ?? [], (v) => (v === null ? NaN : v));
    return { dimension, values, categories: rows.categories[dimension.key] };
  });
  const current = rows.currentTiers;
  return (weights, tierRule) => {
    const columns: DimensionColumn[] = raw.map((c) => ({ ...c, dimension: { ...c.dimension, weight: weights[c.dimension.key] ?? 0 } }));
    const tiers = assignTiers(scoreCustomers(rows.customers, columns).scores, tierRule);
    const counts: Record<Tier, number> = { A: 0, B: 0, C: 0 };
    let up = 0;
    let down = 0;
    let changed = 0;
    for (let k = 0; k < rows.customers; k++) {
      const tier = tiers?.[k] ?? NO_TIER;
      const before = current[k];
      if (tier !== NO_TIER) counts[tier as Tier]++;
      if (tier === before) continue;
      changed++;
      if (tier === NO_TIER || before === NO_TIER) continue;
      // 'A' < 'B' < 'C' as characters, so a smaller letter is a higher tier.
      if (tier < before) up++;
      else down++;
    }
    return { tiers: counts, tiered: tiers !== null, changed, up, down };
  };
}
