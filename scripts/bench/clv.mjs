// The CLV benchmarks of issue 3: fit BG/NBD + Gamma-Gamma on the full CDNOW cohort
// (CDNOW_master.txt, 23,570 customers, as of 1997-09-30; target ≤ 0.1 s), then P(alive),
// expected purchases and CLV over the default horizon for 100,000 synthetic customers
// (target ≤ 1 s). The core is bundled on the fly with esbuild into .bench/ and imported.
//
//   node scripts/bench/clv.mjs        prints the figures
//   import { runClvBench } from …     returns them
import { readFileSync } from 'node:fs';
import { importTs } from './bundle.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const MASTER = join(root, '../shared/datasets/cdnow/CDNOW_master.txt');
const SYNTHETIC_CUSTOMERS = 100_000;
const WARM_RUNS = 5;

async function loadCore() {
  return importTs('clv-core', "export * from './src/core/score/clv/index.ts'; export { ClvSettings } from './src/core/settings/clv.ts';");
}

const dayNumber = (yyyymmdd) => Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) / 86_400_000;

/** CDNOW_master.txt: a header line, then customer id, YYYYMMDD, number of CDs, dollar value. */
function readMaster() {
  const byId = new Map();
  const lines = readFileSync(MASTER, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i].trim().split(/\s+/);
    if (fields.length < 4) continue;
    let purchases = byId.get(fields[0]);
    if (!purchases) byId.set(fields[0], (purchases = []));
    purchases.push({ day: dayNumber(fields[1]), amount: Number(fields[3]) });
  }
  return [...byId].map(([id, purchases]) => ({ id, purchases }));
}

/** A fixed-seed generator (xorshift32), so every run scores the same synthetic customers. */
function generator(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

/** Summaries of customers first seen over two years, in weeks built from whole days as real summaries are. */
function syntheticSummaries(n) {
  const random = generator(20240101);
  const summaries = {
    unit: 'weeks',
    ids: new Array(n),
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    zbar: new Float64Array(n),
    monetary: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const ageDays = Math.floor(random() * 731);
    const x = Math.min(ageDays, Math.floor(-Math.log(1 - random()) * 2.5));
    const lastDay = x === 0 ? 0 : x + Math.floor(random() * (ageDays - x + 1));
    const zbar = x === 0 ? 0 : 10 + 90 * random();
    summaries.ids[i] = `s${i}`;
    summaries.x[i] = x;
    summaries.tx[i] = lastDay / 7;
    summaries.T[i] = ageDays / 7;
    summaries.zbar[i] = zbar;
    summaries.monetary[i] = (x + 1) * (zbar || 10 + 90 * random());
  }
  return summaries;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** The first run (cold: the JIT has not seen the code) and the median of warm runs, in ms. */
function time(run) {
  let start = performance.now();
  const result = run();
  const coldMs = performance.now() - start;
  const warm = [];
  for (let k = 0; k < WARM_RUNS; k++) {
    start = performance.now();
    run();
    warm.push(performance.now() - start);
  }
  return { result, coldMs, warmMs: median(warm) };
}

export async function runClvBench() {
  const core = await loadCore();
  const settings = core.ClvSettings.parse({});
  const master = core.summarizePurchases(readMaster(), dayNumber('19970930'), 'weeks');
  const repeaters = Array.from(master.x.keys()).filter((i) => master.x[i] > 0 && master.zbar[i] > 0);
  const x = Float64Array.from(repeaters, (i) => master.x[i]);
  const zbar = Float64Array.from(repeaters, (i) => master.zbar[i]);
  const fits = time(() => ({ model: core.fitBgNbd(master), spend: core.fitGammaGamma(x, zbar) }));
  const { model, spend } = fits.result;

  const synthetic = syntheticSummaries(SYNTHETIC_CUSTOMERS);
  const scoring = time(() => core.valueCustomers(model, spend, synthetic, settings));

  return {
    cdnowMaster: {
      customers: master.ids.length,
      repeaters: repeaters.length,
      bgNbd: { r: model.r, alpha: model.alpha, a: model.a, b: model.b, logLikelihood: model.logLikelihood, converged: model.converged, iterations: model.iterations },
      gammaGamma: { p: spend.p, q: spend.q, gamma: spend.gamma, logLikelihood: spend.logLikelihood, converged: spend.converged, iterations: spend.iterations },
      fitColdMs: fits.coldMs,
      fitWarmMs: fits.warmMs,
      targetMs: 100,
    },
    scoring: {
      customers: SYNTHETIC_CUSTOMERS,
      horizon: `${settings.horizon.value} ${settings.horizon.unit}`,
      coldMs: scoring.coldMs,
      warmMs: scoring.warmMs,
      targetMs: 1000,
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await runClvBench();
  const { cdnowMaster: m, scoring: s } = figures;
  const f = (v, d = 5) => v.toFixed(d);
  console.log(`CDNOW master as of 1997-09-30: ${m.customers} customers, ${m.repeaters} repeat buyers`);
  console.log(`  BG/NBD       r ${f(m.bgNbd.r)}  α ${f(m.bgNbd.alpha)}  a ${f(m.bgNbd.a)}  b ${f(m.bgNbd.b)}  LL ${f(m.bgNbd.logLikelihood, 2)}  converged ${m.bgNbd.converged} (${m.bgNbd.iterations} iterations)`);
  console.log(`  Gamma-Gamma  p ${f(m.gammaGamma.p)}  q ${f(m.gammaGamma.q)}  γ ${f(m.gammaGamma.gamma)}  LL ${f(m.gammaGamma.logLikelihood, 2)}  converged ${m.gammaGamma.converged}`);
  console.log(`  both fits: ${f(m.fitColdMs, 1)} ms first run, ${f(m.fitWarmMs, 1)} ms median of ${WARM_RUNS} (target ≤ ${m.targetMs} ms)`);
  console.log(`P(alive) + expected purchases + CLV over ${s.horizon} for ${s.customers} customers: ${f(s.coldMs, 1)} ms first run, ${f(s.warmMs, 1)} ms median of ${WARM_RUNS} (target ≤ ${s.targetMs} ms)`);
}
