/** The article's publication date as its page declares it: meta tags, JSON-LD, then <time>. */

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="parsely-pub-date"]',
];

/** Returns the declared publication date (as written: ISO date or date-time), or undefined. */
export function declaredPublicationDate(doc: Document): string | undefined {
  // One query for all of them (cheap on every page), then in order of preference.
  const metas =
    doc.head?.querySelectorAll(META_SELECTORS.join(',')) ?? doc.querySelectorAll(META_SELECTORS.join(','));
  for (const selector of META_SELECTORS) {
    for (const meta of metas) {
      if (!meta.matches(selector)) continue;
      const value = meta.getAttribute('content')?.trim();
      if (value && looksLikeDate(value)) return value;
    }
  }
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

/** ISO dates, or dates with a year and a month ("May 11, 2019"); not whatever Date.parse accepts ("Issue 7"). */
function looksLikeDate(value: string): boolean {
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
