/**
 * SpreadsheetApp.getUi(): menus, sidebars and alerts, recorded for tests to read
 * (`env.ui.menus` holds each menu as added to the UI, with its items in order).
 */
import { Button, ButtonSet, type EnumMember } from './enums.js';
import { htmlOutputOf } from './html.js';
import { expose, unwrap, type Surface } from './surface.js';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly caption: string; readonly entries: readonly MenuEntry[] };

export interface MenuRecord {
  readonly caption: string;
  readonly addon: boolean;
  readonly entries: readonly MenuEntry[];
}

export interface ShownHtml {
  readonly title: string;
  readonly content: string;
}

export interface UiRecord {
  readonly menus: MenuRecord[];
  readonly sidebars: ShownHtml[];
  readonly dialogs: ShownHtml[];
  readonly alerts: { readonly title: string; readonly prompt: string }[];
  /** Buttons the next alerts answer with, in order; OK when empty. */
  readonly alertAnswers: EnumMember[];
}

export function emptyUiRecord(): UiRecord {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], alertAnswers: [] };
}

const MENU_MEMBERS = ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] as const satisfies readonly (keyof Menu)[];
const UI_MEMBERS = ['createAddonMenu', 'createMenu', 'showSidebar', 'showModalDialog', 'alert', 'Button', 'ButtonSet'] as const satisfies readonly (keyof Ui)[];

class FakeMenu implements Pick<Menu, (typeof MENU_MEMBERS)[number]> {
  readonly proxy: Menu;
  readonly entries: MenuEntry[] = [];

  constructor(readonly caption: string, private readonly addon: boolean, private readonly record: UiRecord, private readonly surface: Surface) {
    this.proxy = expose<Menu>(this, 'Menu', MENU_MEMBERS, surface);
  }

  addItem(caption: string, functionName: string): Menu {
    this.entries.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this.proxy;
  }

  addSeparator(): Menu {
    this.entries.push({ kind: 'separator' });
    return this.proxy;
  }

  addSubMenu(menu: Menu): Menu {
    const sub = unwrap(menu, FakeMenu) ?? this.surface.realm.fail("The parameters don't match the method signature for Ui.Menu.addSubMenu.");
    this.entries.push({ kind: 'submenu', caption: sub.caption, entries: [...sub.entries] });
    return this.proxy;
  }

  /** Adding a menu again replaces it, as re-running onOpen rebuilds the menu in Sheets. */
  addToUi(): void {
    const at = this.record.menus.findIndex((menu) => menu.caption === this.caption && menu.addon === this.addon);
    const menu = { caption: this.caption, addon: this.addon, entries: [...this.entries] };
    if (at >= 0) this.record.menus[at] = menu;
    else this.record.menus.push(menu);
  }
}

export class FakeUi implements Pick<Ui, (typeof UI_MEMBERS)[number]> {
  readonly proxy: Ui;
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(private readonly addonName: string, private readonly record: UiRecord, private readonly surface: Surface) {
    this.proxy = expose<Ui>(this, 'Ui', UI_MEMBERS, surface);
  }

  /** The add-on's menu under Extensions, captioned with the add-on's name. */
  createAddonMenu(): Menu {
    return new FakeMenu(this.addonName, true, this.record, this.surface).proxy;
  }

  createMenu(caption: string): Menu {
    return new FakeMenu(String(caption), false, this.record, this.surface).proxy;
  }

  private shown(html: unknown, method: string): ShownHtml {
    const output = htmlOutputOf(html) ?? this.surface.realm.fail(`The parameters don't match the method signature for Ui.${method}.`);
    return { title: output.title, content: output.content };
  }

  showSidebar(userInterface: object): void {
    this.record.sidebars.push(this.shown(userInterface, 'showSidebar'));
  }

  showModalDialog(userInterface: object, title: string): void {
    this.record.dialogs.push({ ...this.shown(userInterface, 'showModalDialog'), title: String(title) });
  }

  alert(titleOrPrompt: string, prompt?: unknown, _buttons?: unknown): GoogleAppsScript.Base.Button {
    const alert = typeof prompt === 'string' ? { title: String(titleOrPrompt), prompt } : { title: '', prompt: String(titleOrPrompt) };
    this.record.alerts.push(alert);
    return (this.record.alertAnswers.shift() ?? Button.OK) as unknown as GoogleAppsScript.Base.Button;
  }
}
