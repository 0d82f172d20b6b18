export declare const SOFFICE: string;
export declare function libreOfficeMissingMessage(): string;
export declare function ensureLibreOffice(): boolean;
