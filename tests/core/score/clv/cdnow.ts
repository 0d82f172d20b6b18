import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CustomerPurchases } from '../../../../src/core/score/clv/purchase-summaries.js';

/** The CDNOW files of Fader, Hardie & Lee (2005), read in place (see ../shared/datasets/cdnow/README.md). */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cdnowFile = (name: string): string => join(repoRoot, '../shared/datasets/cdnow', name);

export function dayNumber(yyyymmdd: string): number {
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;
}

/** The end of the 39-week calibration period, inclusive. */
export const CALIBRATION_END = dayNumber('19970930');

let sample: CustomerPurchases[] | undefined;

/**
 * CDNOW_sample.txt: master id, sample id (1..2357), YYYYMMDD, CDs, dollars; customers keyed by
 * sample id. Read once per test file and shared: callers must not change it.
 */
export function readCdnowSample(): CustomerPurchases[] {
  if (sample) return sample;
  const byId = new Map<string, { day: number; amount: number }[]>();
  for (const line of readFileSync(cdnowFile('CDNOW_sample.txt'), 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const id = String(Number(fields[1]));
    const purchases = byId.get(id) ?? [];
    purchases.push({ day: dayNumber(fields[2]), amount: Number(fields[4]) });
    byId.set(id, purchases);
  }
  sample = [...byId].map(([id, purchases]) => ({ id, purchases }));
  return sample;
}

/**
 * CDNOW's customers with sample ids 1..500: the fits stay reliable (r 0.24, a 0.58, spend
 * p 5.5) at about a quarter of the time, for the tests whose rule does not depend on the
 * size of the book. A mutation run refits for every mutant of the CLV code.
 */
export function readCdnowSubset(): CustomerPurchases[] {
  return readCdnowSample().filter((c) => Number(c.id) <= 500);
}

export interface PublishedSummary {
  id: string;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

export function readCdnowSummary(): PublishedSummary[] {
  const [, ...rows] = readFileSync(cdnowFile('cdnow_summary.csv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [id, x, tx, T, zbar] = row.split(',');
    return { id, x: Number(x), tx: Number(tx), T: Number(T), zbar: Number(zbar) };
  });
}
