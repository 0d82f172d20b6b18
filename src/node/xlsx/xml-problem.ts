import { SaxesParser } from 'saxes';

/** The first error a namespace-aware parser (saxes, `xmlns: true`) reports, or undefined. */
export function xmlProblem(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | undefined;
  parser.on('error', (error) => {
    problem ??= error.message;
  });
  parser.write(xml).close();
  return problem;
}

/** A part to parse: its name in the package and its bytes (UTF-8 XML). */
export interface XmlPart {
  readonly name: string;
  readonly content: Uint8Array;
}

/** The first of `parts` that does not parse, with its problem, or null. */
export function firstXmlProblem(parts: Iterable<XmlPart>): { name: string; problem: string } | null {
  for (const { name, content } of parts) {
    const problem = xmlProblem(Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8'));
    if (problem) return { name, problem };
  }
  return null;
}
