import type { Api } from '../api.js';
import type { Section, SidebarContext } from '../app.js';
import { barChart } from '../charts.js';
import { el, fill, uid } from '../dom.js';
import { fetchOnce } from '../section-data.js';
import { moveWeight, toPercentages } from '../weight-shares.js';
import { type WhatIfOutcome, whatIfModel } from '../what-if.js';

type WhatIfRows = Api['sidebarWhatIf']['output'];
type TierRule = WhatIfRows['tiers'];

interface Draft {
  readonly rows: WhatIfRows;
  readonly model: ReturnType<typeof whatIfModel>;
  percentages: number[];
  rule: TierRule;
  /** Until a slider moves, the saved weights are used as they are (percentages are rounded). */
  moved: boolean;
}

/**
 * Weights (what-if): one slider per dimension, always summing to 100%, and the tier
 * rule; every change rescores the customers in the browser with the core's own
 * scoreCustomers/assignTiers on rows fetched once (issue 6), and nothing is saved
 * until Save.
 */
export const weightsSection: Section = {
  key: 'weights',
  render(ctx) {
    const { t } = ctx;
    const root = el('section', { class: 'section', attrs: { 'aria-labelledby': 'weights-title' } }, el('h2', { id: 'weights-title' }, t('tab.weights')));
    const draft = ctx.cache.get('whatIf') as Draft | undefined;
    if (draft) {
      root.appendChild(editor(ctx, draft));
      return root;
    }
    root.appendChild(el('p', { class: 'muted' }, t('weights.loading')));
    void fetchOnce(ctx, 'whatIf', () => ctx.call('sidebarWhatIf', { asOf: null }), fresh);
    return root;
  },
};

function fresh(rows: WhatIfRows): Draft {
  return { rows, model: whatIfModel(rows), percentages: toPercentages(rows.dimensions.map((d) => d.weight)), rule: structuredClone(rows.tiers), moved: false };
}

function editor(ctx: SidebarContext, draft: Draft): HTMLElement {
  const { t } = ctx;
  const { dimensions } = draft.rows;
  const total = el('p', { class: 'total', id: 'weights-total' });
  const preview = el('div', { class: 'preview', id: 'weights-preview', attrs: { 'aria-live': 'polite' } });
  const sliders: HTMLInputElement[] = [];
  const outputs: HTMLOutputElement[] = [];

  let pending = 0;
  const update = () => {
    total.textContent = t('weights.total', { total: draft.percentages.reduce((a, p) => a + p, 0) });
    draft.percentages.forEach((p, i) => {
      sliders[i].value = String(p);
      outputs[i].value = `${p}%`;
      sliders[i].setAttribute('aria-valuetext', `${p}%`);
    });
    // Coalesce a burst of slider events into one scoring pass per frame.
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => showPreview(ctx, preview, draft.model(weightsOf(draft), draft.rule), draft.rows.customers));
  };

  const rows = dimensions.map((dimension, i) => {
    const id = uid('weight');
    const slider = el('input', {
      id,
      class: 'slider',
      attrs: { type: 'range', min: 0, max: 100, step: 1, value: draft.percentages[i], 'data-key': dimension.key },
      on: { input: (e) => { draft.moved = true; draft.percentages = moveWeight(draft.percentages, i, Number((e.target as HTMLInputElement).value)); update(); } },
    });
    const output = el('output', { class: 'slider-value', attrs: { for: id } });
    sliders.push(slider);
    outputs.push(output);
    return el(
      'div',
      { class: 'slider-row' },
      el('label', { attrs: { for: id } }, dimension.label, dimension.direction === 'lower' ? el('span', { class: 'hint' }, ` (${t('weights.lower')})`) : null),
      el('div', { class: 'slider-line' }, slider, output),
    );
  });

  const save = ctx.actions.button(t('weights.save'), () => void saveDraft(ctx, draft), { primary: true, id: 'save-weights', enabledWhen: () => ctx.state.user.manager });
  const reset = ctx.actions.button(t('weights.reset'), () => { ctx.cache.set('whatIf', fresh(draft.rows)); ctx.redraw(); }, { id: 'reset-weights' });
  const node = el(
    'div',
    null,
    el('p', { class: 'muted' }, t('weights.intro')),
    draft.rows.absent.length > 0 && el('p', { class: 'muted' }, t('weights.absent', { labels: draft.rows.absent.join(', ') })),
    ...rows,
    total,
    tierRule(ctx, draft, update),
    el('h3', null, t('weights.preview')),
    preview,
    el('div', { class: 'row' }, save, reset),
  );
  update();
  return node;
}

