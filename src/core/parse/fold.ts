/**
 * The one rule by which we compare words a person typed: headers, stage names, yes/no.
 * NFKC turns full-width forms (`ＩＤ`, `１２`, the ideographic space) into their ASCII
 * twins, then case, spaces, `_` and `-` stop mattering (DESIGN §3), so `Customer_ID`,
 * ` customer id ` and `ＣＵＳＴＯＭＥＲ　ＩＤ` all fold to `customerid`.
 */
const IGNORED = /[\s_-]+/g;

export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}
