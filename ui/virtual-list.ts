import { el, fill } from './dom.js';

/**
 * A scrolling list that keeps only the rows in view (plus a margin) in the DOM, so 5,000
 * proposals scroll and filter as fast as 50 (issue 6: "render 5,000 proposals fast").
 * Rows have one fixed height, which makes the visible window a division.
 */
export class VirtualList<T> {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private items: readonly T[] = [];
  private drawn = '';

  constructor(private readonly rowHeight: number, private readonly renderRow: (item: T, index: number) => HTMLElement, label: string) {
    this.spacer = el('div', { class: 'list-spacer' });
    this.element = el('div', { class: 'list', attrs: { role: 'list', 'aria-label': label, tabindex: '0' }, on: { scroll: () => this.draw() } }, this.spacer);
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    this.spacer.style.height = `${items.length * this.rowHeight}px`;
    this.drawn = '';
    if (this.element.scrollTop > items.length * this.rowHeight) this.element.scrollTop = 0;
    this.draw();
  }

  /** Redraws the rows in view (after a selection change). */
  refresh(): void {
    this.drawn = '';
    this.draw();
  }

  private draw(): void {
    const MARGIN = 6;
    const height = this.element.clientHeight || 320;
    const first = Math.max(0, Math.floor(this.element.scrollTop / this.rowHeight) - MARGIN);
    const last = Math.min(this.items.length, Math.ceil((this.element.scrollTop + height) / this.rowHeight) + MARGIN);
    const key = `${first}:${last}`;
    if (key === this.drawn) return;
    this.drawn = key;
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const row = this.renderRow(this.items[i], i);
      row.style.top = `${i * this.rowHeight}px`;
      row.style.height = `${this.rowHeight}px`;
      row.setAttribute('role', 'listitem');
      rows.push(row);
    }
    fill(this.spacer, ...rows);
  }
}
