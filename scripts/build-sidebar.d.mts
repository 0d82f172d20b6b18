export declare const SIDEBAR_LIMIT_BYTES: number;
export declare function buildSidebar(options?: { outfile?: string }): Promise<{ outfile: string; bytes: number }>;
