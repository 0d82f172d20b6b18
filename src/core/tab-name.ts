/**
 * The name among `names` that is the tab `wanted`: the same name, else the one that differs
 * from it only in case. Excel and Google Sheets refuse a second sheet whose name differs
 * from another's only in case (Excel: "That name is already taken"; Sheets: "A sheet with
 * the name … already exists"), so a book holds at most one such tab, and a `customers` tab
 * typed in lower case (as LibreOffice users often do) is the Customers tab.
 */
export function tabNamed(names: Iterable<string>, wanted: string): string | undefined {
  const list = [...names];
  if (list.includes(wanted)) return wanted;
  const folded = wanted.toUpperCase();
  return list.find((name) => name.toUpperCase() === folded);
}
