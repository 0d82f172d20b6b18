import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSettings, Settings } from '../../../src/core/settings/schema.js';
import { unknownSettingKeys } from '../../../src/core/settings/unknown-keys.js';

describe('unknown settings keys', () => {
  it('refuses a misspelled top-level key, naming the key it was meant to be', () => {
    expect(parseSettings({ colums: { customers: { historicalRevenue: 'Umsatz' } } })).toEqual({
      ok: false,
      errors: ["unknown setting 'colums' — did you mean 'columns'?"],
    });
  });

  it('refuses a misspelled key at any depth, with the whole path', () => {
    expect(parseSettings({ rfm: { binnig: 'r-rfm' } })).toEqual({ ok: false, errors: ["unknown setting 'rfm.binnig' — did you mean 'rfm.binning'?"] });
    expect(parseSettings({ pool: { inactivityDays: { a: 20 } } })).toEqual({ ok: false, errors: ["unknown setting 'pool.inactivityDays.a' — did you mean 'pool.inactivityDays.A'?"] });
    // The misspelling first, then what its absence leaves missing.
    expect(parseSettings({ assign: { levelFit: { A: { senior: 9, mid: 6, junoir: 2 } } } })).toMatchObject({
      errors: ["unknown setting 'assign.levelFit.A.junoir' — did you mean 'assign.levelFit.A.junior'?", expect.stringMatching(/^settings\.assign\.levelFit\.A\.junior: /)],
    });
  });

  it('checks each item of a list against the item schema (a score dimension, a segment rule)', () => {
    const dimension = { key: 'rev', label: 'revenue', source: 'historicalRevenue', wieght: 3, weight: 3 };
    expect(parseSettings({ score: { dimensions: [dimension] } })).toMatchObject({ errors: ["unknown setting 'score.dimensions.0.wieght' — did you mean 'score.dimensions.0.weight'?"] });
    const segment = { name: 'Best', r: [5, 5], f: [5, 5], m: [5, 5], mm: 1 };
    expect(unknownSettingKeys(Settings, { rfm: { segments: [segment] } })).toEqual(["unknown setting 'rfm.segments.0.mm' — did you mean 'rfm.segments.0.m'?"]);
  });

  it('names the known keys when none is near', () => {
    expect(parseSettings({ tabs: { invoices: 'Orders' } })).toEqual({ ok: false, errors: ["unknown setting 'tabs.invoices' (the settings in 'tabs' are customers, deals, reps)"] });
  });

  it('leaves the keys of maps keyed by the user alone: column mappings, category points, rep weights', () => {
    const settings = {
      columns: { customers: { 'my own field': 'Umsatz' }, deals: { amount: 'Betrag' } },
      assign: { weights: { 'Ann Lee': 2, 王伟: 1 } },
      score: { dimensions: [{ key: 'region', label: 'region', source: 'Region', weight: 1, normalize: 'category', points: { North: 100, 华东: 50 } }] },
    };
    expect(parseSettings(settings).ok).toBe(true);
  });

  it('lists every unknown key, and the schema errors after them', () => {
    const result = parseSettings({ locale: 'fr', tirs: {}, pool: { maxPerRn: 3 } });
    expect(result).toEqual({
      ok: false,
      errors: [
        "unknown setting 'tirs' — did you mean 'tiers'?",
        "unknown setting 'pool.maxPerRn' — did you mean 'pool.maxPerRun'?",
        expect.stringMatching(/^settings\.locale: /),
      ],
    });
  });

  it('accepts every key the schema writes: the defaults, saved and read back, are their own settings', () => {
    expect(unknownSettingKeys(Settings, Settings.parse({}))).toEqual([]);
    expect(parseSettings(JSON.parse(JSON.stringify(Settings.parse({})))).ok).toBe(true);
  });

  it('leaves values of the wrong type to the schema, which reports them', () => {
    expect(unknownSettingKeys(Settings, { rfm: 'r-rfm', score: { dimensions: 'all' } })).toEqual([]);
    expect(unknownSettingKeys(z.object({ a: z.string() }), 'not an object')).toEqual([]);
  });
});
