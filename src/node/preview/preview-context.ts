import type { StateStore } from '../../app/ports.js';
import type { BookClock, DocumentLock, JsonSlot, ServerContext, SettingsStore, Triggers } from '../../app/server/ports.js';
import type { ExistingFilterView, FilterViewChanges, FilterViewStore, RepFilterView } from '../../app/server/sidebar-filter-views.js';
import type { Settings } from '../../core/settings/schema.js';
import { ASSUMED_MS_PER_CELL, JOB_BUDGET_MS, SAVE_MARGIN_MS } from '../../app/server/job.js';
import type { MemoryWorkbook } from '../book/memory-workbook.js';
import { PreviewBook } from './preview-book.js';

export interface PreviewOptions {
  /** The signed-in user the preview pretends to be. */
  readonly user: string;
  /** Day number the preview takes as today (the demo's as-of date by default). */
  readonly today: number;
  readonly timeZone: string;
  /**
   * Pretend each call has only this many milliseconds left for writing when its job
   * starts writing, and that each written cell takes the time the job assumes
   * (ASSUMED_MS_PER_CELL), so a rescore stops and resumes over several calls as on a big
   * sheet in Apps Script; null for no pretending.
   */
  readonly writeMsPerCall: number | null;
  /** One Apps Script execution's limit (6 minutes). */
  readonly executionLimitMs: number;
  /**
   * The real time in ms, Date.now by default. A test passes a clock that stands still, so
   * that only the pretended writing moves time and how many calls a job takes does not
   * depend on how fast the machine scores.
   */
  readonly wallMs?: () => number;
}

/** A JSON value in memory, copied through JSON as document properties would store it. */
export class MemorySlot implements JsonSlot {
  private value: string | null = null;
  read(): unknown {
    return this.value === null ? null : JSON.parse(this.value);
  }
  write(value: unknown): void {
    this.value = JSON.stringify(value);
  }
  clear(): void {
    this.value = null;
  }
}

/** The filter views of the preview's book, as the Sheets advanced service would keep them. */
export class MemoryFilterViews implements FilterViewStore {
  readonly views = new Map<string, { tab: string; view: RepFilterView }>();
  private nextId = 1;
  list(tab: string): ExistingFilterView[] {
    return [...this.views].filter(([, v]) => v.tab === tab).map(([id, v]) => ({ id, title: v.view.title }));
  }
  apply(tab: string, changes: FilterViewChanges): void {
    for (const id of changes.remove) this.views.delete(id);
    for (const { id, view } of changes.update) this.views.set(id, { tab, view });
    for (const view of changes.add) this.views.set(String(this.nextId++), { tab, view });
  }
}

class PreviewClock implements BookClock {
  /** Fake time spent writing rows, added to the wall clock. */
  offsetMs = 0;
  constructor(private readonly day: number, readonly timeZone: string, private readonly wallMs: () => number) {}
  now(): Date {
    return new Date(this.wallMs() + this.offsetMs);
  }
  today(): number {
    return this.day;
  }
  hour(): number {
    return this.now().getUTCHours();
  }
}

class PreviewLock implements DocumentLock {
  private held = false;
  tryLock(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }
  release(): void {
    this.held = false;
  }
}

class PreviewTriggers implements Triggers {
  private readonly ids: string[] = [];
  private next = 1;
  mine(): string[] {
    return [...this.ids];
  }
  createHourly(): string {
    const id = `preview-trigger-${this.next++}`;
    this.ids.push(id);
    return id;
  }
  remove(id: string): void {
    const at = this.ids.indexOf(id);
    if (at >= 0) this.ids.splice(at, 1);
  }
  authorized(): boolean {
    return true;
  }
}

export interface PreviewSession {
  readonly book: PreviewBook;
  readonly filterViews: MemoryFilterViews;
  /** The ports for one call: like one Apps Script execution, it starts now. */
  context(): ServerContext;
}

/**
 * The ports the server functions run on in the local preview: the local book in memory,
 * its state, settings and document properties in memory, one lock, fake triggers.
 * The settings start with the preview's user as the only manager, so every button works.
 */
export function previewSession(workbook: MemoryWorkbook, state: StateStore, options: PreviewOptions, settings: Partial<Settings> = {}): PreviewSession {
  const clock = new PreviewClock(options.today, options.timeZone, options.wallMs ?? Date.now);
  let savedSettings: unknown = { managers: [options.user], ...settings };
  const settingsStore: SettingsStore = { load: () => savedSettings, save: (s) => (savedSettings = JSON.parse(JSON.stringify(s))) };
  const slow = options.writeMsPerCall;
  const book = new PreviewBook(workbook, (cells) => (clock.offsetMs += slow === null ? 0 : cells * ASSUMED_MS_PER_CELL));
  const shared = {
    book,
    state,
    settings: settingsStore,
    user: { email: options.user },
    clock,
    lock: new PreviewLock(),
    lease: new MemorySlot(),
    job: new MemorySlot(),
    results: new MemorySlot(),
    schedule: new MemorySlot(),
    triggers: new PreviewTriggers(),
    bookId: 'local-preview',
    executionLimitMs: options.executionLimitMs,
  };
  return { book, filterViews: new MemoryFilterViews(), // With `slow`, a call has `slow` ms for its one chunk: the first chunk of a run may go on to the last chance (job.ts).
  context: () => ({ ...shared, startedMs: clock.now().getTime() - (slow === null ? 0 : Math.max(JOB_BUDGET_MS, options.executionLimitMs - SAVE_MARGIN_MS) - slow) }) };
}
