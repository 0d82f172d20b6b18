import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOFFICE, libreOfficeMissingMessage } from '../../../scripts/ensure-libreoffice.mjs';
import { OWNED } from '../../../src/app/owned-columns.js';
import type { Cell, Table } from '../../../src/core/table.js';
import { runCli } from '../../../src/node/commands.js';
import { checkXlsxPackage } from '../../../src/node/xlsx/check-package.js';
import { readXlsx } from '../../../src/node/xlsx/index.js';
import { addBook, SALES_TABS, type FixtureCell } from './add-book.js';
import { zipParts } from './book-compare.js';

/**
 * Workbooks other programs wrote (tests/fixtures/real-xlsx, origins in its SOURCES.md),
 * each given a Customers/Deals/Reps book in its own conventions and taken through score,
 * propose and apply by the real command. The output must be XML a namespace-aware parser
 * accepts, leave every part Tierwise does not own byte for byte, and open in LibreOffice
 * with our columns and the user's cells as written. One soffice run converts them all.
 */
const CORPUS = join(import.meta.dirname, '../../fixtures/real-xlsx');
const FILES = readdirSync(CORPUS).filter((name) => name.endsWith('.xlsx')).sort();
const AS_OF = '2024-12-31';
const dir = mkdtempSync(join(tmpdir(), 'tierwise-real-xlsx-'));
const inputOf = (file: string) => join(dir, 'in', file);
const outputOf = (file: string) => join(dir, 'out', file);
const reopenedOf = (file: string) => join(dir, 'libreoffice', file);
const failures = new Map<string, string>();
const run = promisify(execFile);

async function tierwise(...argv: string[]): Promise<void> {
  let stderr = '';
  const code = await runCli([...argv, '--as-of', AS_OF, '--json'], { stdout: { write: () => undefined }, stderr: { write: (t: string) => (stderr += t) } });
  if (code !== 0) throw new Error(`tierwise ${argv[0]} exited ${code}: ${stderr.trim()}`);
}

beforeAll(async () => {
  for (const sub of ['in', 'out', 'libreoffice']) mkdirSync(join(dir, sub));
  for (const file of FILES) {
    try {
      writeFileSync(inputOf(file), addBook(readFileSync(join(CORPUS, file)), SALES_TABS));
      await tierwise('score', inputOf(file), '--out', outputOf(file));
      await tierwise('propose', outputOf(file), '--in-place');
      await tierwise('apply', outputOf(file), '--in-place');
    } catch (error) {
      failures.set(file, (error as Error).message);
    }
  }
  if (!existsSync(SOFFICE)) throw new Error(libreOfficeMissingMessage());
  const outputs = FILES.filter((file) => existsSync(outputOf(file))).map(outputOf);
  // Two soffice processes (CI has two cores), each with a profile of its own, so that they
  // do not wait for each other and an open desktop LibreOffice is neither used nor touched;
  // niced, so that the browser tests running beside them keep their pace.
  const halves = [outputs.filter((_, i) => i % 2 === 0), outputs.filter((_, i) => i % 2 === 1)];
  await Promise.all(
    halves.map((files, i) =>
      run('nice', ['-n', '10', SOFFICE, '--headless', `-env:UserInstallation=file://${join(dir, `profile-${i}`)}`, '--convert-to', 'xlsx', '--outdir', join(dir, 'libreoffice'), ...files], {
        timeout: 600_000,
      }),
    ),
  );
}, 700_000);

/** Parts Tierwise may rewrite: the package's content types, the workbook and its relationships, the Customers sheet. */
function ownedParts(file: string): Set<string> {
  const input = zipParts(inputOf(file));
  const rels = input.get('_rels/.rels')!.content.toString('utf8');
  const workbook = /Target="\/?([^"]+)"[^>]*\/officeDocument"|\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels)!;
  const workbookPart = workbook[1] ?? workbook[2];
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  return new Set(['[Content_Types].xml', workbookPart, `${folder}_rels/${workbookPart.slice(folder.length)}.rels`, `${folder}worksheets/tw-fixture-1.xml`]);
}

function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => (error ??= e.message));
  parser.write(xml).close();
  return error;
}

/** Tierwise's own columns of the Customers tab, and the Owner column it fills on apply. */
const TIERWISE_HEADERS = new Set<Cell>([...Object.values(OWNED), 'Owner']);

function cellsOf(table: Table): Cell[][] {
  return [table.header, ...table.rows].map((row) => row.map((cell) => cell ?? null));
}

function sameCell(actual: Cell, expected: Cell | FixtureCell): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (actual instanceof Date && expected instanceof Date) return actual.getTime() === expected.getTime();
  return actual === expected;
}

describe.each(FILES)('the real workbook %s, given a sales book', (file) => {
  it('is scored, proposed and applied by the tierwise command', () => {
    expect(failures.get(file)).toBeUndefined();
  });

  it('comes back with every XML part well-formed and namespace-correct, and every part Tierwise does not own byte for byte', () => {
    const before = zipParts(inputOf(file));
    const after = zipParts(outputOf(file));
    for (const [part, { content }] of after) {
      if (/\.(xml|rels)$/i.test(part)) expect(xmlError(content.toString('utf8')), part).toBeUndefined();
    }
    const owned = ownedParts(file);
    for (const [part, { stored, content }] of before) {
      if (owned.has(part)) continue;
      expect(after.has(part), `${part} is kept`).toBe(true);
      expect(after.get(part)!.stored.equals(stored) && after.get(part)!.content.equals(content), `${part} is byte-identical`).toBe(true);
    }
    expect(() => checkXlsxPackage(readFileSync(outputOf(file)), file)).not.toThrow();
  });

  it("opens in LibreOffice with Tierwise's columns as written and every other Customers cell as the user had it", async () => {
    expect(existsSync(reopenedOf(file)), 'LibreOffice could not open the output').toBe(true);
    const written = cellsOf((await readXlsx(outputOf(file), ['Customers'])).tables.get('Customers')!);
    const seen = cellsOf((await readXlsx(reopenedOf(file), ['Customers'])).tables.get('Customers')!);
    const user = SALES_TABS[0].rows;
    const header = written[0];
    expect(header.slice(0, user[0].length)).toEqual(user[0]);
    expect(header).toContain(OWNED.tier);
    const owner = header.indexOf('Owner');
    expect(written.slice(1).some((row) => typeof row[owner] === 'string'), 'apply wrote owners').toBe(true);
    const rows = Math.max(written.length, seen.length, user.length);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < header.length; c++) {
        const expected = TIERWISE_HEADERS.has(header[c]) ? (written[r]?.[c] ?? null) : (user[r]?.[c] ?? null);
        const actual = seen[r]?.[c] ?? null;
        expect(sameCell(actual, expected), `row ${r + 1}, ${String(header[c])}: LibreOffice read ${String(actual)}, expected ${String(expected)}`).toBe(true);
      }
    }
  });
});
