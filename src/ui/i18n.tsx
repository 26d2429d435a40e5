import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { da, type Strings } from './strings/da';
import { en } from './strings/en';

export type UiLocale = 'da' | 'en';

const catalogs: Record<UiLocale, Strings> = { da, en };

/** Dates and times are shown in the municipality's time zone, whatever the browser's. */
export const TIME_ZONE = 'Europe/Copenhagen';

export interface Formatters {
  date(instantOrDate: string): string;
  time(instant: string): string;
  dateTime(instant: string): string;
  weekdayDateTime(instant: string): string;
  amount(dkk: number): string;
}

interface I18n {
  locale: UiLocale;
  t: Strings;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

function makeFormatters(locale: UiLocale): Formatters {
  const tag = locale === 'da' ? 'da-DK' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
  const weekday = new Intl.DateTimeFormat(tag, {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  const amount = new Intl.NumberFormat(tag, { style: 'currency', currency: 'DKK', maximumFractionDigits: 0 });
  // A bare date ("2026-12-01") is a calendar day, not an instant: format it at noon UTC so
  // no time zone moves it to the day before.
  const asDate = (s: string) => new Date(s.length === 10 ? `${s}T12:00:00Z` : s);
  return {
    date: (s) => date.format(asDate(s)),
    time: (s) => time.format(new Date(s)),
    dateTime: (s) => dateTime.format(new Date(s)),
    weekdayDateTime: (s) => weekday.format(new Date(s)),
    amount: (n) => amount.format(n),
  };
}

export function I18nProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: catalogs[locale], fmt: makeFormatters(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useStrings(): Strings {
  return useI18n().t;
}
