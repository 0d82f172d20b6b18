import type { Section, SidebarContext } from '../app.js';
import { el, uid } from '../dom.js';

/**
 * Schedule: the one hourly trigger an editor add-on may hold per user and document
 * (DESIGN §6). Install/remove, the hour of the daily run, next and last run, the last
 * outcome and error, what a former owner's trigger did, and who owns it (another manager may take it over, knowingly).
 */
export const scheduleSection: Section = {
  key: 'schedule',
  render(ctx) {
    const { t, state } = ctx;
    const schedule = state.schedule;
    const manager = state.user.manager;
    const hourId = uid('hour');
    const hour = el('select', { id: hourId, attrs: { disabled: !manager } },
      ...Array.from({ length: 24 }, (_, h) => el('option', { attrs: { value: h, selected: h === schedule.hour } }, `${String(h).padStart(2, '0')}:00`)));
    hour.addEventListener('change', () => void saveHour(ctx, Number(hour.value)));
    const othersSchedule = schedule.installed && !schedule.mine;
    const install = ctx.actions.button(othersSchedule ? t('schedule.takeOver') : t('schedule.install'),
      () => void change(ctx, () => ctx.call('installSchedule', { takeOver: othersSchedule })),
      { primary: true, id: 'install-schedule', enabledWhen: () => manager && !(schedule.installed && schedule.mine) });
    const remove = ctx.actions.button(t('schedule.remove'), () => void change(ctx, () => ctx.call('removeSchedule', {})),
      { id: 'remove-schedule', enabledWhen: () => schedule.installed && (schedule.mine || manager) });
    const fact = (label: string, value: string | null) => (value ? [el('dt', null, label), el('dd', null, value)] : []);
    return el(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'schedule-title' } },
      el('h2', { id: 'schedule-title' }, t('tab.schedule')),
      el('p', { class: 'muted' }, t('schedule.what')),
      el('div', { class: 'field inline' }, el('label', { attrs: { for: hourId } }, `${t('schedule.hour')} (${schedule.timeZone})`), hour),
      schedule.installed
        ? el('dl', { class: 'facts' },
            ...fact(t('schedule.ownerLabel'), schedule.owner),
            ...fact(t('schedule.next'), schedule.nextRun),
            ...fact(t('schedule.last'), schedule.lastRun),
            ...fact(t('schedule.outcome'), schedule.lastOutcome),
            ...fact(t('schedule.error'), schedule.lastError),
            ...fact(t('schedule.notice'), schedule.notice))
        : el('p', null, t('schedule.notInstalled')),
      el('div', { class: 'row' }, install, remove),
    );
  },
};

async function change(ctx: SidebarContext, work: () => Promise<unknown>): Promise<void> {
  if ((await ctx.act(work)) === undefined) return;
  await ctx.reload();
}

async function saveHour(ctx: SidebarContext, hour: number): Promise<void> {
  const settings = ctx.state.settings;
  if (!settings) return;
  await change(ctx, () => ctx.call('saveSettings', { settings: { ...settings, schedule: { hour } } }));
}
