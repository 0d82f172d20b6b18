import type { Api } from '../api.js';
import type { Section, SidebarContext } from '../app.js';
import { el } from '../dom.js';

type RecycleOutput = Api['recycle']['output'];

const SHOWN = 100;

/**
 * Pool: what the next recycle would do (a dry run writes nothing: customers flagged to be
 * recycled soon and those it would take now), recycling for managers, and what the last
 * recycle took.
 */
export const poolSection: Section = {
  key: 'pool',
  render(ctx) {
    const { t } = ctx;
    const preview = ctx.cache.get('recyclePreview') as RecycleOutput | undefined;
    const done = ctx.cache.get('recycled') as RecycleOutput | undefined;
    if (!preview) void runRecycle(ctx, true);
    const previewButton = ctx.actions.button(t('pool.preview'), () => void runRecycle(ctx, true), { id: 'recycle-preview' });
    const recycleButton = ctx.actions.button(t('pool.recycleNow'), () => void runRecycle(ctx, false), { id: 'recycle-now', enabledWhen: () => ctx.state.user.manager });
    return el(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'pool-title' } },
      el('h2', { id: 'pool-title' }, t('tab.pool')),
      el('div', { class: 'row' }, previewButton, recycleButton),
      el('h3', null, t('pool.flagged')),
      preview ? listOf(ctx, preview.recycle.warned.map((w) => [w.customerId, `${w.owner} · ${t('pool.due', { date: w.recycleOn })}`, w.reasons.join('; ')])) : el('p', { class: 'muted' }, t('app.loading')),
      el('h3', null, t('pool.next')),
      preview ? listOf(ctx, preview.recycle.recycled.map((r) => [r.customerId, r.from, r.reason])) : null,
      done && el('h3', null, t('pool.recycled')),
      done && el('p', null, t('pool.recycledCount', { count: done.recycle.recycled.length })),
      done && listOf(ctx, done.recycle.recycled.map((r) => [r.customerId, r.from, r.reason])),
    );
  },
};

function listOf(ctx: SidebarContext, rows: readonly (readonly [string, string, string])[]): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'muted' }, ctx.t('pool.empty'));
  return el('ul', { class: 'plain-list' },
    ...rows.slice(0, SHOWN).map(([id, who, why]) => el('li', null, el('span', { class: 'item-name' }, id), el('div', { class: 'item-line' }, who), el('div', { class: 'item-line', attrs: { title: why } }, why))));
}

async function runRecycle(ctx: SidebarContext, dryRun: boolean): Promise<void> {
  const key = dryRun ? 'recyclePreview' : 'recycled';
  if (ctx.cache.has(`${key}Loading`)) return;
  ctx.cache.set(`${key}Loading`, true);
  const out = await ctx.act(() => ctx.call('recycle', { asOf: null, dryRun }));
  ctx.cache.delete(`${key}Loading`);
  if (!out) return;
  ctx.cache.set(key, out);
  if (!dryRun) {
    ctx.cache.delete('recyclePreview');
    ctx.cache.delete('mine');
  }
  ctx.redraw();
}
