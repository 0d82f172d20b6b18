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

/** CDNOW_sample.txt: master id, sample id (1..2357), YYYYMMDD, CDs, dollars; customers keyed by sample id. */
export function readCdnowSample(): CustomerPurchases[] {
  const byId = new Map<string, { day: number; amount: number }[]>();
  for (const line of readFileSync(cdnowFile('CDNOW_sample.txt'), 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const id = String(Number(fields[1]));
    const purchases = byId.get(id) ?? [];
    purchases.push({ day: dayNumber(fields[2]), amount: Number(fields[4]) });
    byId.set(id, purchases);
  }
  return [...byId].map(([id, purchases]) => ({ id, purchases }));
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
