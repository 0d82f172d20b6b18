import type { z } from 'zod';
import type * as surface from '../src/app/server/functions.js';
import type { ServerFunction } from '../src/app/server/server-function.js';
import type { sidebarMyCustomersFunction } from '../src/app/server/sidebar-my-customers.js';
import type { sidebarPoolFunction } from '../src/app/server/sidebar-pool.js';
import type { sidebarProposalsFunction } from '../src/app/server/sidebar-proposals.js';
import type { syncFilterViewsFunction } from '../src/app/server/sidebar-filter-views.js';
import type { sidebarWhatIfFunction } from '../src/app/server/sidebar-what-if.js';

/** What crosses google.script.run for one server function: its schemas' input and output types. */
type Io<F> = F extends ServerFunction<infer I, infer O> ? { input: z.input<I>; output: z.output<O> } : never;

/**
 * The server surface as the sidebar sees it, keyed by entry-point name (the top-level
 * functions of dist/Code.js). Types come from the functions' zod schemas only.
 */
export interface Api {
  getState: Io<typeof surface.getStateFunction>;
  rescore: Io<typeof surface.rescoreFunction>;
  propose: Io<typeof surface.proposeFunction>;
  apply: Io<typeof surface.applyFunction>;
  undo: Io<typeof surface.undoFunction>;
  recycle: Io<typeof surface.recycleFunction>;
  claim: Io<typeof surface.claimFunction>;
  saveSettings: Io<typeof surface.saveSettingsFunction>;
  installSchedule: Io<typeof surface.installScheduleFunction>;
  removeSchedule: Io<typeof surface.removeScheduleFunction>;
  sidebarWhatIf: Io<typeof sidebarWhatIfFunction>;
  sidebarMyCustomers: Io<typeof sidebarMyCustomersFunction>;
  sidebarProposals: Io<typeof sidebarProposalsFunction>;
  sidebarPool: Io<typeof sidebarPoolFunction>;
  sidebarSyncFilterViews: Io<ReturnType<typeof syncFilterViewsFunction>>;
}

export type FunctionName = keyof Api;
export type Output<N extends FunctionName> = Api[N]['output'];
