/**
 * What a page says about itself as a source, read from its DOM when the reader records a claim there:
 * its address and canonical link, Open Graph tags, the article's JSON-LD and declared date. Plain data
 * (no judgement): source-inference.ts decides what to trust.
 */
import { metaDate } from '../page/page-head';
import { canonicalHref } from '../page/page-head';
import { documentUrl } from '../page/page-address';

/** The parts of a page's JSON-LD that name it as a source (the first article-like object that has any). */
export interface LinkedDataSource {
  headline?: string;
  publisher?: string;
  datePublished?: string;
  url?: string;
}

export interface PageMeta {
  /** The address the page was loaded from. */
  url: string;
  /** `link[rel=canonical]`, resolved against the page. */
  canonical?: string;
  title: string;
  siteName?: string;
  ogTitle?: string;
  /** `article:published_time` or the most trusted meta tag that declares a date (page-head.ts). */
  metaPublished?: string;
  linkedData?: LinkedDataSource;
}

const MAX_FIELD = 1000;
const MAX_JSON_LD = 200_000;

const clip = (value: string | null | undefined): string | undefined => {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, MAX_FIELD) : undefined;
};

/** Reads the page's self-description (one query of the head for the tags, one for JSON-LD). */
export function readPageMeta(doc: Document): PageMeta {
  const meta = (property: string) =>
    clip(
      doc.head
        ?.querySelector(`meta[property="${property}" i],meta[name="${property}" i]`)
        ?.getAttribute('content'),
    );
  let canonical: string | undefined;
  try {
    const href = canonicalHref(doc);
    canonical = href ? new URL(href, doc.baseURI).href : undefined;
  } catch {
    canonical = undefined;
  }
  const out: PageMeta = { url: documentUrl(doc), title: clip(doc.title) ?? '' };
  if (canonical) out.canonical = canonical.slice(0, 8192);
  const siteName = meta('og:site_name');
  if (siteName) out.siteName = siteName;
  const ogTitle = meta('og:title');
  if (ogTitle) out.ogTitle = ogTitle;
  const published = metaDate(doc);
  if (published) out.metaPublished = published.slice(0, 100);
  const linkedData = readLinkedData(doc);
  if (linkedData) out.linkedData = linkedData;
  return out;
}

/** The first JSON-LD object (in `@graph`s and lists too) that names a headline, publisher or date. */
export function readLinkedData(doc: Document): LinkedDataSource | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD) continue;
    try {
      const found = findSource(JSON.parse(text), 0);
      if (found) return found;
    } catch {
      // Broken JSON-LD is common: the tags still say enough.
    }
  }
  return undefined;
}

function findSource(value: unknown, depth: number): LinkedDataSource | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) {
      const found = findSource(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const source: LinkedDataSource = {};
  const headline = typeof obj.headline === 'string' ? clip(obj.headline) : undefined;
  if (headline) source.headline = headline;
  const publisher = nameOf(obj.publisher);
  if (publisher) source.publisher = publisher;
  const date = typeof obj.datePublished === 'string' ? clip(obj.datePublished) : undefined;
  if (date) source.datePublished = date.slice(0, 100);
  const url = typeof obj.url === 'string' ? clip(obj.url) : undefined;
  if (url && (headline || date)) source.url = url;
  if (headline || date) return source;
  return findSource(obj['@graph'], depth + 1);
}

/** A publisher named as text, as an Organization object, or as a list of them (the first). */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') {
    const name = (value as Record<string, unknown>).name;
    return typeof name === 'string' ? clip(name) : undefined;
  }
  return undefined;
}
