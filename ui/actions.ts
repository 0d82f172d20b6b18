import { type Child, el } from './dom.js';

export interface ActionOptions {
  readonly primary?: boolean;
  /** Also disabled while this says so (nothing selected, not a manager…). */
  readonly enabledWhen?: () => boolean;
  readonly id?: string;
  readonly describedBy?: string;
}

/**
 * Every button that starts a server call is made here, so one switch disables them all
 * while a run is in flight (issue 6, "Safety") and restores each one's own rule after.
 */
export class Actions {
  private busy = false;
  private readonly buttons = new Map<HTMLButtonElement, () => boolean>();

  get running(): boolean {
    return this.busy;
  }

  button(label: Child, onClick: () => void, options: ActionOptions = {}): HTMLButtonElement {
    const button = el('button', {
      class: options.primary ? 'button action' : 'button',
      id: options.id,
      attrs: { type: 'button', 'aria-describedby': options.describedBy },
      on: { click: () => !this.busy && onClick() },
    }, label);
    this.buttons.set(button, options.enabledWhen ?? (() => true));
    this.refresh(button);
    return button;
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.refreshAll();
  }

  /** Re-reads every button's rule; call after a selection or a state change. */
  refreshAll(): void {
    for (const [button] of this.buttons) {
      if (!button.isConnected && !this.busy) continue;
      this.refresh(button);
    }
  }

  /** Forgets buttons of a view that was thrown away. */
  prune(): void {
    for (const [button] of this.buttons) if (!button.isConnected) this.buttons.delete(button);
  }

  private refresh(button: HTMLButtonElement): void {
    const rule = this.buttons.get(button);
    button.disabled = this.busy || !(rule?.() ?? true);
  }
}
