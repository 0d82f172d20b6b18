import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SidebarBrowser, openSidebar } from './browser.js';
import { type PreviewFixture, demoPreview } from './preview-fixture.js';

const ARTIFACTS = 'tests/artifacts';

describe('every section of the sidebar in the local preview', () => {
  let fixture: PreviewFixture;
  let sidebar: SidebarBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    fixture = await demoPreview();
    sidebar = await openSidebar(fixture.preview.url);
  });
  afterAll(async () => {
    await sidebar?.close();
    await fixture?.close();
  });

  for (const section of ['score', 'weights', 'owners', 'pool', 'mine', 'schedule', 'settings']) {
    it(`opens the ${section} section from its tab and shows its heading`, async () => {
      const { page } = sidebar;
      await page.click(`#tab-${section}`);
      await expect.poll(() => page.getAttribute(`#tab-${section}`, 'aria-selected')).toBe('true');
      await page.waitForSelector(`#${section}-title`);
      await page.waitForFunction(() => !document.querySelector('.sidebar')?.hasAttribute('aria-busy'));
      await page.screenshot({ path: `${ARTIFACTS}/section-${section}.png`, fullPage: true });
      expect(await page.textContent(`#${section}-title`)).not.toBe('');
    });
  }
});
