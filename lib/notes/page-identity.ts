// Page identity for notes: normalised URLs and the key a page's notes are filed under (pure, no storage).
import { localize } from '../reader-messages';

/**
 * A URL that cannot identify a web page (not a URL at all, or not http/https). Its message is a sentence
 * in the reader's language (public/_locales, `pageUrl…`), ending with a full stop that notes-repository.ts
 * drops when it tells the reason inside a longer sentence.
 */
export class PageUrlError extends Error {
  override name = 'PageUrlError';
}

/** Query parameters that only say how the reader arrived, never which page it is. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_ga',
  '_gl',
  'ref_src',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function parseWebUrl(url: string, base?: string): URL {
  if (typeof url !== 'string' || url.trim() === '') throw new PageUrlError(localize('pageUrlEmpty'));
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    throw new PageUrlError(localize('pageUrlInvalid', url.slice(0, 200)));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PageUrlError(localize('pageUrlNotWeb', parsed.protocol));
  }
  return parsed;
}

/**
 * The form of a URL that notes compare: scheme and host lower case (the URL parser does it), default port,
 * credentials and fragment removed, a trailing dot on the host removed, tracking parameters (`utm_*`,
 * fbclid, gclid …) removed and the remaining parameters sorted by name (values of a repeated name keep their
 * order). `www.` is kept: it can be another server, and the pages table records such variants as aliases.
 * Throws PageUrlError for anything that is not an http(s) URL.
 */
export function normalizeUrl(url: string): string {
  const parsed = parseWebUrl(url);
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.slice(0, -1);
  const params = parsed.searchParams;
  for (const name of [...new Set(params.keys())]) if (isTrackingParam(name)) params.delete(name);
  params.sort();
  // Always assigned: it also drops a bare "?" that the parser would keep.
  parsed.search = params.toString();
  return parsed.href;
}

/** The site a URL belongs to, as readers name it: the hostname without `www.`. */
export function siteOf(url: string): string {
  return parseWebUrl(url)
    .hostname.replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** Host prefixes that name the same site's desktop, mobile and AMP editions. */
const EDITION_PREFIX = /^(?:www|m|mobile|amp)\./;

function sameSite(a: URL, b: URL): boolean {
  return a.hostname.replace(EDITION_PREFIX, '') === b.hostname.replace(EDITION_PREFIX, '');
}

/**
 * A page served from an AMP cache (`www-example-com.cdn.ampproject.org/c/s/www.example.com/story`) or
 * Google's AMP viewer (`www.google.com/amp/s/www.example.com/story`), as the publisher's own URL.
 */
function unwrapAmpCache(url: URL): URL {
  const host = url.hostname;
  let match: RegExpExecArray | null = null;
  if (host === 'cdn.ampproject.org' || host.endsWith('.cdn.ampproject.org')) {
    match = /^\/[cv]\/(s\/)?([^/]+)(\/.*)?$/.exec(url.pathname);
  } else if (host === 'www.google.com') {
    match = /^\/amp\/(s\/)?([^/]+)(\/.*)?$/.exec(url.pathname);
  }
  if (!match) return url;
  try {
    return parseWebUrl(`${match[1] ? 'https' : 'http'}://${match[2]}${match[3] ?? '/'}${url.search}`);
  } catch {
    return url;
  }
}

/** The non-AMP form of a normalised URL: no `amp` path segment, no `.amp` suffix, no `amp=1`/`outputType=amp`. */
function withoutAmp(normalised: string): string {
  const url = new URL(normalised);
  const segments = url.pathname.split('/').filter((segment) => segment.toLowerCase() !== 'amp');
  const last = segments.length - 1;
  segments[last] = segments[last]!.replace(/\.amp(\.html?)?$/i, '$1');
  url.pathname = segments.join('/') || '/';
  const params = url.searchParams;
  params.delete('amp');
  for (const name of ['outputType', 'output', 'outputtype']) {
    if (params.get(name)?.toLowerCase() === 'amp') params.delete(name);
  }
  url.search = params.toString();
  return normalizeUrl(url.href);
}

/** Paths where the query, not the path, chooses the page: a canonical there must keep every parameter. */
const QUERY_CHOOSES_PAGE = /(?:^\/$|\.(?:php\d?|aspx?|jsp|jspx|cgi|pl|cfm|do|action)$)/i;

const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/**
 * Whether a page loaded at `loaded` (normalised, AMP cache unwrapped) is the page `canonical` names
 * (normalised): the canonical is trusted only when the loaded page is it, or a variant of it the
 * address itself shows. The other half of the agreement — the canonical page declaring the loaded
 * address (`rel=amphtml`, `rel=alternate`) — cannot be read from here without fetching that page,
 * so it is not used: a page cannot make itself another page by naming it.
 *
 * A variant is, on the same site (`www.`, `m.`, `mobile.`, `amp.` editions of one host):
 * - the same path once AMP is taken off both (`/amp/` segment, `.amp` suffix, `amp=1`,
 *   `outputType=amp`) and a trailing slash ignored;
 * - with every query parameter of the canonical, same values; extra parameters (query noise:
 *   `?ref=home`, `?share=1`) only where the path names the article — not on the home page or a
 *   script (`/index.php?id=7`), where the query chooses the page.
 */
export function canonicalConfirmed(loaded: URL, canonical: URL): boolean {
  if (!sameSite(canonical, loaded) || canonical.port !== loaded.port) return false;
  const page = new URL(withoutAmp(loaded.href));
  const named = new URL(withoutAmp(canonical.href));
  if (withoutTrailingSlash(page.pathname) !== withoutTrailingSlash(named.pathname)) return false;
  const kept = [...named.searchParams].every(([name]) => {
    const want = named.searchParams.getAll(name);
    const have = page.searchParams.getAll(name);
    return want.length === have.length && want.every((value, i) => value === have[i]);
  });
  if (!kept) return false;
  const extra = [...page.searchParams.keys()].some((name) => !named.searchParams.has(name));
  return !extra || !QUERY_CHOOSES_PAGE.test(page.pathname);
}

function acceptedCanonical(canonical: string | null | undefined, page: URL): string | undefined {
  if (!canonical || canonical.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(normalizeUrl(new URL(canonical.trim(), page.href).href));
  } catch {
    return undefined; // a broken canonical is ignored, the page's own URL still identifies it
  }
  return canonicalConfirmed(page, parsed) ? parsed.href : undefined;
}

/**
 * The key a page's notes are filed under.
 *
 * - The page's canonical URL (resolved against the page URL, normalised) when the loaded page confirms
 *   it (`canonicalConfirmed`: the same page, or an AMP, mobile or query-noise variant of it). Any other
 *   canonical — another site, another article of the same site, the home page — is ignored: notes are
 *   drawn into the page, so a page that named another article as its canonical could otherwise be
 *   handed the notes kept for it.
 * - Otherwise the page's own normalised URL; an AMP cache URL is first turned into the publisher's URL,
 *   and AMP variants (`/amp/` segment, `.amp` suffix, `amp=1`, `outputType=amp`) map to the non-AMP URL.
 *
 * Throws PageUrlError when the page URL itself is not an http(s) URL.
 */
export function pageKeyFor(page: { url: string; canonical?: string | null }): string {
  const own = unwrapAmpCache(new URL(normalizeUrl(page.url)));
  return acceptedCanonical(page.canonical, own) ?? withoutAmp(own.href);
}
