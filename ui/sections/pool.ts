import type { Api } from '../api.js';
import type { Section, SidebarContext } from '../app.js';
import { el, uid } from '../dom.js';
import { localizeReason } from '../i18n/reasons.js';
import { fetchOnce } from '../section-data.js';
import { tierBadge } from '../tier-badge.js';

type RecycleOutput = Api['recycle']['output'];
type Pool = Api['sidebarPool']['output'];

const SHOWN = 100;

/**
 * Pool: what the next recycle would do (a dry run writes nothing: customers flagged to be
 * recycled soon and those it would take now), recycling for managers, what the last
 * recycle took, and the unowned customers a rep claims (a manager for any rep).
 */
export const poolSection: Section = {
  key: 'pool',
  render(ctx) {
    const { t } = ctx;
    const preview = ctx.cache.get('recyclePreview') as RecycleOutput | undefined;
    const done = ctx.cache.get('recycled') as RecycleOutput | undefined;
    if (!preview) void runRecycle(ctx, true);
    const pool = ctx.cache.get('pool') as Pool | undefined;
    if (!pool) void fetchOnce(ctx, 'pool', () => ctx.call('sidebarPool', {}));
    const previewButton = ctx.actions.button(t('pool.preview'), () => void runRecycle(ctx, true), { id: 'recycle-preview' });
    const recycleButton = ctx.actions.button(t('pool.recycleNow'), () => void runRecycle(ctx, false), { id: 'recycle-now', enabledWhen: () => ctx.state.user.manager });
    return el(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'pool-title' } },
      el('h2', { id: 'pool-title' }, t('tab.pool')),
      el('div', { class: 'row' }, previewButton, recycleButton),
      el('h3', null, t('pool.flagged')),
      preview ? listOf(ctx, flagged(ctx, preview)) : el('p', { class: 'muted' }, t('app.loading')),
      el('h3', null, t('pool.next')),
      preview ? listOf(ctx, preview.recycle.recycled.map((r) => [r.customerId, r.from, localizeReason(r.reason, ctx.locale)])) : null,
      preview && preview.recycle.deferred.length > 0 && el('h3', null, t('pool.deferred')),
      preview && preview.recycle.deferred.length > 0 && listOf(ctx, preview.recycle.deferred.map((w) => [w.customerId, `${w.owner} · ${t('pool.due', { date: w.recycleOn })}`, localizeReason(w.reasons.join('; '), ctx.locale)])),
      done && el('h3', null, t('pool.recycled')),
      done && el('p', null, t('pool.recycledCount', { count: done.recycle.recycled.length })),
      done && listOf(ctx, done.recycle.recycled.map((r) => [r.customerId, r.from, localizeReason(r.reason, ctx.locale)])),
      el('h3', null, t('pool.claimable')),
      pool ? claimList(ctx, pool) : el('p', { class: 'muted' }, t('app.loading')),
    );
  },
};

/** Customers in their warning period, those the run would warn for the first time marked so, in id order. */
function flagged(ctx: SidebarContext, preview: RecycleOutput): [string, string, string][] {
  const fresh = new Set(preview.recycle.newWarnings.map((w) => w.customerId));
  return [...preview.recycle.newWarnings, ...preview.recycle.warned]
    .sort((a, b) => (a.customerId < b.customerId ? -1 : 1))
    .map((w) => [
      w.customerId,
      `${w.owner} · ${ctx.t('pool.due', { date: w.recycleOn })}${fresh.has(w.customerId) ? ` · ${ctx.t('pool.newWarning')}` : ''}`,
      localizeReason(w.reasons.join('; '), ctx.locale),
    ]);
}

function listOf(ctx: SidebarContext, rows: readonly (readonly [string, string, string])[]): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'muted' }, ctx.t('pool.empty'));
  return el('ul', { class: 'plain-list' },
    ...rows.slice(0, SHOWN).map(([id, who, why]) => el('li', null, el('span', { class: 'item-name' }, id), el('div', { class: 'item-line' }, who), el('div', { class: 'item-line', attrs: { title: why } }, why))));
}

function claimList(ctx: SidebarContext, pool: Pool): HTMLElement {
  const { t } = ctx;
  const manager = ctx.state.user.manager;
  const forId = uid('claim-for');
  const picked = (ctx.cache.get('claimFor') as string | undefined) ?? pool.me ?? pool.reps[0] ?? '';
  const forWhom = el('select', { id: forId, on: { change: (e) => ctx.cache.set('claimFor', (e.target as HTMLSelectElement).value) } },
    ...pool.reps.map((r) => el('option', { attrs: { value: r, selected: r === picked } }, r)));
  const canClaim = () => manager || pool.me !== null;
  if (pool.customers.length === 0) return el('p', { class: 'muted' }, t('pool.empty'));
  return el('div', null,
    manager && el('div', { class: 'field inline' }, el('label', { attrs: { for: forId } }, t('pool.claimFor')), forWhom),
    el('ul', { class: 'plain-list', id: 'pool-list' },
      ...pool.customers.map((c) => el('li', { class: 'claim-row' },
        el('div', null,
          el('div', { class: 'item-name' }, tierBadge(c.tier), c.name || c.id),
          el('div', { class: 'item-line' }, `${c.id} · #${c.row} · ${c.score.toFixed(1)}${c.owner ? ` · ${c.owner}` : ''}`)),
        ctx.actions.button(t('pool.claim'), () => void claim(ctx, c.id, manager ? forWhom.value : null), { enabledWhen: canClaim })))),
    pool.total > pool.customers.length && el('p', { class: 'muted' }, `${pool.customers.length} / ${pool.total}`));
}

async function claim(ctx: SidebarContext, customerId: string, rep: string | null): Promise<void> {
  const out = await ctx.act(() => ctx.call('claim', { asOf: null, customerId, rep }));
  if (!out) return;
  ctx.cache.delete('pool');
  ctx.cache.delete('mine');
  const ids = [out.claim.customerId, ...out.claim.sameCompany].join(', ');
  ctx.notify(ctx.t('pool.claimedOne', { id: ids, rep: out.claim.rep }));
  ctx.redraw();
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
    ctx.cache.delete('pool');
  }
  ctx.redraw();
}
