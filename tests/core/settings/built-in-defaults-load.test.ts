import { describe, expect, it } from 'vitest';

// The defaults are checked by the schema when schema.ts loads (`defaultSettings`); defaults that
// break a rule of their own schema throw there. Imported inside each test, that throw fails the
// test; imported at the top it only fails the file's collection, which a mutation run counts as
// no failed test.
const loadSchema = () => import('../../../src/core/settings/schema.js');

describe('the built-in settings', () => {
  it('are valid settings themselves: a sheet with no settings loads and scores on the eight default dimensions', async () => {
    const { defaultSettings, parseSettings } = await loadSchema();
    const parsed = parseSettings({});
    expect(parsed.ok && parsed.settings.score.dimensions.map((d) => d.key)).toEqual(defaultSettings.score.dimensions.map((d) => d.key));
    expect(defaultSettings.score.dimensions.map((d) => d.key)).toEqual(['revenue', 'potential', 'tenure', 'renewal', 'strategic', 'paymentDays', 'overdue', 'serviceCost']);
  });

  it('put 20% of customers in A and 30% in B, or scores from 80 and 50, without a word from the user', async () => {
    const { defaultSettings } = await loadSchema();
    expect(defaultSettings.tiers).toEqual({ mode: 'share', shares: { A: 0.2, B: 0.3 }, thresholds: { A: 80, B: 50 } });
  });
});
