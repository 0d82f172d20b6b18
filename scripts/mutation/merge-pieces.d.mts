export const DISAGREEING_SOURCE: string;
export interface IncrementalReport {
  files: Record<string, { source: string; mutants: Array<Record<string, unknown> & { id: string; killedBy?: string[]; coveredBy?: string[] }> }>;
  testFiles?: Record<string, { source?: string; tests: Array<{ id: string; name: string; location?: { start: { line: number; column: number } } }> }>;
  [field: string]: unknown;
}
export function mergePieces(pieces: IncrementalReport[], retest?: string[]): IncrementalReport;
