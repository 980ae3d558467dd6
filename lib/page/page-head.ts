/**
 * What a page's head says about it, read in one query: its canonical link (for the notes store) and
 * the publication date its meta tags declare (for incidents). Both are wanted as the page opens, and
 * one query of the head costs the page about what the canonical link alone did.
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
  return {
    canonicalHref: found.find((e) => e.localName === 'link')?.getAttribute('href') ?? undefined,
    published: metaPublicationDate(found),
  };
}
