/**
 * Text we write must never become a formula, in Sheets, Excel or a CSV opened in
 * either (OWASP "CSV injection"): a string that starts with `=`, `+`, `-`, `@`, tab or
 * CR and is not a plain number gets a leading apostrophe, which both spreadsheets show
 * as text and hide.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function textSafe(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
