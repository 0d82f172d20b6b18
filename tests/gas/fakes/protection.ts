/**
 * Protection (Sheet.protect, Range.protect; "Class Protection" reference): a protected
 * sheet or range may be edited only by its editors — the user who protected it is one —
 * unless it is warning-only, where "users with edit access … see a warning" but are not
 * stopped, and a script writing under a warning-only protection is not stopped either. A
 * script writing into a protected area it may not edit fails with the message Sheets gives
 * (the one users report: "You are trying to edit a protected cell or object…").
 * Protections stay put when lines are inserted or deleted (not emulated: Tierwise protects
 * whole sheets only).
 */
import { ProtectionType, type EnumMember } from './enums.js';
import type { Host } from './host.js';
import { expose } from './surface.js';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECTION_MEMBERS = [
  'setWarningOnly', 'isWarningOnly', 'setDescription', 'getDescription', 'remove', 'getProtectionType', 'canEdit',
] as const satisfies readonly (keyof Protection)[];

export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** The area a protection covers, 1-based and inclusive; null bounds: the whole sheet. */
export interface ProtectedArea {
  readonly row: number;
  readonly column: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

export class FakeProtection implements Pick<Protection, (typeof PROTECTION_MEMBERS)[number]> {
  readonly proxy: Protection;
  warningOnly = false;
  description = '';
  readonly editors: string[];
  removed = false;

  constructor(private readonly host: Host, readonly type: EnumMember, readonly area: ProtectedArea | null, private readonly onRemove: (p: FakeProtection) => void) {
    this.editors = [host.execution().user];
    this.proxy = expose<Protection>(this, 'Protection', PROTECTION_MEMBERS, host);
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.warningOnly = Boolean(warningOnly);
    return this.proxy;
  }

  isWarningOnly(): boolean { return this.warningOnly; }

  setDescription(description: string): Protection {
    this.description = String(description);
    return this.proxy;
  }

  getDescription(): string { return this.description; }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType { return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType; }

  remove(): void {
    this.removed = true;
    this.onRemove(this);
  }

  canEdit(): boolean {
    return this.warningOnly || this.editors.includes(this.host.execution().user);
  }

  covers(row: number, column: number, numRows: number, numColumns: number): boolean {
    if (!this.area) return true;
    return row <= this.area.lastRow && row + numRows - 1 >= this.area.row && column <= this.area.lastColumn && column + numColumns - 1 >= this.area.column;
  }
}

