import type { Language } from '../domain';

/** Intl objects are costly to build and rendering asks for them per row, so each is made once per language. */
function perLanguage<T>(make: (lang: Language) => T): (lang: Language) => T {
  const made = new Map<Language, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) made.set(lang, (value = make(lang)));
    return value;
  };
}

export const pluralRules = perLanguage((lang) => new Intl.PluralRules(lang));
const numberFormat = perLanguage((lang) => new Intl.NumberFormat(lang));
const relativeTimeFormat = perLanguage((lang) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));

export const formatNumber = (lang: Language, value: number): string => numberFormat(lang).format(value);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/**
 * "5 minutes ago", "вчера", "teraz". Anything under a minute — including a
 * timestamp slightly in the future, since platform clocks drift — reads as now,
 * so the row does not tick every second.
 */
export function formatRelativeTime(lang: Language, at: number, now: number): string {
  const elapsed = now - at;
  for (const [unit, length] of UNITS) {
    if (Math.abs(elapsed) >= length) return relativeTimeFormat(lang).format(-Math.trunc(elapsed / length), unit);
  }
  return relativeTimeFormat(lang).format(0, 'second');
}
