import { el } from './dom.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The bar's full length; the largest value when not given. */
  readonly of?: number | null;
  readonly text: string;
  readonly tone?: 'a' | 'b' | 'c' | 'over' | 'plain';
}

/**
 * A small horizontal bar chart drawn with plain elements: each bar is a labelled meter
 * whose width is its share, so screen readers read the label and the text.
 */
export function barChart(title: string, bars: readonly Bar[]): HTMLElement {
  const max = Math.max(1, ...bars.map((b) => b.of ?? b.value));
  return el(
    'figure',
    { class: 'bars', attrs: { 'aria-label': title } },
    ...bars.map((bar) => {
      const full = bar.of ?? max;
      const share = full > 0 ? Math.min(1, bar.value / full) : 0;
      return el(
        'div',
        { class: 'bar-row' },
        el('span', { class: 'bar-label' }, bar.label),
        el(
          'span',
          { class: 'bar-track', attrs: { role: 'img', 'aria-label': `${bar.label}: ${bar.text}` } },
          el('span', { class: `bar-fill tone-${bar.tone ?? 'plain'}`, style: { width: `${(share * 100).toFixed(1)}%` } }),
        ),
        el('span', { class: 'bar-value' }, bar.text),
      );
    }),
  );
}

export function progressBar(label: string, done: number, total: number, text: string): HTMLElement {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return el(
    'div',
    { class: 'progress', attrs: { role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done, 'aria-valuetext': text } },
    el('span', { class: 'progress-fill', style: { width: `${(share * 100).toFixed(1)}%` } }),
    el('span', { class: 'progress-text' }, text),
  );
}
