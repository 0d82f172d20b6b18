import type { MessageKey } from './i18n/index.js';
import { ServerError } from './server.js';

export interface ShownError {
  readonly message: string;
  /** What to do about it. */
  readonly advice: MessageKey | null;
}

/**
 * The server's refusals are already sentences for the user (CannotRun, src/app); we add
 * what to do where the sentence is one of the known refusals, and treat anything else
 * as a fault inside Tierwise.
 */
/** How JavaScript engines word a fault in the code, as opposed to a refusal we wrote. */
const ENGINE_FAULT = /^(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b|is not a function|Cannot read propert|is not defined|Maximum call stack|Exceeded maximum execution time|Service (error|unavailable)/i;

export function explainError(error: unknown): ShownError {
  if (error instanceof ServerError) {
    const message = error.message;
    if (/ is running .+ since |another Tierwise run is writing/i.test(message)) return { message, advice: 'error.busyAdvice' };
    if (/is not a manager/i.test(message)) return { message, advice: 'error.managerAdvice' };
    if (/settings(\.|: |\b.*cannot be (read|used))/i.test(message) && /settings/i.test(message)) return { message, advice: 'error.settingsAdvice' };
    if (ENGINE_FAULT.test(message)) return { message, advice: 'error.bugAdvice' };
    return { message, advice: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, advice: 'error.bugAdvice' };
}
