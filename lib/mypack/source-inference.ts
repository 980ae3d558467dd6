/**
 * The source of a recorded claim, inferred from what the page says about itself (page-meta.ts): its
 * address (the canonical link where the loaded address confirms it), headline, publisher and date,
 * and the day the reader read it. Pure: the same page data always gives the same source.
 */
import { calendarDay } from '../calendar';
import { normalizeUrl, pageKeyFor, siteOf } from '../notes/page-identity';
import { localize } from '../reader-messages';
import type { PageMeta } from './page-meta';

/** A source as the form shows it, before it has an id in My pack. */
export interface SourceDraft {
  url: string;
  publisher: string;
  title: string;
  /** The article's publication day, when the page declares one. */
  published?: string;
  /** The day the reader recorded from it. */
  accessed: string;
}

export type SourceInference = { ok: true; source: SourceDraft } | { ok: false; error: string };

/** Longest publisher and title a pack allows (lib/knowledge/pack-validator.ts). */
export const MAX_PUBLISHER = 200;
export const MAX_TITLE = 500;

/**
 * - url: the canonical link if the loaded address confirms it (the same page, an AMP or mobile edition,
 *   query noise: lib/notes/page-identity.ts), else the loaded address without tracking parameters or
 *   fragment. A page cannot make its source another site's article. Only http(s) pages are sources.
 * - publisher: `og:site_name`, else the JSON-LD publisher, else the site's host.
 * - title: the JSON-LD headline, else `og:title`, else the document's title, else the host.
 * - published: `article:published_time` (or another meta date), else the JSON-LD `datePublished`.
 */
export function inferSource(meta: PageMeta, today: string): SourceInference {
  let url: string;
  let host: string;
  try {
    url = pageKeyFor({ url: meta.url, canonical: meta.canonical });
    host = siteOf(url);
  } catch {
    return { ok: false, error: notWebError(meta.url) };
  }
  const publisher = first(meta.siteName, meta.linkedData?.publisher) ?? host;
  const title = first(meta.linkedData?.headline, meta.ogTitle, meta.title) ?? host;
  const published = calendarDay(meta.metaPublished) ?? calendarDay(meta.linkedData?.datePublished);
  return {
    ok: true,
    source: {
      url,
      publisher: publisher.slice(0, MAX_PUBLISHER),
      title: title.slice(0, MAX_TITLE),
      ...(published && published <= today ? { published } : {}),
      accessed: today,
    },
  };
}

/** Why an address the reader typed or a page gave cannot be a source; undefined when it can. */
export function sourceUrlProblem(url: string): string | undefined {
  try {
    normalizeUrl(url);
    return undefined;
  } catch {
    return notWebError(url);
  }
}

function notWebError(url: string): string {
  let scheme = url.slice(0, 40);
  try {
    scheme = new URL(url).protocol;
  } catch {
    // not a URL at all: shown as written
  }
  return localize('recordSourceNotWeb', scheme);
}

function first(...values: (string | undefined)[]): string | undefined {
  return values.map((v) => v?.trim()).find((v) => !!v);
}
