/**
 * What a page's head says about it, each read when it is first needed: the canonical link as the
 * page opens (the notes store files the page under it), the publication date its meta tags declare
 * only once the page has text to send (only incidents need the date, and most pages name nothing).
 */
import { META_DATE_SELECTOR, metaPublicationDate } from './article-date';

/**
 * The canonical link as written (relative or absolute), if the page has one. One query of the whole
 * document, which finds it in the head first: something the head may not hold (an iframe, stray
 * text) ends the head early and puts the rest in the body, where browsers and search engines still
 * find it.
 */
export function canonicalHref(doc: Document): string | undefined {
  return doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
}

/** The date the most trusted meta tag in the head declares, if any (JSON-LD and <time> are read elsewhere). */
export function metaDate(doc: Document): string | undefined {
  return doc.head ? metaPublicationDate(doc.head.querySelectorAll(META_DATE_SELECTOR)) : undefined;
}
