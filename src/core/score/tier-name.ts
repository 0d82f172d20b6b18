import { z } from 'zod';

/**
 * The tier as it crosses a boundary (saved state, settings, server outputs). Kept apart
 * from tiers.ts so that the sidebar, which bundles the tiering code, does not bundle zod.
 */
export const TierName = z.enum(['A', 'B', 'C']);
