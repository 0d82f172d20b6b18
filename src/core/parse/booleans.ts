import type { Cell } from '../table.js';
import type { Parsed } from './failure.js';
import { lookUp, vocabulary } from './vocabulary.js';

// Reps' `Active` column and other flags, in English and simplified/traditional Chinese.
const YES_NO = vocabulary<boolean>(
  [
    [true, ['yes', 'y', 'true', 't', '1', 'on', 'active', 'enabled', 'x', '✓', '✔', '是', '对', '對', '有', '在职', '在職', '启用', '啟用', '有效', '开', '開']],
    [false, ['no', 'n', 'false', 'f', '0', 'off', 'inactive', 'disabled', '✗', '✘', '否', '不是', '错', '錯', '无', '無', '离职', '離職', '停用', '禁用', '无效', '無效', '关', '關']],
  ],
  'a yes/no value (use yes/no, true/false, 1/0, 是/否)',
);

/** A yes/no cell. Checkbox cells arrive as booleans; text and 1/0 are read by the list above. */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  return typeof cell === 'boolean' ? cell : lookUp(cell, YES_NO);
}
