import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { rescore } from '../../app/rescore.js';
import { summarizeRescore } from '../../app/summary.js';
import { parseDay } from '../../core/parse/days.js';
import { defaultSettings } from '../../core/settings/schema.js';
import { DEMO_AS_OF, buildDemoBook } from '../demo-book.js';
import type { CliIo } from '../io.js';
import { parseFlags } from '../options.js';
import { describeRescore } from '../report.js';
import { createXlsx } from '../xlsx/index.js';
import { runOnBook } from './book-command.js';
import type { Command } from './command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'write a demo workbook (customers, deals, reps, a few bad cells) and score it',
  usage: `tierwise demo [--dir DIR] [--json] [--debug]

  Writes DIR/tierwise-demo.xlsx (default DIR: ./demo), the same book every time, with a few
  deliberately bad cells, then scores it as of ${DEMO_AS_OF} into DIR/tierwise-demo.tierwise.xlsx.
  Try the other commands on it next, e.g. tierwise score demo/tierwise-demo.xlsx --as-of ${DEMO_AS_OF}
  --debug       on a failure, print the stack trace after the one-line message`,
  async run(argv: readonly string[], io: CliIo) {
    const { values } = parseFlags(argv, { dir: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, false);
    const dir = typeof values.dir === 'string' ? values.dir : 'demo';
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'tierwise-demo.xlsx');
    const tabs = buildDemoBook();
    await createXlsx(path, tabs);
    // The sizes as written, counted rather than stated: the README quotes this line (issue 10 item 10).
    const [customers, deals, reps] = tabs.map((tab) => tab.rows.length - 1);
    const asOfDay = parseDay(DEMO_AS_OF) as number;
    const options = { book: path, out: null, inPlace: false, settings: defaultSettings, asOfDay, json: values.json === true, values };
    const { outcome, output } = await runOnBook(options, { run: (context) => rescore(context) }, { command: 'demo', say: (line) => io.stderr.write(`${line}\n`) });
    const summary = summarizeRescore('demo', asOfDay, output, outcome);
    const next = [
      '',
      'Next, try:',
      `  npx tierwise propose ${output} --in-place --as-of ${DEMO_AS_OF}   owners proposed, with reasons`,
      `  npx tierwise apply ${output} --in-place --as-of ${DEMO_AS_OF}     write them into the Owner column (undo: tierwise undo)`,
      '  npm run preview                                    click through the Google Sheets sidebar locally',
      '',
    ].join('\n');
    io.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `Demo book written to ${path}: ${customers} customer rows, ${deals} deals, ${reps} reps.\n${describeRescore(summary, outcome, path)}${next}`);
    return 0;
  },
};
