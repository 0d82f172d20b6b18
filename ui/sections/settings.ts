import { customerFields, dealFields, repFields } from '../../src/core/parse/fields.js';
import type { Section, SidebarContext, SidebarState } from '../app.js';
import { el, uid } from '../dom.js';
import type { MessageKey } from '../i18n/index.js';

type Settings = NonNullable<SidebarState['settings']>;

const STRATEGIES = ['match', 'round-robin', 'balanced', 'claim'] as const;
const TIERS = ['A', 'B', 'C'] as const;
const CATALOGS = { customers: customerFields, deals: dealFields, reps: repFields } as const;

/**
 * Settings: recycle rules, caps, the growth rule for new reps, the strategy, column
 * mapping, tab names, managers and language. The form edits a copy; Save sends it whole
 * and the server checks it (a bad field comes back named). Reps see it read-only.
 */
export const settingsSection: Section = {
  key: 'settings',
  render(ctx) {
    const { t, state } = ctx;
    const root = el('section', { class: 'section', attrs: { 'aria-labelledby': 'settings-title' } }, el('h2', { id: 'settings-title' }, t('tab.settings')));
    if (!state.settings) {
      const repairers = state.settingsRepairers;
      root.append(
        el('p', { id: 'settings-unreadable', attrs: { role: 'alert' } }, t('settings.unreadable')),
        el('ul', { class: 'plain-list' }, ...state.settingsErrors.map((e) => el('li', { class: 'unplaced' }, e))),
        el('p', { id: 'settings-repair' }, repairers.length > 0 ? t('settings.repairBy', { managers: repairers.join(', ') }) : t('settings.repairByOwner')),
      );
      return root;
    }
    const draft = (ctx.cache.get('settingsDraft') as Settings | undefined) ?? structuredClone(state.settings);
    ctx.cache.set('settingsDraft', draft);
    const readOnly = !state.user.manager;
    const form = new Form(readOnly);
    const pool = draft.pool;
    const assign = draft.assign;
    root.append(
      readOnly ? el('p', { class: 'muted' }, t('settings.readOnly')) : '',
      form.group(t('settings.pool'),
        form.check(t('settings.poolEnabled'), pool.enabled, (v) => (pool.enabled = v)),
        ...TIERS.map((tier) => form.number(t('settings.inactivity', { tier }), pool.inactivityDays[tier], (v) => (pool.inactivityDays[tier] = v ?? pool.inactivityDays[tier]), 1)),
        form.number(t('settings.noWonDeal'), pool.noWonDealDays, (v) => (pool.noWonDealDays = v ?? pool.noWonDealDays), 1),
        form.number(t('settings.warningDays'), pool.warningDays, (v) => (pool.warningDays = v ?? 0)),
        form.number(t('settings.maxPerRun'), pool.maxPerRun, (v) => (pool.maxPerRun = v ?? 0)),
        form.number(t('settings.cooldown'), pool.cooldownDays, (v) => (pool.cooldownDays = v ?? 0)),
        form.number(t('settings.claimLimit'), pool.claimLimitPerDay, (v) => (pool.claimLimitPerDay = v ?? 0)),
        form.check(t('settings.tierDrop'), pool.recycleOnTierDrop, (v) => (pool.recycleOnTierDrop = v))),
      form.group(t('settings.caps'),
        form.number(t('settings.defaultCapacity'), assign.defaultCapacity, (v) => (assign.defaultCapacity = v), 0, true),
        form.number(t('settings.defaultACap'), assign.defaultACap, (v) => (assign.defaultACap = v), 0, true)),
      form.group(t('settings.growth'),
        form.number(t('settings.growthDays'), assign.growth.days, (v) => (assign.growth.days = v ?? 0)),
        el('p', { class: 'muted' }, t('settings.growthTiers')),
        ...TIERS.map((tier) => form.check(tier, assign.growth.tiers.includes(tier), (on) => {
          assign.growth.tiers = TIERS.filter((x) => (x === tier ? on : assign.growth.tiers.includes(x)));
        }))),
      form.group(t('settings.strategy'),
        form.select(t('settings.strategy'), assign.strategy, STRATEGIES.map((s) => [s, t(`settings.strategy.${s}` as MessageKey)]), (v) => (assign.strategy = v as Settings['assign']['strategy'])),
        form.check(t('settings.requireRegion'), assign.requireRegion, (v) => (assign.requireRegion = v)),
        form.check(t('settings.requireIndustry'), assign.requireIndustry, (v) => (assign.requireIndustry = v)),
        form.check(t('settings.ownerValidation'), draft.sheets.ownerValidation, (v) => (draft.sheets.ownerValidation = v))),
      form.group(t('settings.tabs'),
        ...(['customers', 'deals', 'reps'] as const).map((tab) => form.text(t(`settings.tab.${tab}`), draft.tabs[tab], (v) => (draft.tabs[tab] = v || draft.tabs[tab])))),
      form.group(t('settings.columns'),
        el('p', { class: 'muted' }, t('settings.columnsHint')),
        ...(['customers', 'deals', 'reps'] as const).map((tab) => {
          const map = draft.columns[tab];
          return el('details', null, el('summary', null, draft.tabs[tab]),
            ...Object.entries(CATALOGS[tab]).map(([field, aliases]) =>
              form.text(aliases[0], map[field] ?? '', (v) => {
                if (v.trim() === '') delete map[field];
                else map[field] = v.trim();
              })));
        })),
      form.group(t('settings.managers'),
        form.area(t('settings.managers'), draft.managers.join('\n'), (v) => (draft.managers = v.split(/[\s,;]+/).filter((m) => m !== '')))),
      form.group(t('settings.locale'),
        form.select(t('settings.locale'), draft.locale, [['auto', t('settings.locale.auto')], ['en', 'English'], ['zh-CN', '简体中文']], (v) => (draft.locale = v as Settings['locale']))),
      el('div', { class: 'row' }, ctx.actions.button(t('settings.save'), () => void save(ctx, draft), { primary: true, id: 'save-settings', enabledWhen: () => !readOnly })),
    );
    return root;
  },
};

