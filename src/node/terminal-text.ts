import type { CliIo, Output } from './io.js';

/**
 * Control characters a terminal would act on instead of showing: C0 (but line feed and
 * tab), DEL, C1 (U+009B is a one-character CSI on many terminals), and the bidirectional
 * overrides and isolates that reorder what a reader sees (CVE-2021-42574, "Trojan Source").
 * A customer name from a book can hold any of them (issue 12: escape sequences in a name
 * were printed raw).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may reach a terminal: each control character shown as `\uXXXX`. That is also
 * how JSON writes such a character inside a string, so `--json` output stays valid JSON
 * with the same values.
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An output whose every write goes through terminalText: the one gate for everything the command prints. */
export function terminalOutput(out: Output): Output {
  return { write: (text: string) => out.write(terminalText(text)) };
}

export function terminalIo(io: CliIo): CliIo {
  return { stdout: terminalOutput(io.stdout), stderr: terminalOutput(io.stderr) };
}
