import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Language = 'en' | 'fr';
export const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
];
const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, fr };
const SAVED = 'peacegraph.language';

/** The saved choice, else the browser's first language we speak, else English. */
export function pickLanguage(saved: string | null, preferred: readonly string[]): Language {
  if (saved === 'en' || saved === 'fr') return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  date: (iso: string | null | undefined) => string;
  number: (value: number | null | undefined, digits?: number) => string;
  percent: (value: number | null | undefined) => string;
  ms: (value: number | null | undefined) => string;
}

export function makeI18n(lang: Language, setLang: (lang: Language) => void = () => undefined): I18n {
  const words = MESSAGES[lang];
  const dates = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) numbers.set(digits, (format = new Intl.NumberFormat(lang, { maximumFractionDigits: digits })));
    return format;
  };
  const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const t: I18n['t'] = (key, params = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  return {
    lang,
    setLang,
    t,
    date: (iso) => (iso ? dates.format(new Date(iso)) : words.none),
    number: (value, digits = 0) => (value === null || value === undefined ? words.none : numberFormat(digits).format(value)),
    percent: (value) => (value === null || value === undefined || Number.isNaN(value) ? words.none : percents.format(value)),
    ms: (value) => (value === null || value === undefined ? words.none : `${numberFormat(0).format(value)} ms`),
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [lang, setLangState] = useState<Language>(
    () => initial ?? pickLanguage(localStorage.getItem(SAVED), navigator.languages ?? [navigator.language]),
  );
  const value = useMemo(
    () =>
      makeI18n(lang, (next) => {
        localStorage.setItem(SAVED, next);
        setLangState(next);
      }),
    [lang],
  );
  // Screen readers pronounce the page in its language.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
