import type { Api, FunctionName } from './api.js';

/** The part of `google.script.run` the sidebar uses (HtmlService's client API). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner } };
  }
}

/** A server function refused or failed: its message is the server's sentence for the user. */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(message: string, readonly functionName: string) {
    super(message);
  }
}

/**
 * Calls one server function through `google.script.run` as a promise, typed by the
 * function's zod schemas (ui/api.ts). Apps Script passes one JSON-safe argument and
 * reports a thrown error to the failure handler with its message only.
 */
export function callServer<N extends FunctionName>(name: N, input: Api[N]['input']): Promise<Api[N]['output']> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(new ServerError('google.script.run is not available: open the sidebar from Extensions → Tierwise → Open Tierwise.', name));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as Api[N]['output']))
      .withFailureHandler((error) => reject(new ServerError(messageOf(error), name))) as unknown as Record<string, (input: unknown) => void>;
    runner[name](input);
  });
}

/** Apps Script hands over an Error, sometimes a string; either way keep the sentence, not the class name. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return text.replace(/^(Exception|Error|CannotRun):\s*/, '');
}
