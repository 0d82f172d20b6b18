import { describe, expect, it } from 'vitest';
import { summarizePurchases } from '../../../../src/core/score/clv/purchase-summaries.js';
import { CALIBRATION_END, dayNumber, readCdnowSample, readCdnowSummary } from './cdnow.js';

describe('summarizePurchases', () => {
  it('reproduces the published CDNOW calibration summary as of 1997-09-30, in weeks', () => {
    const summaries = summarizePurchases(readCdnowSample(), CALIBRATION_END, 'weeks');
    const published = readCdnowSummary();
    expect(summaries.ids.length).toBe(published.length);
    const row = new Map(summaries.ids.map((id, i) => [id, i]));
    for (const expected of published) {
      const i = row.get(expected.id) as number;
      expect(summaries.x[i], `customer ${expected.id} x`).toBe(expected.x);
      expect(Math.abs(summaries.tx[i] - expected.tx), `customer ${expected.id} t_x`).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(summaries.T[i] - expected.T), `customer ${expected.id} T`).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(summaries.zbar[i] - expected.zbar), `customer ${expected.id} zbar`).toBeLessThanOrEqual(0.0051);
    }
  });

  it('merges purchases on the same day, ignores those after the as-of day and leaves the first day out of zbar', () => {
    const day = dayNumber('20240101');
    const summaries = summarizePurchases(
      [
        {
          id: 'c1',
          purchases: [
            { day: day + 14, amount: 30 },
            { day, amount: 100 },
            { day: day + 7, amount: 10 },
            { day: day + 7, amount: 5 },
            { day: day + 30, amount: 999 },
          ],
        },
      ],
      day + 21,
      'weeks',
    );
    expect(summaries.ids).toEqual(['c1']);
    expect(summaries.x[0]).toBe(2);
    expect(summaries.tx[0]).toBe(2);
    expect(summaries.T[0]).toBe(3);
    expect(summaries.zbar[0]).toBe(22.5);
    expect(summaries.monetary[0]).toBe(145);
  });

  it('counts purchases on the as-of day and gives x = 0, zbar = 0 to one-day buyers', () => {
    const day = dayNumber('20240301');
    const summaries = summarizePurchases([{ id: 'once', purchases: [{ day, amount: 40 }, { day, amount: 2 }] }], day, 'days');
    expect([summaries.x[0], summaries.tx[0], summaries.T[0], summaries.zbar[0], summaries.monetary[0]]).toEqual([0, 0, 0, 0, 42]);
  });

  it('gives no summary to customers whose purchases all come after the as-of day', () => {
    const day = dayNumber('20240301');
    const summaries = summarizePurchases(
      [
        { id: 'later', purchases: [{ day: day + 1, amount: 40 }] },
        { id: 'never', purchases: [] },
        { id: 'now', purchases: [{ day, amount: 1 }] },
      ],
      day,
      'days',
    );
    expect(summaries.ids).toEqual(['now']);
    expect(summaries.x.length).toBe(1);
  });

  it('measures time in days, weeks of 7 days or months of 365.25/12 days', () => {
    const day = dayNumber('20240101');
    const input = [{ id: 'c', purchases: [{ day, amount: 1 }, { day: day + 35, amount: 1 }] }];
    const asOf = day + 365;
    expect(summarizePurchases(input, asOf, 'days').T[0]).toBe(365);
    expect(summarizePurchases(input, asOf, 'weeks').tx[0]).toBe(5);
    expect(summarizePurchases(input, asOf, 'months').T[0]).toBeCloseTo(365 / 30.4375, 12);
    expect(summarizePurchases(input, asOf, 'weeks').unit).toBe('weeks');
  });
});
