// The sidebar's figures (issue 6): the size of dist/Sidebar.html, the time to first
// render in headless chromium, and rendering and filtering 5,000 proposals. The page runs
// with a stand-in google.script.run that answers from memory at once, so the figures are
// the sidebar's own work, not the server's.
//
//   node scripts/bench/sidebar.mjs            (prints the figures as JSON)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildSidebar } from '../build-sidebar.mjs';
import { CHROMIUM, chromiumMissingMessage } from '../ensure-chromium.mjs';
import { importTs } from './bundle.mjs';

export const TARGET = { firstRenderMs: 300, interactionMs: 200, sizeKb: 150 };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PROPOSALS = 5000;
const REPS = ['Alice Chen', 'Bob Martin', 'Carla Diaz', 'David Kim', 'Emma Wang', 'Grace Liu', 'Henry Zhao'];

/** What the stand-in answers: a manager's state and 5,000 proposals, a tenth of them unplaced. */
function answers() {
  const settings = { locale: 'en', managers: ['bench@example.com'], schedule: { hour: 6 } };
  const items = Array.from({ length: PROPOSALS }, (_, i) => ({
    customerId: `C${String(i + 1).padStart(5, '0')}`,
    name: `Customer ${i + 1} Logistics Ltd`,
    row: i + 2,
    tier: 'ABC'[i % 3],
    score: 100 - (i % 100),
    from: i % 4 === 0 ? REPS[(i + 3) % REPS.length] : '',
    to: i % 10 === 9 ? null : REPS[i % REPS.length],
    reason: 'No owner; B tier → mid rep; same region (East); capacity left 12',
    fit: i % 10 === 9 ? null : 5 + (i % 12),
  }));
  return {
    getState: {
      user: { email: 'bench@example.com', manager: true }, settings, settingsErrors: [], today: '2026-11-01', timeZone: 'Etc/UTC',
      lastRescore: { asOf: '2026-11-01', runAt: '2026-11-01T08:00:00Z' }, running: null, unfinished: null,
      schedule: { installed: false, owner: null, mine: false, hour: 6, timeZone: 'Etc/UTC', nextRun: null, lastRun: null, lastOutcome: null, lastError: null },
    },
    sidebarProposals: {
      runId: 'P-bench', asOf: '2026-11-01', strategy: 'match', items, lastApply: null,
      load: REPS.map((rep) => ({ rep, count: Math.round(PROPOSALS / REPS.length), capacity: 800, active: true })),
    },
  };
}

function standIn(data) {
  return `<script>
  window.__answers = ${JSON.stringify(data).replace(/</g, '\\u003c')};
  new MutationObserver((_, observer) => {
    if (document.getElementById('score-title')) { window.__firstRender = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  (function () {
    function runner(ok) {
      return new Proxy({}, { get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f);
        if (name === 'withFailureHandler') return () => runner(ok);
        return () => setTimeout(() => ok(window.__answers[name] ?? {}), 0);
      } });
    }
    window.google = { script: { run: runner(() => {}) } };
  })();
  </script>`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runSidebarBench({ loads = 5 } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(chromiumMissingMessage());
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-sidebar-'));
  const { outfile, bytes } = await buildSidebar({ outfile: join(dir, 'Sidebar.html') });
  // The stand-in answers what the server would: checked against the server's own output
  // schema, so a change of contract fails here loudly instead of hanging the page.
  const data = answers();
  const { SidebarProposals } = await importTs('sidebar-contract', "export { SidebarProposals } from './src/app/server/sidebar-proposals.ts';", 'node');
  SidebarProposals.parse(data.sidebarProposals);
  const html = readFileSync(outfile, 'utf8').replace('<head>', `<head>${standIn(data)}`);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 300, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route('http://sidebar.bench/', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const firstRender = [];
    for (let i = 0; i < loads; i++) {
      await page.goto('http://sidebar.bench/');
      await page.waitForFunction(() => window.__firstRender !== undefined);
      firstRender.push(await page.evaluate(() => window.__firstRender));
    }
    // Each interaction: from the event to the next painted frame with the new rows.
    const interactions = await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const until = async (test) => { while (!test()) await frame(); };
      const timed = async (act, done) => { const t0 = performance.now(); act(); await until(done); await frame(); return performance.now() - t0; };
      const select = (key, value) => { const s = document.querySelector(`select[data-filter="${key}"]`); s.value = value; s.dispatchEvent(new Event('change')); };
      const count = () => document.getElementById('owners-count')?.textContent ?? '';
      const out = {};
      out.openOwners = await timed(() => document.getElementById('tab-owners').click(), () => document.querySelectorAll('.list .item').length > 0);
      let before = count();
      out.filterTier = await timed(() => select('tier', 'A'), () => count() !== before);
      before = count();
      out.filterRep = await timed(() => select('rep', 'unplaced'), () => count() !== before);
      before = count();
      out.filterAll = await timed(() => { select('tier', 'all'); select('rep', 'all'); }, () => count() !== before);
      before = count();
      out.search = await timed(() => { const s = document.querySelector('input[data-filter="search"]'); s.value = '4999'; s.dispatchEvent(new Event('input')); }, () => count() !== before);
      before = count();
      out.clearSearch = await timed(() => { const s = document.querySelector('input[data-filter="search"]'); s.value = ''; s.dispatchEvent(new Event('input')); }, () => count() !== before);
      before = count();
      out.selectAll = await timed(() => document.getElementById('select-all').click(), () => count() !== before);
      const list = document.querySelector('.list');
      out.scroll = await timed(() => { list.scrollTop = list.scrollHeight / 2; list.dispatchEvent(new Event('scroll')); }, () => true);
      out.rowsInDom = document.querySelectorAll('.list .item').length;
      return out;
    });
    const { rowsInDom, ...times } = interactions;
    return {
      sidebarBytes: bytes,
      firstRenderMs: median(firstRender),
      firstRenderRuns: firstRender,
      proposals: PROPOSALS,
      rowsInDom,
      interactionsMs: times,
      worstInteractionMs: Math.max(...Object.values(times)),
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await runSidebarBench(), null, 2)}\n`);
}
