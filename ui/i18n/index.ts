import { type MessageKey, en } from './en.js';
import { zhCN } from './zh-CN.js';

export type Locale = 'en' | 'zh-CN';
export type LocaleSetting = Locale | 'auto';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The sidebar's language: the setting when it names one, else the browser's (any zh is Chinese). */
export function pickLocale(setting: LocaleSetting, browserLanguages: readonly string[]): Locale {
  if (setting !== 'auto') return setting;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** Looks a message up and fills its `{name}` slots; numbers are written in the locale's digits grouping. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  const numbers = new Intl.NumberFormat(locale);
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (slot, name: string) => {
      const value = values?.[name];
      if (value === undefined) return slot;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
}

export type { MessageKey };
