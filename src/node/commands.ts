import { CannotRun } from '../app/cannot-run.js';
import { BookError } from './book/book-error.js';
import type { Command } from './commands/command.js';
import { demoCommand } from './commands/demo.js';
import { applyCommand } from './commands/apply.js';
import { claimCommand } from './commands/claim.js';
import { proposeCommand } from './commands/propose.js';
import { recycleCommand } from './commands/recycle.js';
import { scoreCommand } from './commands/score.js';
import { undoCommand } from './commands/undo.js';
import type { CliIo } from './io.js';
import { terminalIo } from './terminal-text.js';
import { SettingsError, UsageError } from './options.js';
import { InputError, oneLine, unexpectedSentence } from './errors.js';

const COMMANDS: readonly Command[] = [scoreCommand, proposeCommand, applyCommand, undoCommand, recycleCommand, claimCommand, demoCommand];

const EXIT_OK = 0;
const EXIT_CANNOT_RUN = 1;
const EXIT_USAGE = 2;

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'tierwise: customer value tiers, RFM, CLV and owner proposals for a workbook',
    '',
    'Usage: tierwise COMMAND [options]     tierwise COMMAND --help for details',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --debug: on a failure, print the stack trace after the one-line message.',
    'Exit status: 0 done (maybe with warnings), 1 the book could not be processed, 2 usage error.',
    '',
  ].join('\n');
}

/**
 * Runs one command line and returns its exit status; never calls process.exit itself and
 * never throws: every failure ends in one line on stderr (and the usage for exit 2), with
 * the stack trace only under --debug. Everything it prints goes through terminalText,
 * whoever prints it.
 */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  const io = terminalIo(terminal);
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((arg) => arg !== '--debug');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`tierwise: unknown command '${name}'\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tierwise ${name}: ${error.message}\n${error.showUsage ? `\nUsage: ${command.usage}\n` : ''}`);
      return EXIT_USAGE;
    }
    const known = error instanceof CannotRun || error instanceof BookError || error instanceof SettingsError || error instanceof InputError;
    io.stderr.write(`tierwise ${name}: ${known ? oneLine(error.message) : unexpectedSentence(error)}\n`);
    if (debug) io.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT_CANNOT_RUN;
  }
}
