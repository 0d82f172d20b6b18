import { writeSync } from 'node:fs';

/**
 * A debug hook for the fault tests (tests/adversarial/faults.test.ts): with
 * `TIERWISE_FAULT_AT=<step>` the process kills itself with SIGKILL when it reaches that
 * named step of a command, and with `TIERWISE_FAULT_AT=<step>:stop` it stops itself
 * (SIGSTOP) until it is sent SIGCONT, so a test can act at exactly that moment; several
 * steps may be given, separated by commas. Either way it first says so on stderr. Steps: `read` (book locked and read, nothing written),
 * `temp-N` (N temporary files written), `journal` (the commit journal written),
 * `rename-N` (N files renamed into place), `committed` (journal deleted, lock still held).
 * Without the variable it does nothing; it is not documented for users.
 */
export function faultPoint(step: string): void {
  const wanted = process.env.TIERWISE_FAULT_AT;
  if (wanted === undefined) return;
  const hook = wanted.split(',').find((item) => item.split(':')[0] === step);
  if (hook === undefined) return;
  const action = hook.split(':')[1];
  writeSync(2, `tierwise: fault hook: ${action === 'stop' ? 'stopping' : 'killed'} at ${step}\n`);
  process.kill(process.pid, action === 'stop' ? 'SIGSTOP' : 'SIGKILL');
}
