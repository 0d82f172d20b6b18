import { z } from 'zod';

/**
 * Round-robin credits per rep name (smooth weighted round robin, see rotation.ts). Kept
 * in the workbook's state so that the next run continues the rotation.
 */
export const RotationState = z.object({ credits: z.record(z.string(), z.number()).default({}) });
export type RotationState = z.infer<typeof RotationState>;

/** Assignment's part of the saved state (`TW State`). */
export const AssignState = z.object({ rotation: RotationState.prefault({}) });
export type AssignState = z.infer<typeof AssignState>;
