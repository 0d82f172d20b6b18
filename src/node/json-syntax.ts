// The ESM build of jsonc-parser: its package "main" is a UMD file whose inner requires a
// bundle cannot follow, and this deep path is what both esbuild and vitest resolve.
import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser/lib/esm/main.js';

export type JsonText = { ok: true; value: unknown } | { ok: false; message: string };

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads strict JSON (RFC 8259) and, when it is not, says where and what in words a person
 * can act on: "settings.json line 3, column 14: expected ',' or '}'". Node's JSON.parse
 * gives only an offset, and an unquoted one at that. jsonc-parser (the scanner VS Code uses
 * for its own settings) reports line and column; we run it with comments and trailing
 * commas switched off, so a file that reads here is JSON every other tool reads too. A
 * leading byte order mark (Windows Notepad writes one) is the one leniency: it is not
 * content. The value itself comes from JSON.parse, so keys such as `__proto__` stay
 * ordinary keys.
 */
export function parseJsonText(text: string, where: string): JsonText {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const error = firstSyntaxError(body);
  if (error) return { ok: false, message: `${where} line ${error.line + 1}, column ${error.column + 1}: ${error.message}` };
  return { ok: true, value: JSON.parse(body) };
}

interface SyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

function firstSyntaxError(text: string): SyntaxError | null {
  let first: SyntaxError | null = null;
  const open: ('object' | 'array')[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void open.push('object'),
      onObjectEnd: () => void open.pop(),
      onArrayBegin: () => void open.push('array'),
      onArrayEnd: () => void open.pop(),
      onError: (code, offset, length, line, column) => {
        first ??= { line, column, message: describe(code, text, offset, length, open.at(-1) ?? null) };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

function describe(code: ParseErrorCode, text: string, offset: number, length: number, inside: 'object' | 'array' | null): string {
  const close = inside === 'array' ? ']' : '}';
  // The codes are a const enum in the package's types; their printed names are its stable API.
  const name = printParseErrorCode(code);
  switch (name) {
    case 'CommaExpected':
      return `expected ',' or '${close}'`;
    case 'ColonExpected':
      return "expected ':' after the setting's name";
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (text.trim() === '') return 'the file is empty; write {} for the default settings';
      if (afterComma(text, offset)) return `a comma before '${text[offset]}' is not allowed in JSON`;
      return name === 'PropertyNameExpected' ? 'expected a setting name in double quotes' : 'expected a value';
    case 'CloseBraceExpected':
      return "expected '}': the file ends before the object is closed";
    case 'CloseBracketExpected':
      return "expected ']': the file ends before the list is closed";
    case 'EndOfFileExpected':
      return 'expected the end of the file after the settings';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'comments are not allowed in JSON';
    case 'UnexpectedEndOfString':
      return 'a string is not closed on its line';
    case 'InvalidEscapeCharacter':
      return `'${text.slice(offset, offset + length)}' has an escape JSON does not know`;
    case 'InvalidUnicode':
      return 'a \\u escape needs four hexadecimal digits';
    case 'InvalidCharacter':
      return 'a control character inside a string (write a line break as \\n, a tab as \\t)';
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return `'${text.slice(offset, offset + length)}' is not a JSON number`;
    default:
      // InvalidSymbol: a word that is no JSON token (tru, NaN, 'single quotes', a bare name).
      return `unexpected '${text.slice(offset, offset + length)}': names and strings need double quotes, and values are numbers, strings, true, false, null, lists or objects`;
  }
}

/** Whether the last character before `offset` that is not white space is a comma: a trailing comma. */
function afterComma(text: string, offset: number): boolean {
  return /,\s*$/.test(text.slice(0, offset)) && (text[offset] === '}' || text[offset] === ']');
}
