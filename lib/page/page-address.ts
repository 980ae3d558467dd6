import type { PageAddress } from '../messaging';
import { canonicalHref } from './page-head';

/** The page as the notes store knows it: its URL, its canonical link and its title. */
export function pageAddress(doc: Document, href: string | undefined = canonicalHref(doc)): PageAddress {
  let canonical: string | undefined;
  try {
    canonical = href ? new URL(href, doc.baseURI).href : undefined;
  } catch {
    canonical = undefined; // a broken canonical link is ignored, not trusted
  }
  // document.URL is the same string as location.href, without making a Location object for this
  // script's world (about 0.1 ms, the first time, on every page).
  return { url: documentUrl(doc), canonical, title: doc.title.slice(0, 1000) };
}

/**
 * The document's address; for a frame without one of its own (srcdoc, about:blank), the address of
 * the page that made it, whose origin it shares, so that what it names counts for that page.
 */
export function documentUrl(doc: Document): string {
  const url = doc.URL;
  if (!url.startsWith('about:')) return url;
  try {
    for (let view: Window | null = doc.defaultView; view && view.parent !== view; view = view.parent) {
      const above = view.parent.document.URL;
      if (!above.startsWith('about:')) return above;
    }
  } catch {
    // A parent of another origin: the frame keeps its own address, and is not read.
  }
  return url;
}
