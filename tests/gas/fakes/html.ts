/**
 * HtmlService, enough for a sidebar: outputs from a string or a project file, and templates
 * of files without scriptlets (a file with `<?` throws: the stand-in does not evaluate them).
 */
import { expose, unwrap, type Surface } from './surface.js';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlService = GoogleAppsScript.HTML.HtmlService;

const OUTPUT_MEMBERS = ['getContent', 'setContent', 'append', 'getTitle', 'setTitle', 'getWidth', 'setWidth', 'getHeight', 'setHeight'] as const satisfies readonly (keyof HtmlOutput)[];
const TEMPLATE_MEMBERS = ['evaluate', 'getRawContent'] as const satisfies readonly (keyof HtmlTemplate)[];
const SERVICE_MEMBERS = ['createHtmlOutput', 'createHtmlOutputFromFile', 'createTemplateFromFile'] as const satisfies readonly (keyof HtmlService)[];

export class FakeHtmlOutput implements Pick<HtmlOutput, (typeof OUTPUT_MEMBERS)[number]> {
  readonly proxy: HtmlOutput;
  title = '';
  width = 0;
  height = 0;

  constructor(public content: string, surface: Surface) {
    this.proxy = expose<HtmlOutput>(this, 'HtmlOutput', OUTPUT_MEMBERS, surface);
  }

  getContent(): string { return this.content; }
  getTitle(): string { return this.title; }
  getWidth(): number { return this.width; }
  getHeight(): number { return this.height; }
  setContent(content: string): HtmlOutput { this.content = String(content); return this.proxy; }
  append(addedContent: string): HtmlOutput { this.content += String(addedContent); return this.proxy; }
  setTitle(title: string): HtmlOutput { this.title = String(title); return this.proxy; }
  setWidth(width: number): HtmlOutput { this.width = width; return this.proxy; }
  setHeight(height: number): HtmlOutput { this.height = height; return this.proxy; }
}

class FakeHtmlTemplate implements Pick<HtmlTemplate, (typeof TEMPLATE_MEMBERS)[number]> {
  constructor(private readonly source: string, private readonly surface: Surface) {}

  getRawContent(): string {
    return this.source;
  }

  evaluate(): HtmlOutput {
    if (this.source.includes('<?')) this.surface.realm.fail('not supported by the stand-in: HtmlTemplate scriptlets');
    return new FakeHtmlOutput(this.source, this.surface).proxy;
  }
}

export class FakeHtmlService implements Pick<HtmlService, (typeof SERVICE_MEMBERS)[number]> {
  readonly proxy: HtmlService;

  constructor(private readonly files: Readonly<Record<string, string>>, private readonly surface: Surface) {
    this.proxy = expose<HtmlService>(this, 'HtmlService', SERVICE_MEMBERS, surface);
  }

  private file(filename: string): string {
    const source = this.files[filename] ?? this.files[`${filename}.html`];
    return source ?? this.surface.realm.fail(`No HTML file named ${filename} was found.`);
  }

  createHtmlOutput(html?: unknown): HtmlOutput {
    return new FakeHtmlOutput(html === undefined ? '' : String(html), this.surface).proxy;
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new FakeHtmlOutput(this.file(filename), this.surface).proxy;
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return expose<HtmlTemplate>(new FakeHtmlTemplate(this.file(filename), this.surface), 'HtmlTemplate', TEMPLATE_MEMBERS, this.surface);
  }
}

export function htmlOutputOf(value: unknown): FakeHtmlOutput | null {
  return unwrap(value, FakeHtmlOutput);
}
