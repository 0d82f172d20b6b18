import type { Api } from '../api.js';
import type { Section, SidebarContext } from '../app.js';
import { barChart } from '../charts.js';
import { el, uid } from '../dom.js';
import { fetchOnce } from '../section-data.js';
import { tierBadge } from '../tier-badge.js';
import { NO_FILTER, type ProposalFilter, type ProposalRow, applicable, filterProposals } from '../proposal-filter.js';
import { VirtualList } from '../virtual-list.js';
import { localizeReason } from '../i18n/reasons.js';

type Proposals = Api['sidebarProposals']['output'];
type ProposeOutput = Api['propose']['output'];

const ROW_HEIGHT = 62;

interface OwnersView {
  proposals: Proposals;
  filter: ProposalFilter;
  selected: Set<string>;
}

/**
 * Owners: the saved proposals of the last run with reason and fit, filtered by tier, rep
 * or unplaced, selected some or all, then Apply (only the selected) or Undo the last
 * apply; load bars per rep against capacity after a Propose.
 */
export const ownersSection: Section = {
  key: 'owners',
  render(ctx) {
    const { t } = ctx;
    const view = ctx.cache.get('owners') as OwnersView | undefined;
    if (!view) void loadProposals(ctx);
    const manager = ctx.state.user.manager;
    const propose = ctx.actions.button(t('owners.propose'), () => void runPropose(ctx), { primary: !view?.proposals.runId, id: 'propose' });
    const undo = ctx.actions.button(t('owners.undo'), () => void runUndo(ctx), { id: 'undo', enabledWhen: () => manager && !!view?.proposals.lastApply });
    const root = el('section', { class: 'section', attrs: { 'aria-labelledby': 'owners-title' } },
      el('h2', { id: 'owners-title' }, t('tab.owners')),
      el('div', { class: 'row' }, propose, undo));
    if (!view) {
      root.appendChild(el('p', { class: 'muted' }, t('app.loading')));
      return root;
    }
    if (!view.proposals.runId) {
      root.appendChild(el('p', { class: 'muted' }, t('owners.none')));
      return root;
    }
    root.append(el('p', { class: 'muted' }, t('owners.runOf', { run: view.proposals.runId, count: view.proposals.items.length })), list(ctx, view));
    // The load of the run just proposed, else that saved with the last run.
    const fresh = ctx.cache.get('proposeOutput') as ProposeOutput | undefined;
    const load = fresh?.assign.perRep ?? view.proposals.load;
    if (load.length) root.append(el('h3', null, t('owners.load')), loadBars(ctx, load));
    return root;
  },
};

function list(ctx: SidebarContext, view: OwnersView): HTMLElement {
  const { t } = ctx;
  const items = view.proposals.items;
  let shown = filterProposals(items, view.filter);
  const count = el('p', { class: 'muted', id: 'owners-count', attrs: { 'aria-live': 'polite' } });
  const apply = ctx.actions.button(t('owners.apply', { count: 0 }), () => void runApply(ctx, view), {
    primary: true, id: 'apply', enabledWhen: () => ctx.state.user.manager && view.selected.size > 0,
  });
  const onSelection = () => {
    count.textContent = t('owners.selected', { selected: view.selected.size, shown: shown.length });
    apply.textContent = t('owners.apply', { count: view.selected.size });
    ctx.actions.refreshAll();
  };
  const virtual = new VirtualList<ProposalRow>(ROW_HEIGHT, (p) => item(ctx, p, view, () => { onSelection(); }), t('tab.owners'));
  const refilter = () => {
    shown = filterProposals(items, view.filter);
    virtual.setItems(shown);
    onSelection();
  };
  const reps = [...new Set(items.map((p) => p.to).filter((r): r is string => r !== null))].sort();
  const select = (label: string, key: 'tier' | 'rep', options: [string, string][]) => {
    const id = uid('filter');
    return el('div', { class: 'field' },
      el('label', { attrs: { for: id } }, label),
      el('select', { id, attrs: { 'data-filter': key }, on: { change: (e) => { view.filter = { ...view.filter, [key]: (e.target as HTMLSelectElement).value }; refilter(); } } },
        ...options.map(([value, text]) => el('option', { attrs: { value, selected: view.filter[key] === value } }, text))));
  };
  const searchId = uid('search');
  const search = el('input', { id: searchId, attrs: { type: 'search', value: view.filter.search, 'data-filter': 'search' }, on: { input: (e) => { view.filter = { ...view.filter, search: (e.target as HTMLInputElement).value }; refilter(); } } });
  const node = el('div', null,
    el('div', { class: 'filters' },
      select(t('owners.filterTier'), 'tier', [['all', t('owners.all')], ['A', 'A'], ['B', 'B'], ['C', 'C']]),
      select(t('owners.filterRep'), 'rep', [['all', t('owners.all')], ['unplaced', t('owners.unplaced')], ...reps.map((r): [string, string] => [r, r])])),
    el('div', { class: 'field' }, el('label', { attrs: { for: searchId } }, t('owners.search')), search),
    el('div', { class: 'row' },
      el('button', { class: 'button', id: 'select-all', attrs: { type: 'button' }, on: { click: () => { for (const p of shown) if (applicable(p)) view.selected.add(p.customerId); virtual.refresh(); onSelection(); } } }, t('owners.selectAll')),
      el('button', { class: 'button', id: 'select-none', attrs: { type: 'button' }, on: { click: () => { view.selected.clear(); virtual.refresh(); onSelection(); } } }, t('owners.selectNone'))),
    count,
    virtual.element,
    el('div', { class: 'row' }, apply),
  );
  // The list measures its height once it is in the page.
  requestAnimationFrame(() => refilter());
  virtual.setItems(shown);
  onSelection();
  return node;
}

