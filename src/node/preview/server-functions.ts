import type { z } from 'zod';
import * as surface from '../../app/server/functions.js';
import type { ServerFunction } from '../../app/server/server-function.js';
import { syncFilterViewsFunction, type FilterViewStore } from '../../app/server/sidebar-filter-views.js';
import { sidebarMyCustomersFunction } from '../../app/server/sidebar-my-customers.js';
import { sidebarPoolFunction } from '../../app/server/sidebar-pool.js';
import { sidebarProposalsFunction } from '../../app/server/sidebar-proposals.js';
import { sidebarWhatIfFunction } from '../../app/server/sidebar-what-if.js';

export type AnyServerFunction = ServerFunction<z.ZodType, z.ZodType>;

function isServerFunction(value: unknown): value is AnyServerFunction {
  return typeof value === 'object' && value !== null && 'name' in value && 'input' in value && 'output' in value && 'run' in value;
}

/** Every function the sidebar may call, by its entry-point name: the same objects Apps Script runs. */
export function serverFunctions(filterViews: FilterViewStore): Map<string, AnyServerFunction> {
  const all = [
    ...Object.values(surface),
    sidebarWhatIfFunction,
    sidebarMyCustomersFunction,
    sidebarProposalsFunction,
    sidebarPoolFunction,
    syncFilterViewsFunction(filterViews),
  ].filter(isServerFunction);
  return new Map(all.map((fn) => [fn.name, fn]));
}

/** Functions that only read: the preview does not save the book after them. */
export const READ_ONLY = new Set(['getState', 'sidebarWhatIf', 'sidebarMyCustomers', 'sidebarProposals', 'sidebarPool']);
