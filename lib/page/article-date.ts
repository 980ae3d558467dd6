/**
 * The article's publication date as its page declares it: meta tags (read with the page's head,
 * lib/page/page-head.ts), then JSON-LD, then <time> (read only when an incident may need the date).
 */

/** Meta tags that declare the publication date, most trusted first, as [attribute, value in lower case]. */
const META_DATES: readonly (readonly [string, string])[] = [
  ['property', 'article:published_time'],
  ['name', 'article:published_time'],
  ['property', 'og:article:published_time'],
  ['itemprop', 'datepublished'],
  ['name', 'date'],
  ['name', 'pubdate'],
  ['name', 'publish-date'],
  ['name', 'dc.date'],
  ['name', 'dc.date.issued'],
  ['name', 'parsely-pub-date'],
];
const META_RANKS = new Map(META_DATES.map(([attribute, value], rank) => [`${attribute}=${value}`, rank]));
const META_ATTRIBUTES = [...new Set(META_DATES.map(([attribute]) => attribute))];

/** Selects the meta tags that may declare the publication date (the letter case of values aside). */
export const META_DATE_SELECTOR = META_DATES.map(
  ([attribute, value]) => `meta[${attribute}="${value}" i]`,
).join(',');

/** The longest declared date a page may send (lib/message-guards.ts refuses longer ones). */
export const MAX_DATE_LENGTH = 100;

/**
 * The date the most trusted of these meta tags declares (tags of other kinds are passed over), or
 * undefined.
 */
export function metaPublicationDate(metas: Iterable<Element>): string | undefined {
  let best: string | undefined;
  let bestRank = META_RANKS.size;
  for (const meta of metas) {
    if (meta.localName !== 'meta') continue;
    const rank = metaRank(meta);
    if (rank === undefined || rank >= bestRank) continue;
    const value = meta.getAttribute('content')?.trim();
    if (value && looksLikeDate(value)) {
      best = value;
      bestRank = rank;
    }
  }
  return best;
}

/** The date the page's JSON-LD or its <time> elements declare, or undefined. */
export function bodyPublicationDate(doc: Document): string | undefined {
  // JSON-LD and <time> in one pass over the page, then in order of preference.
  const times: Element[] = [];
  for (const element of doc.querySelectorAll('script[type="application/ld+json"],time[datetime]')) {
    if (element.localName === 'time') {
      times.push(element);
      continue;
    }
    const text = element.textContent ?? '';
    if (text.length > 200_000 || !text.includes('datePublished')) continue;
    try {
      const found = findDatePublished(JSON.parse(text), 0);
      if (found) return found;
    } catch {
      // Broken JSON-LD is common; the other sources still count.
    }
  }
  const time =
    times.find((t) => t.closest('article')) ??
    times.find((t) => t.getAttribute('itemprop') === 'datePublished') ??
    times.find((t) => t.hasAttribute('pubdate')) ??
    times[0];
  const datetime = time?.getAttribute('datetime')?.trim();
  return datetime && looksLikeDate(datetime) ? datetime : undefined;
}

/** How far a meta tag is trusted to declare the publication date (0 most), or undefined if it does not. */
function metaRank(meta: Element): number | undefined {
  for (const attribute of META_ATTRIBUTES) {
    const rank = META_RANKS.get(`${attribute}=${meta.getAttribute(attribute)?.toLowerCase()}`);
    if (rank !== undefined) return rank;
  }
  return undefined;
}

/**
 * ISO dates, or dates with a year and a month ("May 11, 2019"); not whatever Date.parse accepts
 * ("Issue 7"), nor anything longer than a date is ever written.
 */
function looksLikeDate(value: string): boolean {
  if (value.length > MAX_DATE_LENGTH) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return true;
  return (
    /\b(1[89]|20)\d{2}\b/.test(value) &&
    /[a-z]{3}|\d{1,2}[/.]\d{1,2}/i.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function findDatePublished(node: unknown, depth: number): string | undefined {
  if (depth > 6 || typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findDatePublished(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.datePublished === 'string' && looksLikeDate(record.datePublished))
    return record.datePublished;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const found = findDatePublished(record[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
