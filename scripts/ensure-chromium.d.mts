export declare const CHROMIUM: string;
export declare function chromiumMissingMessage(): string;
export declare function ensureChromium(): boolean;
