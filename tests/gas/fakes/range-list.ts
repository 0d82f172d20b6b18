/**
 * RangeList: ranges of one sheet named in A1 notation (Sheet.getRangeList). One call
 * writes the same value into every range, which is how a script writes scattered cells
 * without a round trip per cell. setValue reads the value as typed, as Range.setValue does.
 */
import type { FakeRange } from './range.js';
import { expose, type Surface } from './surface.js';

type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

export const RANGE_LIST_MEMBERS = ['setValue'] as const satisfies readonly (keyof RangeList)[];

export class FakeRangeList implements Pick<RangeList, (typeof RANGE_LIST_MEMBERS)[number]> {
  readonly proxy: RangeList;

  constructor(private readonly ranges: readonly FakeRange[], surface: Surface) {
    this.proxy = expose<RangeList>(this, 'RangeList', RANGE_LIST_MEMBERS, surface);
  }

  setValue(value: unknown): RangeList {
    for (const range of this.ranges) range.setValue(value);
    return this.proxy;
  }
}
