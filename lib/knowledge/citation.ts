/**
 * Citations a reader pastes into their own copy: `Outlet, "Headline", 7 Dec 2026, URL` as plain text,
 * the reader's one date style (lib/reader-date.ts). Pure.
 */
import { formatDay } from '../reader-date';
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
 * The reader's one date style (reader-date.ts: "7 Dec 2026", "Dec 2026", "2026") for a pack's calendar
 * day, in `locale` (the browser's when left out); undefined when it is not a day, month or year.
 */
export function citationDate(day: string, locale?: string): string | undefined {
  const trimmed = day.trim();
  const match = /^\d{4}(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(trimmed);
  if (!match) return undefined;
  const [month, date] = [Number(match[1] ?? 1), Number(match[2] ?? 1)];
  if (month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  return formatDay(trimmed, locale);
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