function item(ctx: SidebarContext, p: ProposalRow, view: OwnersView, changed: () => void): HTMLElement {
  const { t } = ctx;
  const id = `pick-${p.customerId}`;
  const reason = localizeReason(p.reason, ctx.locale);
  const box = el('input', {
    id: uid('pick'),
    attrs: { type: 'checkbox', checked: view.selected.has(p.customerId), disabled: !applicable(p), 'aria-label': t('owners.select', { name: p.name || p.customerId }), 'data-customer': p.customerId },
    on: { change: (e) => { if ((e.target as HTMLInputElement).checked) view.selected.add(p.customerId); else view.selected.delete(p.customerId); changed(); } },
  });
  return el('div', { class: 'item', attrs: { 'data-id': id } },
    box,
    el('div', null,
      el('div', { class: 'item-name' }, tierBadge(p.tier), p.name || p.customerId),
      el('div', { class: 'item-line' },
        `${p.from || '—'} `,
        p.to === null ? el('span', { class: 'unplaced' }, t('owners.notPlaced')) : t('owners.to', { rep: p.to }),
        p.fit === null ? '' : ` · ${t('owners.fit', { fit: p.fit })}`),
      el('div', { class: 'item-line', attrs: { title: reason } }, reason)));
}

function loadBars(ctx: SidebarContext, load: Api['sidebarProposals']['output']['load']): HTMLElement {
  const { t } = ctx;
  return barChart(t('owners.load'), load.map((r) => ({
    label: r.active ? r.rep : t('owners.inactiveRep', { rep: r.rep }),
    value: r.count,
    of: r.capacity,
    text: r.capacity === null ? t('owners.noCap', { count: r.count }) : t('owners.loadOf', { count: r.count, capacity: r.capacity }),
    tone: r.capacity !== null && r.count > r.capacity ? 'over' : 'plain',
  })));
}

/** The proposals afresh; a filter the manager set stays, the selection does not. */
function loadProposals(ctx: SidebarContext): Promise<void> {
  return fetchOnce(ctx, 'owners', () => ctx.call('sidebarProposals', {}), (proposals) => {
    const old = ctx.cache.get('owners') as OwnersView | undefined;
    return { proposals, filter: old?.filter ?? NO_FILTER, selected: new Set<string>() } satisfies OwnersView;
  });
}

async function runPropose(ctx: SidebarContext): Promise<void> {
  const out = await ctx.act(async () => {
    let result: ProposeOutput;
    do result = await ctx.call('propose', { asOf: null, rebalance: false });
    while (result.status === 'stopped');
    return result;
  });
  if (!out) return;
  if (!out.saved) {
    // A rep's propose is a preview: the saved run, which the list shows, did not change.
    ctx.notify(ctx.t('owners.previewOnly', { count: out.assign.proposed }));
    return;
  }
  ctx.cache.set('proposeOutput', out);
  ctx.cache.delete('owners');
  await loadProposals(ctx);
}

async function runApply(ctx: SidebarContext, view: OwnersView): Promise<void> {
  const only = [...view.selected];
  // The run on screen: apply refuses if another run was saved since it was loaded.
  const out = await ctx.act(() => ctx.call('apply', { asOf: null, only, runId: view.proposals.runId }));
  if (!out) return;
  ctx.cache.delete('owners');
  ctx.cache.delete('mine');
  await loadProposals(ctx);
  ctx.notify(ctx.t('owners.applied', { count: out.apply.applied }));
}

async function runUndo(ctx: SidebarContext): Promise<void> {
  const out = await ctx.act(() => ctx.call('undo', { asOf: null }));
  if (!out) return;
  ctx.cache.delete('owners');
  ctx.cache.delete('mine');
  await loadProposals(ctx);
  ctx.notify(ctx.t('owners.undone', { count: out.undo.reverted }));
}
