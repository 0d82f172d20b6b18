import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SidebarBrowser, openSidebar } from './browser.js';
import { type PreviewFixture, demoPreview } from './preview-fixture.js';

const ARTIFACTS = 'tests/artifacts';
const KEPT = ['Customer ID', 'Name', 'Region', 'Industry', 'Owner', 'Email'];

/**
 * A book whose Customers tab has no column the score uses and no Deals tab: every customer
 * scores the same, so nobody has a tier (issue 10 item 2). The sidebar must say so with "–",
 * never show them all as A.
 */
describe('the sidebar on a book with no tiers', () => {
  let fixture: PreviewFixture;
  let sidebar: SidebarBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    fixture = await demoPreview({
      reshape: (tabs) =>
        tabs
          .filter((tab) => tab.name !== 'Deals')
          .map((tab) => {
            if (tab.name !== 'Customers') return tab;
            const keep = KEPT.map((column) => tab.rows[0].indexOf(column));
            return { ...tab, rows: tab.rows.map((row) => keep.map((at) => row[at])) };
          }),
    });
    sidebar = await openSidebar(fixture.preview.url);
  });
  afterAll(async () => {
    await sidebar?.close();
    await fixture?.close();
  });

  it('shows "–" for every pool customer, not a tier letter', async () => {
    const { page } = sidebar;
    await page.click('#tab-pool');
    await page.waitForSelector('#pool-list .claim-row');
    await page.waitForFunction(() => !document.querySelector('.sidebar')?.hasAttribute('aria-busy'));
    await page.screenshot({ path: `${ARTIFACTS}/no-tiers-pool.png`, fullPage: true });
    const badges = await page.locator('#pool-list .tier-badge').evaluateAll((nodes) => nodes.map((n) => `${n.className}|${n.textContent}`));
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['tier-badge tier-none|–']));
  });
});
