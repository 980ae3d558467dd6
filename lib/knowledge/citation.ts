/**
 * Citations a reader pastes into their own copy: `Outlet, "Headline", 7 Dec 2026, URL` as plain text,
 * one date style (day, abbreviated month, year; the month in the browser's language). Pure.
 */
import { safeHttpUrl } from '../safe-url';

/** What a citation is made of (a card's source; any part may be missing). */
export interface CitableSource {
  publisher?: string;
  title?: string;
  url?: string;
  /** A calendar day as packs write it: "2026-12-07", "2026-12" or "2026". */
  published?: string;
}

/**
 * "7 Dec 2026" for "2026-12-07" ("Dec 2026", "2026" for a month or a year), the month abbreviated in
 * `locale` (the browser's when left out) but always in day–month–year order; undefined when unreadable.
 */
export function citationDate(day: string, locale?: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(day.trim());
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
  if (match[2] && (month < 1 || month > 12)) return undefined;
  if (match[3] && (date < 1 || date > 31)) return undefined;
  if (!match[2]) return String(year);
  let monthName: string;
  try {
    monthName =
      new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })
        .formatToParts(Date.UTC(year, month - 1, 1))
        .find((part) => part.type === 'month')?.value ?? String(month);
  } catch {
    monthName = String(month); // an unknown locale tag
  }
  return [match[3] ? String(date) : '', monthName, String(year)].filter(Boolean).join(' ');
}

/** The host a link goes to, without `www.`: the outlet's stand-in when the pack names none. */
function hostOf(href: string | undefined): string | undefined {
  return href ? new URL(href).host.replace(/^www\./, '') || undefined : undefined;
}

/** `Outlet, "Headline", 7 Dec 2026, URL`; parts the source lacks are left out (the outlet falls back to the link's host). */
export function formatCitation(source: CitableSource, locale?: string): string {
  const href = source.url ? safeHttpUrl(source.url) : undefined;
  const outlet = source.publisher?.trim() || hostOf(href);
  const title = source.title?.trim();
  const date = source.published ? citationDate(source.published, locale) : undefined;
  return [outlet, title && `"${title}"`, date, href].filter(Boolean).join(', ');
}

/** A claim or a statement: the line that says who said what, then each source's citation on its own line. */
export function itemCitation(line: string, sources: readonly CitableSource[], locale?: string): string {
  return [line.trim(), ...sources.map((s) => formatCitation(s, locale))].filter(Boolean).join('\n');
}
