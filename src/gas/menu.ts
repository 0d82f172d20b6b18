/**
 * The Extensions → Tierwise menu. `onOpen` may run in AuthMode.NONE (DESIGN §6), so this
 * touches nothing but the UI: no properties, no sheet reads.
 */
export function buildAddonMenu(ui: GoogleAppsScript.Base.Ui): void {
  ui.createAddonMenu()
    .addItem('Open Tierwise', 'showSidebar')
    .addSeparator()
    .addItem('Rescore now', 'menuRescore')
    .addItem('Propose owners', 'menuPropose')
    .addItem('Recycle stale now', 'menuRecycle')
    .addToUi();
}
