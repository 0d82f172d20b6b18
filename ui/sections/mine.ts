import type { Api } from '../api.js';
import type { Section, SidebarContext } from '../app.js';
import { el } from '../dom.js';
import { fetchOnce } from '../section-data.js';
import { tierBadge } from '../tier-badge.js';

type Mine = Api['sidebarMyCustomers']['output'];
type Views = Api['sidebarSyncFilterViews']['output'];

/** Rows shown; a rep with more opens their filter view in the sheet. */
const SHOWN = 200;

/**
 * Mine: the signed-in rep's customers, best first, and for managers one click to create
 * or update a named filter view per rep on the Customers tab (issue 6 item 2).
 */
export const mineSection: Section = {
  key: 'mine',
  render(ctx) {
    const { t } = ctx;
    const mine = ctx.cache.get('mine') as Mine | undefined;
    if (!mine) void fetchOnce(ctx, 'mine', () => ctx.call('sidebarMyCustomers', {}));
    const views = ctx.cache.get('views') as Views | undefined;
    const sync = ctx.actions.button(t('mine.sync'), () => void syncViews(ctx), { id: 'sync-views', enabledWhen: () => ctx.state.user.manager });
    return el(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'mine-title' } },
      el('h2', { id: 'mine-title' }, t('mine.title')),
      el('p', { class: 'muted' }, t('mine.signedInAs', { email: ctx.state.user.email || '—' })),
      mine ? list(ctx, mine) : el('p', { class: 'muted' }, t('app.loading')),
      el('h3', null, t('mine.views')),
      el('p', { class: 'muted' }, t('mine.viewsHint')),
      el('div', { class: 'row' }, sync),
      views && el('p', null, t('mine.synced', { created: views.created, updated: views.updated, removed: views.removed })),
      views && el('ul', { class: 'plain-list', attrs: { 'aria-label': t('mine.viewsList') } }, ...views.views.map((v) => el('li', null, v.title))),
    );
  },
};

function list(ctx: SidebarContext, mine: Mine): HTMLElement {
  const { t } = ctx;
  if (mine.rep === null) return el('p', null, t('mine.notRep'));
  return el('div', null,
    el('p', null, `${mine.rep} · ${t('mine.count', { count: mine.customers.length })}`),
    el('ul', { class: 'plain-list' }, ...mine.customers.slice(0, SHOWN).map((c) =>
      el('li', null,
        tierBadge(c.tier),
        el('span', { class: 'item-name' }, c.name || c.id),
        el('div', { class: 'item-line' }, `${c.id} · #${c.row} · ${c.score.toFixed(1)}${c.lastActivity ? ` · ${c.lastActivity}` : ''}`)))));
}

async function syncViews(ctx: SidebarContext): Promise<void> {
  const views = await ctx.act(() => ctx.call('sidebarSyncFilterViews', {}));
  if (!views) return;
  ctx.cache.set('views', views);
  ctx.redraw();
}
