import type { FileLimit } from './input-file.js';

/**
 * Every size limit of the local command in one place (README "Limits"). Each is far above a
 * real book. Measured on the benchmark books (gen_scale.py): the 1,000,000-deal folder has a
 * deals.csv of 40 MB; a workbook of 100,000 customers and 1,048,575 deals (a full Deals
 * sheet) is 40 MB, holding a Deals sheet of 213 MB inflated (7:1), shared strings of 28 MB
 * (9:1), 280 MB in all, and scores within these limits (14 s, 0.96 GB peak RSS).
 */
const MiB = 2 ** 20;

/** A CSV file is decoded into one string, and V8 strings stop at 2^29 − 24 characters. */
export const CSV_FILE_LIMIT: FileLimit = { maxBytes: 256 * MiB, what: 'CSV file' };
/** Settings hold a few hundred bytes of JSON; a megabyte is a mistake, not a setting. */
export const SETTINGS_FILE_LIMIT: FileLimit = { maxBytes: 1 * MiB, what: 'settings file' };
/** The saved state of a CSV book (tw-state.json): runs and their proposals. */
export const STATE_FILE_LIMIT: FileLimit = { maxBytes: 64 * MiB, what: 'state file' };
/** The .xlsx or .xlsm file itself, compressed. */
export const WORKBOOK_FILE_LIMIT: FileLimit = { maxBytes: 512 * MiB, what: 'workbook' };

/**
 * Inflating: a zip bomb is small and inflates without end, so the sizes the zip's central
 * directory declares are checked before anything is inflated, and inflating stops at the
 * declared size, since a declared size can lie. Sheets stay bytes (a Buffer holds up to
 * 4 GiB); a part read as text must also fit V8's string limit, checked where it is decoded.
 * The ratio is ten times the most the benchmark books reach (10.5:1), and a tenth of a
 * bomb's ~1000:1 (deflate's own ceiling is 1032:1).
 */
export const ZIP_LIMITS = {
  partBytes: 1024 * MiB,
  totalBytes: 2048 * MiB,
  ratio: 100,
  /** Parts smaller than this are not held to the ratio: a tiny part cannot be a bomb. */
  ratioFrom: 1 * MiB,
} as const;

/** Excel's grid (Excel specifications and limits, support.microsoft.com): 1,048,576 rows by 16,384 columns, A to XFD. */
export const EXCEL_GRID = { rows: 1_048_576, columns: 16_384 } as const;
