/**
 * The content script (entrypoints/spotter.content) is registered by the background at run time, not
 * declared in the manifest, so that where the reader paused ClaimLens the browser does not load it at
 * all: the registration leaves the paused sites out, and there is none while paused everywhere. The
 * background still answers "paused" to a page of a paused site that loaded the script anyway (a page
 * that opened while the registration was being changed, or a site no match pattern can name).
 *
 * The registration also tells a page, before it reads anything, whether the reader marks only the
 * article: a one-line script (entrypoints/article-scope) then runs before the content script.
 */
import type { DisplaySettings } from '../display-settings';
import { isPaused, type PauseSettings } from '../pause-settings';
import { isWebAddress } from '../safe-url';

/** What the background registers, in the shape of `scripting.RegisteredContentScript`. */
export interface SpotterScript {
  id: string;
  js: string[];
  css: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_idle' | 'document_start';
  /**
   * Frames are read too, each on its own (an embedded article, a live blog in an iframe): the
   * background keeps what each frame found, and the badge counts the tab. `matchOriginAsFallback`
   * takes in frames without an address of their own (srcdoc, about:blank), read as part of the page
   * that made them.
   */
  allFrames: true;
  matchOriginAsFallback: true;
  persistAcrossSessions: true;
}

/** The part of the `scripting` API the registration uses (a fake one in unit tests). */
export interface ScriptingPort {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Partial<SpotterScript>[]>;
  registerContentScripts(scripts: SpotterScript[]): Promise<unknown>;
  updateContentScripts(scripts: SpotterScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

export const SPOTTER_SCRIPT_ID = 'claimlens-spotter';
/**
 * The built content script (WXT's output name for entrypoints/spotter.content). No style sheet: the
 * marks' palette names highlights made anew on each page (lib/page/mark-layer.ts), so the page adds
 * it itself; an empty list also replaces an older registration that had one.
 */
export const SPOTTER_FILES = { js: ['content-scripts/spotter.js'], css: [] as string[] };
/** The one-line script that says "only the article" (entrypoints/article-scope), and what it sets. */
export const ARTICLE_SCOPE_FILE = 'article-scope.js';
export const ARTICLE_ONLY_GLOBAL = '__claimlensArticleOnly';
export const SPOTTER_MATCHES = ['http://*/*', 'https://*/*'];

/**
 * The gesture relay (entrypoints/event-relay, lib/page/event-relay.ts): registered for the same pages
 * as the content script, at document_start, so that its listeners come before the page's own.
 */
export const EVENT_RELAY_SCRIPT_ID = 'claimlens-event-relay';
export const EVENT_RELAY_FILE = 'event-relay.js';

/** The scripts a page runs, in order, for what the reader marks. */
export function spotterFiles(scope: DisplaySettings['scope']): string[] {
  return scope === 'article' ? [ARTICLE_SCOPE_FILE, ...SPOTTER_FILES.js] : [...SPOTTER_FILES.js];
}

/** The registration for these settings; null while ClaimLens is paused everywhere. */
export function spotterScript(
  pause: PauseSettings,
  scope: DisplaySettings['scope'] = 'page',
): SpotterScript | null {
  if (pause.everywhere) return null;
  return {
    id: SPOTTER_SCRIPT_ID,
    js: spotterFiles(scope),
    css: SPOTTER_FILES.css,
    matches: SPOTTER_MATCHES,
    excludeMatches: sitePatterns(pause.sites),
    runAt: 'document_idle',
    allFrames: true,
    matchOriginAsFallback: true,
    persistAcrossSessions: true,
  };
}

/**
 * Match patterns for paused sites, with and without `www.` (as `isPaused` reads them), any scheme
 * and port; an IP address has no `www.` form (Chromium refuses "www.127.0.0.1" as a host). A site no
 * pattern can name (an IPv6 address) is left to the background's answer: one invalid pattern would
 * make the browser refuse the whole registration.
 */
export function sitePatterns(sites: readonly string[]): string[] {
  return sites
    .filter((site) => /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(site))
    .flatMap((site) =>
      /^\d+(\.\d+){3}$/.test(site) ? [`*://${site}/*`] : [`*://${site}/*`, `*://www.${site}/*`],
    );
}

/** The relay's registration: the content script's pages, at document_start; null when that is none. */
export function eventRelayScript(pause: PauseSettings): SpotterScript | null {
  const spotter = spotterScript(pause);
  return (
    spotter && { ...spotter, id: EVENT_RELAY_SCRIPT_ID, js: [EVENT_RELAY_FILE], runAt: 'document_start' }
  );
}

/**
 * Brings the browser's registration in line with the settings: the content script and the gesture
 * relay that goes before it. If the browser refuses the paused sites' patterns, they are registered
 * for every site instead (the background's answer still keeps those pages from being marked), so a
 * bad pattern never leaves ClaimLens off everywhere.
 */
export async function registerSpotter(
  scripting: ScriptingPort,
  pause: PauseSettings,
  scope: DisplaySettings['scope'] = 'page',
): Promise<void> {
  await syncScript(scripting, EVENT_RELAY_SCRIPT_ID, eventRelayScript(pause));
  await syncScript(scripting, SPOTTER_SCRIPT_ID, spotterScript(pause, scope));
}

async function syncScript(scripting: ScriptingPort, id: string, wanted: SpotterScript | null): Promise<void> {
  const registered = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (!wanted) {
    if (registered.length > 0) await scripting.unregisterContentScripts({ ids: [id] });
    return;
  }
  // A worker starts many times a day: the registration is written only when it would change.
  if (registered[0] && sameScript(registered[0], wanted)) return;
  const put = (script: SpotterScript) =>
    registered.length > 0
      ? scripting.updateContentScripts([script])
      : scripting.registerContentScripts([script]);
  try {
    await put(wanted);
  } catch (error) {
    if (wanted.excludeMatches.length === 0) throw error;
    await put({ ...wanted, excludeMatches: [] });
  }
}

function sameScript(registered: Partial<SpotterScript>, wanted: SpotterScript): boolean {
  const same = (a: readonly string[] | undefined, b: readonly string[]) =>
    [...(a ?? [])].sort().join('\n') === [...b].sort().join('\n');
  return (
    (registered.js ?? []).join('\n') === wanted.js.join('\n') && // in order: the scope's script first
    same(registered.css, wanted.css) &&
    same(registered.matches, wanted.matches) &&
    same(registered.excludeMatches, wanted.excludeMatches) &&
    registered.runAt === wanted.runAt &&
    (registered.allFrames ?? false) === wanted.allFrames &&
    (registered.matchOriginAsFallback ?? false) === wanted.matchOriginAsFallback
  );
}

/**
 * Open pages that ClaimLens should start on now that the reader resumed it: those it was paused on
 * (no content script was loaded there) and is not any more.
 */
export function pagesToStart<T extends { url?: string }>(
  tabs: readonly T[],
  before: PauseSettings,
  after: PauseSettings,
): T[] {
  return tabs.filter(
    (tab) =>
      tab.url !== undefined &&
      isWebAddress(tab.url) &&
      isPaused(before, tab.url) &&
      !isPaused(after, tab.url),
  );
}
