/**
 * SpreadsheetApp.newDataValidation(): the list rules Tierwise puts on the Owner column.
 * `requireValueInList` (at most 500 items, see MAX_LIST_ITEMS) and `requireValueInRange`
 * are built; the rule's `getCriteriaValues()` is `[values, showDropdown]` or
 * `[range, showDropdown]` as in Apps Script.
 */
import type { EnumMember } from './enums.js';
import { DataValidationCriteria } from './enums.js';
import type { CellValue } from './grid.js';
import { DateCell } from './grid.js';
import { FakeRange } from './range.js';
import { expose, unwrap, type Surface } from './surface.js';

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

interface ValidationSpec {
  readonly criteria: EnumMember | null;
  readonly values: readonly string[];
  /** The cells a VALUE_IN_RANGE rule lists, read when a value is checked. */
  readonly range: FakeRange | null;
  readonly showDropdown: boolean;
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

const EMPTY_SPEC: ValidationSpec = { criteria: null, values: [], range: null, showDropdown: true, allowInvalid: true, helpText: null };

const RULE_MEMBERS = ['copy', 'getAllowInvalid', 'getCriteriaType', 'getCriteriaValues', 'getHelpText'] as const satisfies readonly (keyof DataValidation)[];
const BUILDER_MEMBERS = [...RULE_MEMBERS, 'build', 'requireValueInList', 'requireValueInRange', 'setAllowInvalid', 'setHelpText'] as const satisfies readonly (keyof DataValidationBuilder)[];

/**
 * Items a list rule may hold. Sheets refuses a longer list; the DataValidationBuilder
 * reference does not say so, the text is the one users report (tests/gas/fakes/README.md).
 */
export const MAX_LIST_ITEMS = 500;

/** What a built rule and its builder both report. */
abstract class ValidationCriteria {
  abstract readonly spec: ValidationSpec;

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    if (this.spec.range) return [this.spec.range.exposedRange(), this.spec.showDropdown];
    return [[...this.spec.values], this.spec.showDropdown];
  }
}

/** A built rule as a cell holds it. */
export class FakeDataValidation extends ValidationCriteria implements Pick<DataValidation, (typeof RULE_MEMBERS)[number]> {
  constructor(readonly spec: ValidationSpec, private readonly surface: Surface) {
    super();
  }

  exposed(): DataValidation {
    return expose<DataValidation>(this, 'DataValidation', RULE_MEMBERS, this.surface);
  }

  /** Whether Sheets accepts `value` in a cell under this rule; empty cells always pass. */
  accepts(value: CellValue | undefined): boolean {
    if (value === undefined) return true;
    const text = (cell: CellValue) => (cell instanceof DateCell ? String(cell.ms) : typeof cell === 'boolean' ? String(cell).toUpperCase() : String(cell));
    if (this.spec.criteria === DataValidationCriteria.VALUE_IN_LIST) return this.spec.values.includes(text(value));
    if (this.spec.criteria === DataValidationCriteria.VALUE_IN_RANGE && this.spec.range) return this.spec.range.rawCells().some((cell) => cell !== '' && text(cell) === text(value));
    return true;
  }

  copy(): DataValidationBuilder {
    return new FakeDataValidationBuilder(this.surface, this.spec).exposed();
  }


  getHelpText(): string {
    return this.spec.helpText ?? '';
  }
}

export class FakeDataValidationBuilder extends ValidationCriteria implements Pick<DataValidationBuilder, (typeof BUILDER_MEMBERS)[number]> {
  private readonly proxy: DataValidationBuilder;

  constructor(private readonly surface: Surface, public spec: ValidationSpec = EMPTY_SPEC) {
    super();
    this.proxy = expose<DataValidationBuilder>(this, 'DataValidationBuilder', BUILDER_MEMBERS, surface);
  }

  exposed(): DataValidationBuilder {
    return this.proxy;
  }

  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values)) this.surface.realm.fail('The parameters don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.');
    if (values.length > MAX_LIST_ITEMS) this.surface.realm.fail(`The data validation rule has more than ${MAX_LIST_ITEMS} items. Consider using the "Dropdown from a range" criteria instead.`);
    this.spec = { ...this.spec, criteria: DataValidationCriteria.VALUE_IN_LIST, values: values.map(String), range: null, showDropdown };
    return this.proxy;
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): DataValidationBuilder {
    const cells = unwrap(range, FakeRange) ?? this.surface.realm.fail('The parameters don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.');
    this.spec = { ...this.spec, criteria: DataValidationCriteria.VALUE_IN_RANGE, values: [], range: cells, showDropdown };
    return this.proxy;
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.spec = { ...this.spec, allowInvalid: allowInvalidData };
    return this.proxy;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this.spec = { ...this.spec, helpText };
    return this.proxy;
  }

  build(): DataValidation {
    if (!this.spec.criteria) this.surface.realm.fail('A data validation rule needs a criteria before build().');
    return new FakeDataValidation(this.spec, this.surface).exposed();
  }

  copy(): DataValidationBuilder {
    return new FakeDataValidationBuilder(this.surface, this.spec).exposed();
  }


  getHelpText(): string | null {
    return this.spec.helpText;
  }
}
