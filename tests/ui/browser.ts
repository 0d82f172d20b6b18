import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { CHROMIUM, chromiumMissingMessage } from '../../scripts/ensure-chromium.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface SidebarBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every dialog (alert, confirm, prompt) the page opened. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

/**
 * Debian's chromium, headless, with a fresh profile and nothing that reaches the network
 * on its own, at the sidebar's 300-px width. A missing browser fails the tests with what
 * to do (never a skip).
 */
export async function openSidebar(url: string, options: { locale?: string } = {}): Promise<SidebarBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(chromiumMissingMessage());
  const profile = mkdtempSync(join(tmpdir(), 'tierwise-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 300, height: 1000 },
    locale: options.locale ?? 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  return {
    context,
    page,
    dialogs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
