export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
export interface Phases {
  phases: { phase: string; ms: number }[];
  totalMs: number;
}
export function phasesOf(profiles: CpuProfile[], bundles: string[]): Phases;
export function describePhases(phases: Phases): string;
