// The parsing layer's public surface: columns found by header, cells read into values or Issues.
export { customerFields, dealFields, repFields, type CustomerField, type DealField, type RepField } from './fields.js';
export { normalizeHeader, locateColumns, requireColumns, displayName, columnLetter, type Catalog, type LocatedColumns, type RequiredColumns } from './headers.js';
export { type Failure, type Parsed, MISSING, isFailure } from './failure.js';
export { parseNumber, parseMoney, type NumberOptions, type DecimalSeparator, type Currency, type Money } from './numbers.js';
export { parseDate, type DateOptions, type DateOrder } from './dates.js';
export { dayNumber, civilDate, formatDay, parseDay, daysInMonth, isLeapYear, type CivilDate } from './days.js';
export { parseBoolean } from './booleans.js';
export { parseStage, type Stage } from './stages.js';
export { parseLevel, type Level } from './levels.js';
export { parseList } from './lists.js';
export { scanColumn, cellIssue, headerText, parseDateColumn, parseStageColumn, type DateColumn, type StageColumn } from './columns.js';
export { parseNumberColumn, type NumberColumn } from './amount-column.js';
