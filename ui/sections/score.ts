import type { Api } from '../api.js';
import type { Section, SidebarContext } from '../app.js';
import { barChart, progressBar } from '../charts.js';
import { el, fill } from '../dom.js';

type RescoreOutput = Api['rescore']['output'];

/** Issues listed in the sidebar; the rest are counted (they are all in the sheet's TW Flags). */
const SHOWN_ISSUES = 50;

/**
 * Score: Rescore with a progress bar driven by repeated calls until the job is done (the
 * server stops before the execution limit and resumes from its cursor), then the tier
 * counts, the movement since the last run, segments and the issues with their rows.
 */
export const scoreSection: Section = {
  key: 'score',
  render(ctx) {
    const { t, state } = ctx;
    const last = ctx.cache.get('rescore') as RescoreOutput | undefined;
    const progress = el('div', { class: 'progress-slot' });
    const shown = ctx.cache.get('rescoreProgress') as { done: number; total: number } | undefined;
    if (shown) fill(progress, progressBar(t('score.progressLabel'), shown.done, shown.total, t('score.progress', shown)));
    const rescore = ctx.actions.button(t('score.rescore'), () => void runRescore(ctx, progress), { primary: true, id: 'rescore' });
    const asOf = last?.asOf ?? state.lastRescore?.asOf;
    return el(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'score-title' } },
      el('h2', { id: 'score-title' }, t('tab.score')),
      el('p', { class: 'muted' }, asOf ? t('score.asOf', { date: asOf }) : t('score.never')),
      el('div', { class: 'row' }, rescore),
      progress,
      last ? outcome(ctx, last) : null,
    );
  },
};

async function runRescore(ctx: SidebarContext, slot: HTMLElement): Promise<void> {
  const { t } = ctx;
  const result = await ctx.act(async () => {
    let written = 0;
    let output: RescoreOutput;
    do {
      output = await ctx.call('rescore', { asOf: null });
      written = Math.min(output.rows, written + output.rowsWritten);
      const done = output.status === 'done' ? output.rows : written;
      ctx.cache.set('rescoreProgress', { done, total: output.rows });
      fill(slot, progressBar(t('score.progressLabel'), done, output.rows, t('score.progress', { done, total: output.rows })));
    } while (output.status === 'stopped');
    return output;
  });
  if (!result) return;
  ctx.cache.set('rescore', result);
  // Weights compare against the saved tiers, which have just changed.
  ctx.cache.delete('whatIf');
  ctx.notify(t('score.done', { count: result.customers }));
  await ctx.reload();
}

function outcome(ctx: SidebarContext, out: RescoreOutput): HTMLElement {
  const { t } = ctx;
  const tiers = (['A', 'B', 'C'] as const).map((tier) => ({
    label: tier,
    value: out.tiers[tier],
    of: out.customers,
    text: String(out.tiers[tier]),
    tone: tier.toLowerCase() as 'a' | 'b' | 'c',
  }));
  const segments = Object.entries(out.segments).sort((a, b) => b[1] - a[1]);
  return el(
    'div',
    { class: 'outcome' },
    el('h3', null, t('score.tiers')),
    barChart(t('score.tiers'), tiers),
    out.score?.tiered === false && el('p', { class: 'muted', id: 'score-untiered' }, t('score.noTier', { count: out.customers })),
    el('h3', null, t('score.movement')),
    out.movement
      ? el('ul', { class: 'movement' },
          el('li', { class: 'up' }, t('score.up', { count: out.movement.up })),
          el('li', { class: 'down' }, t('score.down', { count: out.movement.down })),
          el('li', null, t('score.new', { count: out.movement.new })))
      : el('p', { class: 'muted' }, t('score.firstRun')),
    segments.length > 0 && el('h3', null, t('score.segments')),
    segments.length > 0 && barChart(t('score.segments'), segments.map(([name, count]) => ({ label: name, value: count, of: out.customers, text: String(count) }))),
    el('h3', null, t('score.issues', { count: out.issues.length })),
    out.issues.length === 0
      ? el('p', { class: 'muted' }, t('score.noIssues'))
      : el('ol', { class: 'issues' },
          ...out.issues.slice(0, SHOWN_ISSUES).map((issue) =>
            el('li', null,
              el('span', { class: 'issue-at' }, t('score.issueAt', { tab: issue.tab, row: issue.row, column: issue.column })),
              el('span', { class: 'issue-text' }, issue.message)))),
    out.issues.length > SHOWN_ISSUES && el('p', { class: 'muted' }, t('score.moreIssues', { count: out.issues.length - SHOWN_ISSUES })),
    out.notes.length > 0 && el('h3', null, t('score.notes')),
    out.notes.length > 0 && el('ul', { class: 'notes' }, ...out.notes.map((note) => el('li', null, note))),
  );
}
