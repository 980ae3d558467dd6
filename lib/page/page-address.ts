import type { PageAddress } from '../messaging';

/** The page as the notes store knows it: its URL, its canonical link and its title. */
export function pageAddress(doc: Document): PageAddress {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  let canonical: string | undefined;
  try {
    canonical = href ? new URL(href, doc.baseURI).href : undefined;
  } catch {
    canonical = undefined; // a broken canonical link is ignored, not trusted
  }
  return { url: doc.location.href, canonical, title: doc.title.slice(0, 1000) };
}