function weightsOf(draft: Draft): Record<string, number> {
  return Object.fromEntries(draft.rows.dimensions.map((d, i) => [d.key, draft.moved ? draft.percentages[i] : d.weight]));
}

function tierRule(ctx: SidebarContext, draft: Draft, update: () => void): HTMLElement {
  const { t } = ctx;
  const name = uid('rule');
  const fields = el('div', { class: 'rule-fields' });
  const number = (label: string, key: string, value: number, set: (v: number) => void, max: number) => {
    const id = uid('rule');
    return el('div', { class: 'field inline' },
      el('label', { attrs: { for: id } }, label),
      el('input', { id, attrs: { type: 'number', min: 0, max, step: 1, value, 'data-key': key }, on: { input: (e) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (Number.isFinite(v) && v >= 0 && v <= max) { set(v); update(); }
      } } }));
  };
  const drawFields = () => {
    const rule = draft.rule;
    if (rule.mode === 'share') {
      fill(fields,
        number(t('weights.shareA'), 'shareA', Math.round(rule.shares.A * 100), (v) => (rule.shares.A = Math.min(v / 100, 1 - rule.shares.B)), 100),
        number(t('weights.shareB'), 'shareB', Math.round(rule.shares.B * 100), (v) => (rule.shares.B = Math.min(v / 100, 1 - rule.shares.A)), 100));
    } else {
      fill(fields,
        number(t('weights.thresholdA'), 'thresholdA', rule.thresholds.A, (v) => (rule.thresholds.A = Math.max(v, rule.thresholds.B)), 100),
        number(t('weights.thresholdB'), 'thresholdB', rule.thresholds.B, (v) => (rule.thresholds.B = Math.min(v, rule.thresholds.A)), 100));
    }
  };
  const radio = (mode: TierRule['mode'], label: string) => {
    const id = uid('mode');
    return el('div', { class: 'radio' },
      el('input', { id, attrs: { type: 'radio', name, value: mode, checked: draft.rule.mode === mode }, on: { change: () => { draft.rule.mode = mode; drawFields(); update(); } } }),
      el('label', { attrs: { for: id } }, label));
  };
  drawFields();
  return el('fieldset', { class: 'rule' }, el('legend', null, t('weights.rule')), radio('share', t('weights.byShare')), radio('threshold', t('weights.byThreshold')), fields);
}

function showPreview(ctx: SidebarContext, slot: HTMLElement, outcome: WhatIfOutcome, customers: number): void {
  const { t } = ctx;
  fill(
    slot,
    barChart(t('weights.preview'), (['A', 'B', 'C'] as const).map((tier) => ({
      label: tier, value: outcome.tiers[tier], of: customers, text: String(outcome.tiers[tier]), tone: tier.toLowerCase() as 'a' | 'b' | 'c',
    }))),
    !outcome.tiered && el('p', { class: 'muted' }, t('score.noTier', { count: customers })),
    el('p', { class: 'changed', id: 'weights-changed' }, t('weights.changed', { count: outcome.changed, up: outcome.up, down: outcome.down })),
  );
}

async function saveDraft(ctx: SidebarContext, draft: Draft): Promise<void> {
  const settings = ctx.state.settings;
  if (!settings) return;
  const percent = weightsOf(draft);
  // Where the deals' dimensions stood in for the defaults, the weights the user set are for those: they become the user's own.
  const base = draft.rows.fromDeals ? draft.rows.dimensions : settings.score.dimensions;
  const dimensions = base.map((d) => (d.key in percent ? { ...d, weight: percent[d.key] } : d));
  const saved = await ctx.act(() => ctx.call('saveSettings', { settings: { ...settings, score: { dimensions }, tiers: draft.rule } }));
  if (!saved) return;
  // The saved tiers are the new baseline: fetch the rows again on the next visit.
  ctx.cache.delete('whatIf');
  ctx.notify(ctx.t('weights.savedHint'));
  await ctx.reload();
}
