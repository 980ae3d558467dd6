/**
 * What a page's head says about it, read in one query: its canonical link (for the notes store) and
 * the publication date its meta tags declare (for incidents). Both are wanted as the page opens, and
 * one query of the head costs the page about what the canonical link alone did. Meta tags are read
 * in the head only, as they always were.
 */
import { META_DATE_SELECTOR, metaPublicationDate } from './article-date';

export interface PageHead {
  /** The canonical link as written (relative or absolute), if the head has one. */
  canonicalHref: string | undefined;
  /** The date the most trusted meta tag declares, if any (JSON-LD and <time> are read elsewhere). */
  published: string | undefined;
}

const HEAD_SELECTOR = `link[rel="canonical"],${META_DATE_SELECTOR}`;

export function readPageHead(doc: Document): PageHead {
  const found = doc.head ? [...doc.head.querySelectorAll(HEAD_SELECTOR)] : [];
  // Something the head may not hold (an iframe, stray text) ends it early, and what follows lands in
  // the body: the canonical link is then looked for in the whole page, as browsers and search
  // engines find it.
  const canonical = found.find((e) => e.localName === 'link') ?? doc.querySelector('link[rel="canonical"]');
  return {
    canonicalHref: canonical?.getAttribute('href') ?? undefined,
    published: metaPublicationDate(found),
  };
}
