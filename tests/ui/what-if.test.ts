import { describe, expect, it } from 'vitest';
import type { WhatIfRows } from '../../src/app/server/sidebar-what-if.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import { dealDimensions } from '../../src/core/settings/score.js';
import { whatIfModel } from '../../ui/what-if.js';

/** Three customers of an untiered book (`---`): spend tells them apart, orders do not. */
const rows: WhatIfRows = {
  asOf: '2024-12-31',
  customers: 3,
  dimensions: dealDimensions.slice(0, 2),
  absent: [],
  values: { spend: [100, 200, 300], orders: [2, 2, 2] },
  categories: {},
  tiers: defaultSettings.tiers,
  currentTiers: '---',
  fromDeals: true,
};

describe('the what-if preview of a book with no tiers', () => {
  it('counts customers who would gain a tier as changed, neither up nor down', () => {
    const outcome = whatIfModel(rows)({ spend: 50, orders: 50 }, defaultSettings.tiers);
    expect(outcome).toEqual({ tiers: { A: 1, B: 1, C: 1 }, tiered: true, changed: 3, up: 0, down: 0 });
  });

  it('shows no tiers, never all A, when the weights leave every customer on the same score', () => {
    const outcome = whatIfModel(rows)({ spend: 0, orders: 100 }, defaultSettings.tiers);
    expect(outcome).toEqual({ tiers: { A: 0, B: 0, C: 0 }, tiered: false, changed: 0, up: 0, down: 0 });
  });
});
