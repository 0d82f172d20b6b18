export function findBoundaryViolations(dirs?: string[]): string[];
