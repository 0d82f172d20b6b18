/**
 * The switches for what Google's documentation leaves open, so a test can run the same code
 * in every context Apps Script may give it (README.md in this folder names the page behind
 * each switch).
 *
 * - `deployment`: a script bound to the spreadsheet ("Container-bound scripts": triggers
 *   are among the contexts that have the active spreadsheet), a test deployment of the
 *   add-on ("Test an Editor add-on": installable triggers do not run there) or an installed
 *   add-on (whether its time-driven run has an active spreadsheet is not documented).
 * - `triggerActiveSpreadsheet`: whether `getActiveSpreadsheet()` in a time-driven run gives
 *   the trigger's spreadsheet or null. Default: true when bound, false otherwise.
 * - `documentLock`, `documentProperties`: `present`, or `null` as `LockService.getDocumentLock`
 *   and `PropertiesService.getDocumentProperties` return "if the script is not contained in a
 *   document" — which Google does not define further for add-ons.
 * - `triggerActiveUser`: what `Session.getActiveUser().getEmail()` gives in a trigger run:
 *   the creator, or `''` (the Session reference: empty when a security policy withholds it,
 *   which users report for installable triggers across accounts).
 */
export type Deployment = 'bound' | 'test-deployment' | 'addon';

export interface PlatformOptions {
  readonly deployment?: Deployment;
  readonly triggerActiveSpreadsheet?: boolean;
  readonly documentLock?: 'present' | 'null';
  readonly documentProperties?: 'present' | 'null';
  readonly triggerActiveUser?: 'creator' | 'empty';
}

export interface Platform {
  deployment: Deployment;
  triggerActiveSpreadsheet: boolean;
  documentLock: 'present' | 'null';
  documentProperties: 'present' | 'null';
  triggerActiveUser: 'creator' | 'empty';
}

export function platformOf(options: PlatformOptions = {}): Platform {
  const deployment = options.deployment ?? 'addon';
  return {
    deployment,
    triggerActiveSpreadsheet: options.triggerActiveSpreadsheet ?? deployment === 'bound',
    documentLock: options.documentLock ?? 'present',
    documentProperties: options.documentProperties ?? 'present',
    triggerActiveUser: options.triggerActiveUser ?? 'creator',
  };
}

/** A name for a context, for test titles: `bound, trigger sees the spreadsheet, …`. */
export function describePlatform(platform: Platform): string {
  return [
    platform.deployment,
    platform.triggerActiveSpreadsheet ? 'trigger has the active spreadsheet' : 'trigger has no active spreadsheet',
    platform.triggerActiveUser === 'empty' ? "getActiveUser '' in triggers" : 'getActiveUser is the creator in triggers',
  ].join(', ');
}

/**
 * Every context the schedule, apply/undo and a resumed job must work in, where the
 * trigger runs at all (a test deployment runs no installable trigger).
 */
export const SCHEDULE_CONTEXTS: readonly Platform[] = (['bound', 'addon'] as const).flatMap((deployment) =>
  [true, false].flatMap((triggerActiveSpreadsheet) =>
    (['creator', 'empty'] as const).map((triggerActiveUser) => platformOf({ deployment, triggerActiveSpreadsheet, triggerActiveUser })),
  ),
);
