import { describe, expect, it } from 'vitest';
import { computeClv } from '../../../src/core/score/clv/compute-clv.js';
import { summarizePurchases } from '../../../src/core/score/clv/purchase-summaries.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { ClvSettings } from '../../../src/core/settings/clv.js';
import { type Settings, parseSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';
import { CALIBRATION_END, readCdnowSample } from './clv/cdnow.js';
import { FEW_REPEATERS_AS_OF, fewRepeatersBook } from './few-repeaters.js';

const table = (tab: string, [header, ...rows]: Cell[][]): Table => ({ tab, header, rows, headerRow: 1 });

/** Half the score on lifetime value, a tenth on P(alive), the rest on historical revenue. */
function clvWeighted(patch: object = {}): Settings {
  const result = parseSettings({
    score: {
      dimensions: [
        { key: 'clv', label: 'lifetime value', source: '@clv', weight: 50, normalize: 'log-minmax' },
        { key: 'alive', label: 'P(alive)', source: '@pAlive', weight: 10 },
        { key: 'revenue', label: 'historical revenue', source: 'historicalRevenue', weight: 40 },
      ],
    },
    ...patch,
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.settings;
}

function scoreFewRepeaters(settings: Settings) {
  const book = fewRepeatersBook();
  const run = scoreBook({ customers: table('Customers', book.customers), deals: table('Deals', book.deals), settings, asOfDay: FEW_REPEATERS_AS_OF });
  if (!run.ok) throw new Error('the book should score');
  return run.result;
}

describe('a CLV model that cannot be trusted', () => {
  it('is said in plain words, with the parameter that ran to the edge, when there is almost no repeat buying', () => {
    const { clv } = scoreFewRepeaters(clvWeighted());
    const result = clv!.result;
    // The optimiser itself calls the fit converged: only the edge gives it away.
    expect(result.model?.converged).toBe(true);
    expect(result.model!.a).toBeLessThan(1e-6);
    expect(result.reliable).toBe(false);
    expect(result.fallbackReason).toMatch(
      /^Too little repeat buying to tell who has stopped: P\(alive\) is not informative here \(the BG\/NBD fit ran to the edge of its range: a = \d\.\d\de-\d+, below 1e-6\)\.$/,
    );
    // P(alive) = 1 for everyone is not written: the values are each customer's history.
    expect(result.perCustomer.every((c) => c.fallback && c.pAlive === null)).toBe(true);
  });

  it('carries no score: dimensions from CLV and P(alive) are dropped with a note, the rest share the weight', () => {
    const scored = scoreFewRepeaters(clvWeighted());
    expect(scored.dimensionsUsed.map((d) => d.key)).toEqual(['revenue']);
    expect(scored.notes).toContain('Not scored on lifetime value, P(alive): the CLV model is not reliable for this book (see CLV above).');
    expect(scored.why.some((why) => /lifetime value|P\(alive\)/.test(why))).toBe(false);
    // Historical revenue alone orders the book.
    const revenue = fewRepeatersBook().customers.slice(1).map((r) => r[2] as number);
    const best = revenue.indexOf(Math.max(...revenue));
    expect(scored.scores[best]).toBe(100);
  });

  it('reads the bound from clv.parameterBound: the CDNOW spend fit (p 6.25) is at the edge of a bound of 5', () => {
    const summaries = summarizePurchases(readCdnowSample(), CALIBRATION_END, 'weeks');
    const strict = computeClv(summaries, ClvSettings.parse({ parameterBound: 5 }));
    expect(strict.reliable).toBe(false);
    expect(strict.fallbackReason).toMatch(/the Gamma-Gamma spend fit ran to the edge of its range \(p = 6\.25, above 5e\+0\)/);
    // P(alive) is still the model's: only the spend fell back to each customer's average purchase.
    expect(strict.perCustomer.every((c) => c.pAlive !== null)).toBe(true);
  });

  it('refuses a bound of 1 or less, which would put every fit at the edge', () => {
    expect(parseSettings({ clv: { parameterBound: 1 } }).ok).toBe(false);
  });
});
