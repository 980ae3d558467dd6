/** Where the reader paused ClaimLens: everywhere, or on some sites (kept in extension storage). */

export const PAUSE_KEY = 'claimlens:pause';

export interface PauseSettings {
  everywhere: boolean;
  /** Hostnames without `www.`. */
  sites: string[];
}

export function cleanPause(value: unknown): PauseSettings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const sites = Array.isArray(record.sites)
    ? record.sites.filter((s): s is string => typeof s === 'string').slice(0, 1000)
    : [];
  return { everywhere: record.everywhere === true, sites: [...new Set(sites.map(siteOfHost))] };
}

export function siteOfHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

export function isPaused(settings: PauseSettings, url: string): boolean {
  if (settings.everywhere) return true;
  try {
    return settings.sites.includes(siteOfHost(new URL(url).hostname));
  } catch {
    return false;
  }
}

export function withSite(settings: PauseSettings, host: string, paused: boolean): PauseSettings {
  const site = siteOfHost(host);
  const sites = settings.sites.filter((s) => s !== site);
  return { ...settings, sites: paused ? [...sites, site] : sites };
}

/** The site a reader typed ("www.Example.com", "https://example.com/news"), or null if it is none. */
export function siteOfInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) || host === 'localhost' ? siteOfHost(host) : null;
  } catch {
    return null;
  }
}
