/**
 * Text that a spreadsheet would take for a formula when it reads it as typed input: one
 * starting with `=`, `+`, `-`, `@`, tab or CR (OWASP "CSV Injection") that is not a plain
 * number. Whether and how such text is guarded is a property of the medium, decided by the
 * shell that writes it (STYLE.md, "a guard belongs to the medium"): Sheets `setValues`
 * (src/gas/cell-values.ts), a CSV file (src/node/csv/formula-guard.ts); an .xlsx string
 * cell is never a formula and needs nothing.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}
