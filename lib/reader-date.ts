/**
 * The one date style a reader sees, in the popup, the cards, the filters and the exports: "7 Dec 2026".
 * English locales get day, short month, year with fixed month abbreviations (Node and browsers differ on
 * "Sep" and "Sept"); other locales get their own short style ("7 déc. 2026", "2026年12月7日").
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The browser's language (navigator.language), or English where there is none (Node scripts). */
export function readerLocale(): string {
  return (globalThis as { navigator?: { language?: string } }).navigator?.language || 'en';
}

const isEnglish = (locale: string) => /^en(?:-|$)/i.test(locale);

/**
 * "17 Nov 2017" for "2017-11-17", "Nov 2017" for "2017-11", "2017" for "2017" (a calendar day as the pack
 * or a date filter writes it). Anything else is returned as it is.
 */
export function formatDay(day: string, locale: string = readerLocale()): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(day);
  if (!match) return day;
  const [y, m, d] = [Number(match[1]), match[2] && Number(match[2]), match[3] && Number(match[3])];
  if (m && (m < 1 || m > 12)) return day;
  if (isEnglish(locale)) return [d || undefined, m ? MONTHS[m - 1] : undefined, y].filter(Boolean).join(' ');
  const date = new Date(Date.UTC(y, (m || 1) - 1, d || 1, 12));
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      ...(m ? { month: 'short' } : {}),
      ...(d ? { day: 'numeric' } : {}),
    }).format(date);
  } catch {
    return formatDay(day, 'en');
  }
}

/** A moment (milliseconds or a Date) as its calendar day in the reader's time zone: "7 Dec 2026". */
export function readerDate(value: number | Date, locale: string = readerLocale()): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return formatDay(localDay(date), locale);
}

/** The calendar day (YYYY-MM-DD) of a moment in the reader's time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
