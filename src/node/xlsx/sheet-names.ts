/** Excel's rules for a tab name: 1–31 characters, none of : \ / ? * [ ], unique ignoring case. */
export function checkSheetName(name: string, all: readonly string[]): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new Error(`"${name}" cannot be a tab name: use 1 to 31 characters, none of : \\ / ? * [ ] and no quote at either end.`);
  }
  if (all.filter((other) => other.toLowerCase() === name.toLowerCase()).length > 1) {
    throw new Error(`Two tabs are named "${name}"; tab names must differ (ignoring case).`);
  }
}
