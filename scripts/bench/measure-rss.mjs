// Runs a Node script as if it were started directly (`node measure-rss.mjs SCRIPT ARGS…`)
// and, when the process exits, writes its peak resident set size to stderr as the last
// line, `{"maxRssKb":N}`. The benchmark reads a child's peak this way because Node's
// child_process does not report a child's rusage and /usr/bin/time is not everywhere.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , script, ...args] = process.argv;
if (!script) {
  writeSync(2, 'usage: node measure-rss.mjs SCRIPT [ARGS…]\n');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => writeSync(2, `\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`));
await import(pathToFileURL(resolve(script)).href);
