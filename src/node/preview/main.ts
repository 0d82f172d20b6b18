import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDay } from '../../core/parse/days.js';
import { DEMO_AS_OF, buildDemoBook } from '../demo-book.js';
import { createXlsx } from '../xlsx/index.js';
import { terminalOutput } from '../terminal-text.js';
import { startPreview } from './server.js';

const USAGE = `npm run preview -- [--book PATH] [--as-of YYYY-MM-DD] [--user EMAIL] [--port N] [--write-ms N]

  Serves the sidebar on http://127.0.0.1 with google.script.run bridged to the server
  functions running here against a local book (.xlsx or CSV folder), which is saved in
  place after every change. Without --book, a fresh copy of the demo book (as of ${DEMO_AS_OF}).
  --write-ms N pretends each call has only N ms left to write in (as on a big sheet in
  Apps Script), to watch a rescore stop and resume over several calls.`;

/** `npm run preview`: the add-on without Google (issue 6 item 4). */
export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { book: { type: 'string' }, 'as-of': { type: 'string' }, user: { type: 'string' }, port: { type: 'string' }, 'write-ms': { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let book = values.book;
  let asOf = values['as-of'];
  if (!book) {
    book = join(await mkdtemp(join(tmpdir(), 'tierwise-preview-')), 'tierwise-demo.xlsx');
    await createXlsx(book, buildDemoBook());
    asOf ??= DEMO_AS_OF;
  }
  const today = asOf === undefined ? undefined : parseDay(asOf);
  if (today !== undefined && typeof today !== 'number') throw new Error(`--as-of: ${today.kind === 'invalid' ? today.message : 'missing'}`);
  const preview = await startPreview({
    book,
    today,
    user: values.user ?? 'manager@example.com',
    port: values.port === undefined ? 8765 : Number(values.port),
    writeMsPerCall: values['write-ms'] === undefined ? null : Number(values['write-ms']),
  });
  // Ctrl+C releases the book's lock on the way out (a lock left behind would be taken over, with a note).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void preview.close().finally(() => process.exit(0)));
  terminalOutput(process.stdout).write(`Tierwise sidebar preview: ${preview.url}\nbook: ${book} (saved after every change)\nsigned in as ${values.user ?? 'manager@example.com'}; Ctrl+C stops.\n`);
}
