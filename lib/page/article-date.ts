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
  for (const selector of META_SELECTORS) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value && looksLikeDate(value)) return value;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > 200_000 || !text.includes('datePublished')) continue;
    try {
      const found = findDatePublished(JSON.parse(text), 0);
      if (found) return found;
    } catch {
      // Broken JSON-LD is common; the other sources still count.
    }
  }
  const time =
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[itemprop="datePublished"][datetime]') ??
    doc.querySelector('time[pubdate][datetime]') ??
    doc.querySelector('time[datetime]');
  const datetime = time?.getAttribute('datetime')?.trim();
  return datetime && looksLikeDate(datetime) ? datetime : undefined;
}

function looksLikeDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) || !Number.isNaN(Date.parse(value));
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
