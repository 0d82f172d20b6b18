/**
 * Apps Script enums are objects, not numbers: `String(ScriptApp.AuthMode.FULL)` is 'FULL'
 * and an event's `authMode` is the very member, so scripts compare them with `===`.
 * The members here behave the same way and are shared by the whole environment.
 */
export interface EnumMember {
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

function enumOf<const K extends string>(...names: K[]): Readonly<Record<K, EnumMember>> {
  return Object.freeze(
    Object.fromEntries(
      names.map((name) => [name, Object.freeze({ name, toString: () => name, toJSON: () => name })]),
    ) as unknown as Record<K, EnumMember>,
  );
}

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
export const ProtectionType = enumOf('RANGE', 'SHEET');
export const DataValidationCriteria = enumOf('VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CHECKBOX', 'CUSTOM_FORMULA');
export const BooleanCriteria = enumOf('TEXT_EQUAL_TO', 'TEXT_CONTAINS', 'CELL_EMPTY', 'CELL_NOT_EMPTY');
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const Charset = enumOf('US_ASCII', 'UTF_8');
