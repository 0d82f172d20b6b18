/**
 * SpreadsheetApp.newConditionalFormatRule(): text-equals (and text-contains) rules with a
 * background, font colour and bold, as Tierwise colours `TW Tier`. A sheet keeps copies of
 * the rules it is given (getConditionalFormatRules returns new objects each time, and
 * changing a returned rule changes nothing until it is set again), and moves their ranges
 * when columns or rows are inserted or deleted, as Sheets does.
 */
import type { EnumMember } from './enums.js';
import { BooleanCriteria } from './enums.js';
import { expose, unwrap, type Surface } from './surface.js';

type Range = GoogleAppsScript.Spreadsheet.Range;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;

/** A rectangle of one sheet, 1-based; `sheetId` says which. */
export interface Span {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  readonly sheetId: number;
}

/** What the builder needs from a Range it is handed, and how it turns spans back into Ranges. */
export interface RangeResolver {
  spanOf(range: unknown): Span | null;
  rangeOf(span: Span): Range;
}

export interface ConditionalSpec {
  readonly criteria: EnumMember | null;
  readonly values: readonly unknown[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean | null;
  readonly spans: readonly Span[];
}

const EMPTY_SPEC: ConditionalSpec = { criteria: null, values: [], background: null, fontColor: null, bold: null, spans: [] };

const CONDITION_MEMBERS = ['getBackground', 'getBold', 'getCriteriaType', 'getCriteriaValues', 'getFontColor'] as const satisfies readonly (keyof BooleanCondition)[];
const RULE_MEMBERS = ['copy', 'getBooleanCondition', 'getGradientCondition', 'getRanges'] as const satisfies readonly (keyof ConditionalFormatRule)[];
const BUILDER_MEMBERS = [
  ...RULE_MEMBERS, 'build', 'setBackground', 'setBold', 'setFontColor', 'setRanges', 'whenTextEqualTo', 'whenTextContains',
] as const satisfies readonly (keyof ConditionalFormatRuleBuilder)[];

export function copySpec(spec: ConditionalSpec): ConditionalSpec {
  return { ...spec, values: [...spec.values], spans: spec.spans.map((span) => ({ ...span })) };
}

class FakeBooleanCondition implements Pick<BooleanCondition, (typeof CONDITION_MEMBERS)[number]> {
  constructor(private readonly spec: ConditionalSpec) {}
  getBackground(): string | null { return this.spec.background; }
  getBold(): boolean | null { return this.spec.bold; }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria { return this.spec.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria; }
  getCriteriaValues(): unknown[] { return [...this.spec.values]; }
  getFontColor(): string | null { return this.spec.fontColor; }
}

/** What a built rule and its builder both report. */
abstract class RuleReading {
  abstract readonly spec: ConditionalSpec;
  protected abstract readonly surface: Surface;
  protected abstract readonly resolver: RangeResolver;

  copy(): ConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.surface, this.resolver, copySpec(this.spec)).exposed();
  }

  getBooleanCondition(): BooleanCondition | null {
    if (!this.spec.criteria) return null;
    return expose<BooleanCondition>(new FakeBooleanCondition(copySpec(this.spec)), 'BooleanCondition', CONDITION_MEMBERS, this.surface);
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): Range[] {
    return this.spec.spans.map((span) => this.resolver.rangeOf(span));
  }
}

export class FakeConditionalFormatRule extends RuleReading implements Pick<ConditionalFormatRule, (typeof RULE_MEMBERS)[number]> {
  constructor(readonly spec: ConditionalSpec, protected readonly surface: Surface, protected readonly resolver: RangeResolver) {
    super();
  }

  exposed(): ConditionalFormatRule {
    return expose<ConditionalFormatRule>(this, 'ConditionalFormatRule', RULE_MEMBERS, this.surface);
  }
}

export class FakeConditionalFormatRuleBuilder extends RuleReading implements Pick<ConditionalFormatRuleBuilder, (typeof BUILDER_MEMBERS)[number]> {
  private readonly proxy: ConditionalFormatRuleBuilder;

  constructor(protected readonly surface: Surface, protected readonly resolver: RangeResolver, public spec: ConditionalSpec = EMPTY_SPEC) {
    super();
    this.proxy = expose<ConditionalFormatRuleBuilder>(this, 'ConditionalFormatRuleBuilder', BUILDER_MEMBERS, surface);
  }

  exposed(): ConditionalFormatRuleBuilder {
    return this.proxy;
  }

  private with(change: Partial<ConditionalSpec>): ConditionalFormatRuleBuilder {
    this.spec = { ...this.spec, ...change };
    return this.proxy;
  }

  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    return this.with({ criteria: BooleanCriteria.TEXT_EQUAL_TO, values: [String(text)] });
  }

  whenTextContains(text: string): ConditionalFormatRuleBuilder {
    return this.with({ criteria: BooleanCriteria.TEXT_CONTAINS, values: [String(text)] });
  }

  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    return this.with({ background: color });
  }

  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    return this.with({ fontColor: color });
  }

  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    return this.with({ bold });
  }

  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    const spans = (Array.isArray(ranges) ? ranges : []).map((range) => this.resolver.spanOf(range));
    if (!Array.isArray(ranges) || spans.some((span) => span === null)) {
      this.surface.realm.fail("The parameters don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
    }
    return this.with({ spans: spans as Span[] });
  }

  build(): ConditionalFormatRule {
    if (!this.spec.criteria) this.surface.realm.fail('A conditional format rule needs a condition before build().');
    return new FakeConditionalFormatRule(copySpec(this.spec), this.surface, this.resolver).exposed();
  }
}

/** Whether `value` is a rule built by these stand-ins; its spec, or null. */
export function ruleSpecOf(value: unknown): ConditionalSpec | null {
  return unwrap(value, FakeConditionalFormatRule)?.spec ?? null;
}
