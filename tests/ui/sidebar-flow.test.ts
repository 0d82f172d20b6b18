import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_HEADER } from '../../src/app/owned-columns.js';
import { openLocalBook } from '../../src/node/book/local-book.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import type { Table } from '../../src/core/table.js';
import { type SidebarBrowser, openSidebar } from './browser.js';
import { type PreviewFixture, demoPreview } from './preview-fixture.js';

const ARTIFACTS = 'tests/artifacts';
const IMG = '<img src=x onerror=alert(1)>';
const FORMULA = '=IMPORTXML("http://x.test","//a")';

function ownerOf(table: Table, id: string): unknown {
  const idAt = table.header.indexOf('Customer ID');
  const ownerAt = table.header.indexOf('Owner');
  return table.rows.find((r) => r[idAt] === id)?.[ownerAt] ?? null;
}

describe('a manager\'s day in the sidebar, against the local preview', () => {
  let fixture: PreviewFixture;
  let sidebar: SidebarBrowser;
  const rescoreCalls: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Blank owners put the two hostile names among the proposals; a short write budget
    // per call makes the rescore stop and resume as it does on a big sheet.
    fixture = await demoPreview({
      edits: { C0001: { Name: IMG, Owner: null }, C0002: { Name: FORMULA, Owner: null } },
      writeMsPerCall: 100,
    });
    sidebar = await openSidebar(fixture.preview.url);
    sidebar.page.on('request', (request) => {
      if (request.url().endsWith('/call/rescore')) rescoreCalls.push(request.url());
    });
  });
  afterAll(async () => {
    await sidebar?.close();
    await fixture?.close();
  });

  it('previews tier changes in the browser as a weight moves, and the weights still sum to 100%', async () => {
    const { page } = sidebar;
    await page.click('#tab-weights');
    await page.waitForSelector('#weights-changed');
    expect(await page.textContent('#weights-changed')).toMatch(/^0 customers would change tier/);
    const calls: string[] = [];
    page.on('request', (r) => calls.push(r.url()));
    await page.locator('input.slider[data-key="revenue"]').fill('5');
    await expect.poll(() => page.textContent('#weights-changed')).not.toMatch(/^0 customers/);
    expect(await page.textContent('#weights-total')).toBe('Total 100%');
    const aBefore = await page.locator('#weights-preview .bar-value').first().textContent();
    await page.locator('input[type="radio"][value="threshold"]').check();
    await page.locator('input[data-key="thresholdA"]').fill('60');
    await expect.poll(() => page.locator('#weights-preview .bar-value').first().textContent()).not.toBe(aBefore);
    expect(calls.filter((u) => u.includes('/call/'))).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/flow-weights.png`, fullPage: true });
  });

  it('rescoring drives the job over several calls with a progress bar to the end, buttons disabled meanwhile', async () => {
    const { page } = sidebar;
    await page.click('#tab-score');
    await page.route('**/call/rescore', async (route) => {
      await new Promise((r) => setTimeout(r, 150));
      await route.continue();
    });
    await page.click('#rescore');
    await expect.poll(() => page.locator('#rescore').isDisabled()).toBe(true);
    expect(await page.locator('#tab-score').isDisabled()).toBe(false);
    // The whole multi-call job, each call held 150 ms: on a loaded machine it outlasts Playwright's 30 s default.
    await page.waitForSelector('.outcome', { timeout: 55_000 });
    await page.unroute('**/call/rescore');
    const bar = page.locator('[role="progressbar"]');
    expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
    expect(Number(await bar.getAttribute('aria-valuemax'))).toBeGreaterThanOrEqual(500);
    expect(rescoreCalls.length).toBeGreaterThan(1);
    expect(await page.locator('#rescore').isDisabled()).toBe(false);
    expect(await page.locator('.outcome .bar-label').allTextContents()).toEqual(expect.arrayContaining(['A', 'B', 'C']));
    expect(await page.textContent('.outcome')).toMatch(/Resumed the rescore of 2026-11-01 at row \d+ of 500/);
    await page.screenshot({ path: `${ARTIFACTS}/flow-score.png`, fullPage: true });
    const customers = fixture.preview.local.workbook.readTable('Customers') as Table;
    expect(customers.header).toContain('TW Tier');
  });

  it('shows hostile customer names as text and opens no dialog', async () => {
    const { page } = sidebar;
    await page.click('#tab-owners');
    await page.click('#propose');
    await page.waitForSelector('.list .item');
    await page.fill('input[data-filter="search"]', 'x.test');
    await expect.poll(() => page.locator('.list .item-name').first().textContent()).toContain(FORMULA);
    await page.fill('input[data-filter="search"]', 'onerror');
    await expect.poll(() => page.locator('.list .item-name').first().textContent()).toContain(IMG);
    expect(await page.locator('#panel img').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/flow-hostile-names.png`, fullPage: true });
    await page.fill('input[data-filter="search"]', '');
    expect(sidebar.dialogs).toEqual([]);
  });

  it('applies only the selected proposals into the Owner column and TW Log, then undo puts them back', async () => {
    const { page } = sidebar;
    const boxes = page.locator('.list .item input[type="checkbox"]:not([disabled])');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const box = boxes.nth(i);
      ids.push((await box.getAttribute('data-customer')) as string);
      await box.check();
    }
    const wanted = new Map<string, string>();
    for (const id of ids) {
      const line = await page.locator(`.item:has(input[data-customer="${id}"]) .item-line`).first().textContent();
      wanted.set(id, /→ (.+?)( · |$)/.exec(line ?? '')?.[1] ?? '');
    }
    expect(await page.textContent('#apply')).toBe('Apply selected (3)');
    // The demo's one inactive rep is named as such in the load bars, not left as a bare 0 / 70.
    const loadLabels = await page.locator('.bar-label').allTextContents();
    expect(loadLabels).toContain('Frank Li (inactive)');
    expect(loadLabels).toContain('Alice Chen');
    await page.screenshot({ path: `${ARTIFACTS}/flow-owners-selected.png`, fullPage: true });
    await page.click('#apply');
    await expect.poll(() => page.textContent('.status')).toMatch(/Applied 3 owners/);

    const saved = await openLocalBook(fixture.bookPath, defaultSettings.tabs);
    const customers = saved.workbook.readTable('Customers') as Table;
    for (const [id, rep] of wanted) expect(ownerOf(customers, id)).toBe(rep);
    const log = saved.workbook.readTable('TW Log') as Table;
    expect(log.header).toEqual([...LOG_HEADER]);
    const applied = log.rows.filter((r) => r[2] === 'apply');
    expect(applied.map((r) => r[3]).sort()).toEqual([...ids].sort());
    expect(applied.every((r) => r[7] === 'manager@example.com')).toBe(true);

    await page.click('#undo');
    await expect.poll(() => page.textContent('.status')).toMatch(/Restored 3 owners/);
    const undone = await openLocalBook(fixture.bookPath, defaultSettings.tabs);
    const after = undone.workbook.readTable('Customers') as Table;
    for (const id of ids) expect(ownerOf(after, id)).toBe(ownerOf(fixture.preview.local.workbook.readTable('Customers') as Table, id));
    for (const id of ids) expect(ownerOf(after, id) ?? '').not.toBe(wanted.get(id));
    expect((undone.workbook.readTable('TW Log') as Table).rows.filter((r) => r[2] === 'undo')).toHaveLength(3);
  });

  it('claims a pool customer for a chosen rep, written to the Owner column and logged', async () => {
    const { page } = sidebar;
    await page.click('#tab-pool');
    await page.waitForSelector('#pool-list .claim-row');
    await page.screenshot({ path: `${ARTIFACTS}/flow-pool.png`, fullPage: true });
    await page.selectOption('select[id^="claim-for"]', 'Emma Wang');
    const first = page.locator('#pool-list .claim-row').first();
    const id = ((await first.locator('.item-line').textContent()) ?? '').split(' · ')[0];
    await first.locator('button').click();
    await page.waitForFunction(() => !document.querySelector('.sidebar')?.hasAttribute('aria-busy'));
    await page.screenshot({ path: `${ARTIFACTS}/flow-claimed.png`, fullPage: true });
    await expect.poll(() => page.textContent('.status')).toBe(`Emma Wang now owns ${id}.`);
    const saved = await openLocalBook(fixture.bookPath, defaultSettings.tabs);
    expect(ownerOf(saved.workbook.readTable('Customers') as Table, id)).toBe('Emma Wang');
    expect((saved.workbook.readTable('TW Log') as Table).rows.filter((r) => r[2] === 'claim').map((r) => r[3])).toEqual([id]);
  });

  it('says who holds the book when a run is refused, and what to do', async () => {
    const { page } = sidebar;
    const lease = fixture.preview.session.context().lease;
    lease.write({ holder: 'other.manager@example.com', action: 'recycle', start: new Date().toISOString() });
    try {
      await page.click('#tab-score');
      await page.click('#rescore');
      await page.waitForSelector('.error:not([hidden])');
      const error = await page.textContent('.error');
      expect(error).toContain('other.manager@example.com is running recycle');
      expect(error).toContain('Wait until that run has finished');
      expect(await page.locator('#rescore').isDisabled()).toBe(false);
      await page.screenshot({ path: `${ARTIFACTS}/flow-refused.png`, fullPage: true });
    } finally {
      lease.clear();
    }
  });

  it('speaks simplified Chinese after the switch', async () => {
    const { page } = sidebar;
    await page.selectOption('#language', 'zh-CN');
    expect(await page.textContent('#tab-score')).toBe('评分');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.selectOption('#language', 'en');
    expect(await page.textContent('#tab-score')).toBe('Score');
  });
});

describe('the sidebar in a Chinese browser', () => {
  it('follows navigator.language and renders every section in Chinese', async () => {
    const fixture = await demoPreview();
    const sidebar = await openSidebar(fixture.preview.url, { locale: 'zh-CN' });
    try {
      const { page } = sidebar;
      await page.waitForSelector('#tab-score');
      expect(await page.textContent('#tab-score')).toBe('评分');
      for (const section of ['score', 'weights', 'owners', 'pool', 'mine', 'schedule', 'settings']) {
        await page.click(`#tab-${section}`);
        await page.waitForSelector(`#${section}-title`);
        await page.waitForFunction(() => !document.querySelector('.sidebar')?.hasAttribute('aria-busy'));
        await page.screenshot({ path: `${ARTIFACTS}/zh-${section}.png`, fullPage: true });
      }
      expect(await page.textContent('#settings-title')).toBe('设置');
      expect(sidebar.dialogs).toEqual([]);
    } finally {
      await sidebar.close();
      await fixture.close();
    }
  });
});
