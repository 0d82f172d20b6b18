/**
 * SpreadsheetApp. A time-driven run has no Ui: getUi() throws Apps Script's "Cannot call
 * SpreadsheetApp.getUi() from this context."; whether it has an active spreadsheet is the
 * platform switch `triggerActiveSpreadsheet` (a bound script's trigger does, per the
 * "Container-bound scripts" guide; an add-on's is not documented).
 */
import { FakeConditionalFormatRuleBuilder } from './conditional-format.js';
import { FakeDataValidationBuilder } from './data-validation.js';
import { BooleanCriteria, DataValidationCriteria, ProtectionType } from './enums.js';
import type { Host } from './host.js';
import { expose } from './surface.js';
import { FakeUi, type UiRecord } from './ui.js';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MEMBERS = [
  'getActiveSpreadsheet', 'getActive', 'openById', 'getUi', 'newDataValidation', 'newConditionalFormatRule', 'flush',
  'DataValidationCriteria', 'BooleanCriteria', 'ProtectionType',
] as const satisfies readonly (keyof SpreadsheetApp)[];

export class FakeSpreadsheetApp implements Pick<SpreadsheetApp, (typeof MEMBERS)[number]> {
  readonly proxy: SpreadsheetApp;
  readonly DataValidationCriteria = DataValidationCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria;
  readonly ProtectionType = ProtectionType as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  private readonly ui: FakeUi;

  constructor(private readonly host: Host, addonName: string, uiRecord: UiRecord) {
    this.ui = new FakeUi(addonName, uiRecord, host);
    this.proxy = expose<SpreadsheetApp>(this, 'SpreadsheetApp', MEMBERS, host);
  }

  getActiveSpreadsheet(): Spreadsheet {
    this.host.requireAuthorization('SpreadsheetApp.getActiveSpreadsheet', 'document');
    const execution = this.host.execution();
    if (execution.documentId === null) return null as unknown as Spreadsheet;
    if (execution.byTrigger && !this.host.platform.triggerActiveSpreadsheet) return null as unknown as Spreadsheet;
    return this.host.spreadsheetById(execution.documentId)?.proxy ?? (null as unknown as Spreadsheet);
  }

  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  openById(id: string): Spreadsheet {
    this.host.requireAuthorization('SpreadsheetApp.openById', 'services');
    const book = this.host.spreadsheetById(String(id));
    return book?.proxy ?? this.host.realm.fail('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  }

  getUi(): GoogleAppsScript.Base.Ui {
    if (this.host.execution().byTrigger) this.host.realm.fail('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui.proxy;
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new FakeDataValidationBuilder(this.host).exposed();
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    const execution = this.host.execution();
    const book = execution.documentId === null ? undefined : this.host.spreadsheetById(execution.documentId);
    if (!book) return this.host.realm.fail('not supported by the stand-in: conditional format rules without a document');
    return new FakeConditionalFormatRuleBuilder(this.host, book).exposed();
  }

  /** "Applies all pending Spreadsheet changes" (SpreadsheetApp reference): what the script wrote survives a later stop (pending.ts). */
  flush(): void {
    this.host.pending.settle();
  }
}
