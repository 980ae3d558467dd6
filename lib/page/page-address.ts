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
  return { url: doc.URL, canonical, title: doc.title.slice(0, 1000) };
}
