import { Actions } from './actions.js';
import type { Api, FunctionName } from './api.js';
import { el, fill } from './dom.js';
import { explainError } from './errors.js';
import { type Locale, type Translate, pickLocale, translator } from './i18n/index.js';
import { callServer } from './server.js';

export type SidebarState = Api['getState']['output'];

/** What every section gets: words, the server, the state, and one way to run an action. */
export interface SidebarContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly state: SidebarState;
  readonly actions: Actions;
  /** Data a section fetched, kept across re-renders (a language switch, a tab change). */
  readonly cache: Map<string, unknown>;
  call<N extends FunctionName>(name: N, input: Api[N]['input']): Promise<Api[N]['output']>;
  /**
   * Runs `work` with every action button disabled and a status line; an error is shown
   * in words with what to do, and the result is undefined.
   */
  act<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** Shows a short confirmation in the status line. */
  notify(text: string): void;
  /** Reads the state again and redraws the current section. */
  reload(): Promise<void>;
  /** Redraws the current section only. */
  redraw(): void;
}

export interface Section {
  readonly key: 'score' | 'weights' | 'owners' | 'pool' | 'mine' | 'schedule' | 'settings';
  render(ctx: SidebarContext): HTMLElement;
}

/**
 * The sidebar frame: language switch, section tabs (a WAI-ARIA tablist), the error and
 * status lines, and the current section. Sections rebuild their DOM from the cache.
 */
export class SidebarApp {
  private locale: Locale;
  private localeChosen = false;
  private state: SidebarState | null = null;
  private current: Section['key'] = 'score';
  private readonly actions = new Actions();
  private readonly cache = new Map<string, unknown>();
  private readonly errorLine = el('div', { class: 'error', attrs: { role: 'alert', hidden: true } });
  private readonly statusLine = el('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly panel = el('div', { class: 'panel', id: 'panel', attrs: { role: 'tabpanel', tabindex: '-1' } });
  private readonly frame = el('div', { class: 'sidebar' });

  constructor(private readonly root: HTMLElement, private readonly sections: readonly Section[], languages: readonly string[]) {
    this.locale = pickLocale('auto', languages);
  }

  async start(): Promise<void> {
    this.draw();
    this.status(translator(this.locale)('app.loading'));
    await this.reload();
  }

  private get t(): Translate {
    return translator(this.locale);
  }

  private context(state: SidebarState): SidebarContext {
    return {
      t: this.t,
      locale: this.locale,
      state,
      actions: this.actions,
      cache: this.cache,
      call: (name, input) => callServer(name, input),
      act: (work) => this.act(work),
      notify: (text) => this.status(text),
      reload: () => this.reload(),
      redraw: () => this.drawPanel(),
    };
  }

  async reload(): Promise<void> {
    try {
      this.state = await callServer('getState', {});
      if (!this.localeChosen && this.state.settings) this.locale = pickLocale(this.state.settings.locale, navigator.languages ?? [navigator.language]);
      this.status('');
    } catch (error) {
      this.showError(error);
    }
    this.draw();
  }

  private async act<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.actions.setBusy(true);
    this.hideError();
    this.frame.setAttribute('aria-busy', 'true');
    // A follow-up load (a section refetching after a change) must not wipe the
    // confirmation of the change that caused it.
    const before = this.statusLine.textContent ?? '';
    this.status(this.t('busy.running'));
    try {
      const value = await work();
      if (this.statusLine.textContent === this.t('busy.running')) this.status(before === this.t('busy.running') ? '' : before);
      return value;
    } catch (error) {
      this.status('');
      this.showError(error);
      return undefined;
    } finally {
      this.frame.removeAttribute('aria-busy');
      this.actions.setBusy(false);
    }
  }

  private status(text: string): void {
    this.statusLine.textContent = text;
  }

  private showError(error: unknown): void {
    const shown = explainError(error);
    fill(
      this.errorLine,
      el('strong', null, this.t('error.title')),
      el('p', { class: 'error-message' }, shown.message),
      shown.advice && el('p', { class: 'error-advice' }, this.t(shown.advice)),
      el('button', { class: 'button link', attrs: { type: 'button' }, on: { click: () => this.hideError() } }, this.t('error.dismiss')),
    );
    this.errorLine.hidden = false;
  }

  private hideError(): void {
    this.errorLine.hidden = true;
    fill(this.errorLine);
  }

  private draw(): void {
    const t = this.t;
    document.documentElement.lang = this.locale;
    const language = el(
      'select',
      { id: 'language', class: 'language', attrs: { 'aria-label': t('app.language') }, on: { change: (e) => this.switchLocale((e.target as HTMLSelectElement).value as Locale) } },
      el('option', { attrs: { value: 'en', selected: this.locale === 'en' } }, 'English'),
      el('option', { attrs: { value: 'zh-CN', selected: this.locale === 'zh-CN' } }, '简体中文'),
    );
    const tabs = el('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': t('tab.sections') } });
    for (const section of this.visibleSections()) {
      const selected = section.key === this.current;
      tabs.appendChild(
        el('button', {
          class: 'tab',
          id: `tab-${section.key}`,
          attrs: { type: 'button', role: 'tab', 'aria-selected': String(selected), 'aria-controls': 'panel', tabindex: selected ? '0' : '-1', 'data-section': section.key },
          on: { click: () => this.open(section.key), keydown: (e) => this.tabKey(e as KeyboardEvent) },
        }, t(`tab.${section.key}`)),
      );
    }
    // A saved state that does not read back is said on every section until it is dealt with (issue 11).
    const stateProblem = this.state?.stateProblem
      ? el('div', { class: 'error', id: 'state-problem', attrs: { role: 'alert' } }, el('strong', null, t('state.problemTitle')), el('p', null, this.state.stateProblem))
      : null;
    fill(this.frame, el('header', { class: 'top' }, el('h1', null, t('app.title')), language), tabs, stateProblem, this.errorLine, this.statusLine, this.panel);
    if (!this.frame.isConnected) fill(this.root, this.frame);
    this.drawPanel();
  }

  private visibleSections(): readonly Section[] {
    return this.sections;
  }

  private drawPanel(): void {
    if (!this.state) return;
    const section = this.sections.find((s) => s.key === this.current) ?? this.sections[0];
    this.panel.setAttribute('aria-labelledby', `tab-${section.key}`);
    fill(this.panel, section.render(this.context(this.state)));
    this.actions.prune();
  }

  private open(key: Section['key']): void {
    this.current = key;
    // A confirmation belongs to the section it was given in.
    this.status('');
    this.draw();
    document.getElementById(`tab-${key}`)?.focus();
  }

  /** Arrow keys move between tabs, Home/End jump (WAI-ARIA Authoring Practices, Tabs). */
  private tabKey(event: KeyboardEvent): void {
    const keys = this.visibleSections().map((s) => s.key);
    const at = keys.indexOf(this.current);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: keys.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.open(keys[(next + keys.length) % keys.length]);
  }

  private switchLocale(locale: Locale): void {
    this.locale = locale;
    this.localeChosen = true;
    this.draw();
    document.getElementById('language')?.focus();
  }
}