async function save(ctx: SidebarContext, draft: Settings): Promise<void> {
  const saved = await ctx.act(() => ctx.call('saveSettings', { settings: draft }));
  if (!saved) return;
  ctx.cache.delete('settingsDraft');
  ctx.cache.delete('whatIf');
  ctx.notify(ctx.t('done.saved'));
  await ctx.reload();
}

/** Labelled controls bound to one field each; disabled for reps. */
class Form {
  constructor(private readonly readOnly: boolean) {}

  group(title: string, ...children: (HTMLElement | string)[]): HTMLElement {
    return el('fieldset', null, el('legend', null, title), ...children);
  }

  number(label: string, value: number | null, set: (v: number | null) => void, min = 0, blankAllowed = false): HTMLElement {
    const id = uid('setting');
    const input = el('input', { id, attrs: { type: 'number', min, step: 1, value: value ?? '', disabled: this.readOnly } });
    input.addEventListener('change', () => {
      const text = input.value.trim();
      if (text === '' && blankAllowed) return set(null);
      const v = Number(text);
      if (Number.isInteger(v) && v >= min) set(v);
      else input.value = value === null ? '' : String(value);
    });
    return el('div', { class: 'field inline' }, el('label', { attrs: { for: id } }, label), input);
  }

  check(label: string, value: boolean, set: (v: boolean) => void): HTMLElement {
    const id = uid('setting');
    const input = el('input', { id, attrs: { type: 'checkbox', checked: value, disabled: this.readOnly }, on: { change: (e) => set((e.target as HTMLInputElement).checked) } });
    return el('div', { class: 'field check' }, input, el('label', { attrs: { for: id } }, label));
  }

  text(label: string, value: string, set: (v: string) => void): HTMLElement {
    const id = uid('setting');
    const input = el('input', { id, attrs: { type: 'text', value, disabled: this.readOnly }, on: { change: (e) => set((e.target as HTMLInputElement).value) } });
    return el('div', { class: 'field' }, el('label', { attrs: { for: id } }, label), input);
  }

  area(label: string, value: string, set: (v: string) => void): HTMLElement {
    const id = uid('setting');
    const input = el('textarea', { id, attrs: { 'aria-label': label, disabled: this.readOnly }, on: { change: (e) => set((e.target as HTMLTextAreaElement).value) } });
    input.value = value;
    return el('div', { class: 'field' }, input);
  }

  select(label: string, value: string, options: readonly (readonly [string, string])[], set: (v: string) => void): HTMLElement {
    const id = uid('setting');
    const input = el('select', { id, attrs: { disabled: this.readOnly }, on: { change: (e) => set((e.target as HTMLSelectElement).value) } },
      ...options.map(([v, text]) => el('option', { attrs: { value: v, selected: v === value } }, text)));
    return el('div', { class: 'field' }, el('label', { attrs: { for: id } }, label), input);
  }
}
