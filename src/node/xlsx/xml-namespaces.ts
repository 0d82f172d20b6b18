/**
 * Namespaces as a document declares them. An element we add must use a prefix that is
 * in scope where it goes, or declare its own: openpyxl (hence pandas) declares the
 * relationships prefix `r:` on each `<sheet>` rather than on `<workbook>`, and .NET's
 * Open XML SDK writes `<x:row>`/`<x:c>` with the main namespace bound to `x:`.
 */

/** The two vocabularies of SpreadsheetML: Transitional (ECMA-376 Part 1) and Strict (ISO/IEC 29500-1 Strict). */
export interface Vocabulary {
  readonly main: string;
  readonly relationships: string;
}

export const TRANSITIONAL: Vocabulary = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

export const STRICT: Vocabulary = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

/** The vocabulary of a workbook part, by the namespace of its root element. */
export function vocabularyOf(workbookXml: string): Vocabulary {
  const root = rootTag(workbookXml);
  const prefix = /^<(?:([\w.-]+):)?/.exec(root)?.[1];
  return declarations(root).get(prefix ?? '') === STRICT.main ? STRICT : TRANSITIONAL;
}

/** The first element's start tag, after the XML declaration, comments and processing instructions. */
export function rootTag(xml: string): string {
  return /<[^?!][^>]*>/.exec(xml)?.[0] ?? '';
}

/** `xmlns` declarations of a start tag: prefix ('' for the default namespace) → namespace. */
export function declarations(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(match[1] ?? '', match[2] ?? match[3]);
  return found;
}

/** A prefix bound to `namespace` by the given start tags (outermost first, innermost wins), or undefined. */
export function prefixInScope(tags: readonly string[], namespace: string): string | undefined {
  let prefix: string | undefined;
  for (const tag of tags) {
    for (const [name, uri] of declarations(tag)) {
      if (name !== '' && uri === namespace) prefix = name;
      else if (name === prefix && uri !== namespace) prefix = undefined;
    }
  }
  return prefix;
}

/** `p:` for an element name written `<p:name`, '' when unprefixed. */
export function elementPrefix(tag: string): string {
  return /^<\/?([\w.-]+:)?/.exec(tag)?.[1] ?? '';
}
