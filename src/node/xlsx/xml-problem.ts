import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';

/** The first error a namespace-aware parser (saxes, `xmlns: true`) reports, or undefined. */
export function xmlProblem(xml: string): string | undefined {
  const parse = new XmlPartParse();
  parse.text(xml);
  return parse.end();
}

/**
 * Bytes of a part to parse, in order: its name in the package, UTF-8 XML, and whether more
 * of the part follows (a character may straddle two chunks).
 */
export interface XmlChunk {
  readonly name: string;
  readonly content: Uint8Array;
  readonly more: boolean;
}

/** One part parsed as its bytes arrive; after the first problem the rest is not parsed. */
class XmlPartParse {
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly decoder = new StringDecoder('utf8');
  private problem: string | undefined;

  constructor() {
    this.parser.on('error', (error) => {
      this.problem ??= error.message;
    });
  }

  bytes(content: Uint8Array): void {
    this.text(this.decoder.write(content));
  }

  text(xml: string): void {
    if (this.problem === undefined) this.parser.write(xml);
  }

  end(): string | undefined {
    this.text(this.decoder.end());
    if (this.problem === undefined) this.parser.close();
    return this.problem;
  }
}

/**
 * Parts parsed as their chunks come, several at once if need be: `found` is the first part
 * (in the order parts ended) that does not parse, with its problem, or null. A part whose
 * last chunk never came counts as a problem.
 */
export class XmlPartsCheck {
  private readonly open = new Map<string, XmlPartParse>();
  private first: { name: string; problem: string } | null = null;

  add({ name, content, more }: XmlChunk): void {
    if (this.first) return;
    let parse = this.open.get(name);
    if (!parse) this.open.set(name, (parse = new XmlPartParse()));
    parse.bytes(content);
    if (more) return;
    this.open.delete(name);
    const problem = parse.end();
    if (problem !== undefined) this.first = { name, problem };
  }

  found(): { name: string; problem: string } | null {
    if (this.first) return this.first;
    const [unfinished] = this.open.keys();
    return unfinished === undefined ? null : { name: unfinished, problem: 'the part was never finished' };
  }
}

/** The first of `parts`, each whole, that does not parse, with its problem, or null. */
export function firstXmlProblem(parts: Iterable<{ readonly name: string; readonly content: Uint8Array }>): { name: string; problem: string } | null {
  const check = new XmlPartsCheck();
  for (const { name, content } of parts) check.add({ name, content, more: false });
  return check.found();
}
