/**
 * One run of the script: who runs it, in which authorization mode, for which document, and
 * whether a time-driven trigger started it (then SpreadsheetApp has no active spreadsheet
 * and no Ui, DESIGN §6). What each AuthMode may touch follows the table in "Authorization
 * for Editor add-ons" (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle):
 * NONE may build menus and little else; LIMITED may also use the open document; FULL may
 * use every service the scopes allow.
 */
import { AuthMode, type EnumMember } from './enums.js';

let executionCount = 0;

export interface ExecutionOptions {
  /** The e-mail of the user the execution runs as. */
  readonly user: string;
  readonly authMode: EnumMember;
  /** The spreadsheet it runs for (the open one, or the trigger's); null for none. */
  readonly documentId: string | null;
  /** Set when a time-driven trigger started it: there is no active spreadsheet and no Ui. */
  readonly triggerUid: string | null;
  readonly startedAt: number;
}

export class Execution implements ExecutionOptions {
  readonly id = ++executionCount;
  readonly user: string;
  readonly authMode: EnumMember;
  readonly documentId: string | null;
  readonly triggerUid: string | null;
  readonly startedAt: number;
  /** Stopped by the platform (environment.stopExecution): every later call fails. */
  stopped = false;

  constructor(options: ExecutionOptions) {
    this.user = options.user;
    this.authMode = options.authMode;
    this.documentId = options.documentId;
    this.triggerUid = options.triggerUid;
    this.startedAt = options.startedAt;
  }

  get byTrigger(): boolean {
    return this.triggerUid !== null;
  }

  /** Whether this mode may use `what`: the open document, or any other authorized service. */
  allows(what: 'document' | 'services'): boolean {
    if (this.authMode === AuthMode.FULL) return true;
    return what === 'document' && this.authMode === AuthMode.LIMITED;
  }
}
