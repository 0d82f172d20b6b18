import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDay } from '../../src/core/parse/days.js';
import type { Cell } from '../../src/core/table.js';
import type { NewTab } from '../../src/node/xlsx/index.js';
import { DEMO_AS_OF, buildDemoBook } from '../../src/node/demo-book.js';
import { type PreviewServer, startPreview } from '../../src/node/preview/server.js';
import { createXlsx } from '../../src/node/xlsx/index.js';
import { buildSidebar } from '../../scripts/build-sidebar.mjs';

export interface PreviewFixture {
  readonly preview: PreviewServer;
  readonly bookPath: string;
  close(): Promise<void>;
}

/**
 * The demo book (optionally with some cells of some customers changed) in a temporary folder, served
 * by the local preview with a freshly built Sidebar.html, as `npm run preview` does. `reshape`
 * changes the book's tabs before it is written (drop a tab, keep some columns).
 */
export async function demoPreview(
  options: { edits?: Record<string, Record<string, Cell>>; writeMsPerCall?: number; customers?: number; reshape?: (tabs: NewTab[]) => NewTab[] } = {},
): Promise<PreviewFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-ui-'));
  const sidebarPath = join(dir, 'Sidebar.html');
  await buildSidebar({ outfile: sidebarPath });
  const tabs = buildDemoBook(options.customers ?? 500, (options.customers ?? 500) * 10);
  const customers = tabs.find((t) => t.name === 'Customers');
  if (customers && options.edits) {
    const header = customers.rows[0];
    const idAt = header.indexOf('Customer ID');
    for (const row of customers.rows.slice(1)) {
      for (const [column, value] of Object.entries(options.edits[String(row[idAt])] ?? {})) row[header.indexOf(column)] = value;
    }
  }
  const bookPath = join(dir, 'book.xlsx');
  await createXlsx(bookPath, options.reshape ? options.reshape(tabs) : tabs);
  const preview = await startPreview({ book: bookPath, sidebarPath, today: parseDay(DEMO_AS_OF) as number, writeMsPerCall: options.writeMsPerCall ?? null, log: () => {} });
  return {
    preview,
    bookPath,
    close: async () => {
      await preview.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
