/** The .xlsx side of the Node shell: read tabs as tables, save edits in place of the old cells. */
export { readXlsx, type XlsxBook } from './read-xlsx.js';
export { writeXlsx } from './write-xlsx.js';
export { createXlsx, type NewTab } from './create-xlsx.js';
export { workbookFormat } from './file-format.js';
