import { writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';

/**
 * A workbook with the parts a real one carries — shared strings with rich text and
 * phonetic hints, a date style, a styled cell, formulas (plain and shared), an error, a
 * comment, a drawing with a chart and an image, defined names, a calculation chain, a
 * second tab and a hidden one — zipped by fflate rather than by our own writer.
 */
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument';

const customers = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="A1:G7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="14" customWidth="1"/></cols><sheetData><row r="1" spans="1:7"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row><row r="2" spans="1:7"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>8</v></c><c r="C2" s="2"><v>1234.5</v></c><c r="D2" s="1"><v>45356</v></c><c r="E2"><f>C2*2</f><v>2469</v></c><c r="F2" t="b"><v>1</v></c></row><row r="3" spans="1:7"><c r="A3" t="inlineStr"><is><t>C-3</t></is></c><c t="s"><v>9</v></c><c r="C3"><v>-7.25E-3</v></c><c r="D3" s="3"><v>45000.75</v></c><c r="E3" t="e"><f>NA()</f><v>#N/A</v></c></row><row r="5" spans="1:7" ht="20" customHeight="1"><c r="A5" t="s"><v>10</v></c><c r="C5"><f t="shared" ref="C5:C6" si="0">E2+1</f><v>2470</v></c><c r="E5" t="str"><f>A5&amp;"!"</f><v>x &amp; y!</v></c></row><row r="6"><c r="A6" t="s"><v>11</v></c><c r="C6"><f t="shared" si="0"/><v>2470</v></c></row><row r="7"><c r="A7" t="s"><v>12</v></c><c r="B7" s="2"/></row><row r="8" ht="30" customHeight="1"/></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`;

const strings = [
  'Customer ID', 'Name', 'Revenue', 'Since', 'Total', 'Active', 'TW Score',
  'C-2', '<r><rPr><b/></rPr><t>Acme </t></r><r><t xml:space="preserve">&amp; Sons</t></r>',
  '<t>北京</t><rPh sb="0" eb="2"><t>ベイジン</t></rPh>', 'C-5', 'C-6', 'C-7',
];

const parts: Record<string, string | Uint8Array> = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="${TYPE}.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/calcChain.xml" ContentType="${TYPE}.spreadsheetml.calcChain+xml"/><Override PartName="/xl/comments1.xml" ContentType="${TYPE}.spreadsheetml.comments+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="${TYPE}.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="${TYPE}.drawingml.chart+xml"/><Override PartName="/docProps/app.xml" ContentType="${TYPE}.extended-properties+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  'docProps/app.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${NS}><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/><sheet name="Notes &amp; Plans" sheetId="2" r:id="rId2"/><sheet name="Secret" sheetId="5" state="hidden" r:id="rId3"/></sheets><definedNames><definedName name="Revenue">Customers!$C$2:$C$7</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId6" Type="${REL}/calcChain" Target="calcChain.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\ mmm\\ yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s.startsWith('<') ? s : `<t>${s}</t>`}</si>`).join('')}</sst>`,
  'xl/worksheets/sheet1.xml': customers,
  'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
  'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="B3:C4"/><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>Plan</t></is></c><c r="C3" t="inlineStr"><is><t>When</t></is></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>Call</t></is></c><c r="C4" s="1"><v>45400</v></c></row></sheetData></worksheet>`,
  'xl/worksheets/sheet3.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`,
  'xl/calcChain.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E2" i="1"/><c r="E3"/><c r="C5"/><c r="E5"/><c r="C6"/></calcChain>`,
  'xl/comments1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Ann</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Key account</t></text></comment></commentList></comments>`,
  'xl/drawings/vmlDrawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025"/></xml>',
  'xl/drawings/drawing1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:graphicFrame><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="${REL}"/></xdr:graphicFrame></xdr:twoCellAnchor></xdr:wsDr>`,
  'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
  'xl/charts/chart1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser><c:val><c:numRef><c:f>Customers!$C$2:$C$7</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
  'xl/media/image1.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
};

export const RICH_PARTS = Object.keys(parts);

export function writeRichBook(path: string): void {
  writeZippedParts(path, parts);
}

/** A minimal workbook around one worksheet part, for reader cases the rich book lacks. */
export function writeOneSheetBook(path: string, sheetXml: string, workbookPr = ''): void {
  writeZippedParts(path, {
    '[Content_Types].xml': parts['[Content_Types].xml'],
    '_rels/.rels': parts['_rels/.rels'],
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}>${workbookPr}<sheets><sheet name="Only" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/only.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': parts['xl/styles.xml'],
    'xl/worksheets/only.xml': sheetXml,
  });
}

function writeZippedParts(path: string, files: Record<string, string | Uint8Array>): void {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [name, [typeof content === 'string' ? strToU8(content) : content, { level: 6, mtime: new Date(Date.UTC(2024, 0, 2)) }] as const]),
  );
  writeFileSync(path, zipSync(entries as never));
}
