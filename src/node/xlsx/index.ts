/** The .xlsx side of the Node shell: read tabs as tables, save edits in place of the old cells. */
export { readPackageTabs, readXlsx, type XlsxBook } from './read-xlsx.js';
export { keepingSheets, openXlsxBytes, type XlsxPackage } from './xlsx-package.js';
export { writeXlsx, xlsxFile } from './write-xlsx.js';
export { createXlsx, type NewTab } from './create-xlsx.js';
export { workbookFormat } from './file-format.js';
