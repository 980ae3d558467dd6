/**
 * The content script (entrypoints/spotter.content) is registered by the background at run time, not
 * declared in the manifest, so that where the reader paused ClaimLens the browser does not load it at
 * all: the registration leaves the paused sites out, and there is none while paused everywhere. The
 * background still answers "paused" to a page of a paused site that loaded the script anyway (a page
 * that opened while the registration was being changed, or a site no match pattern can name).
 */
import { isPaused, type PauseSettings } from '../pause-settings';

/** What the background registers, in the shape of `scripting.RegisteredContentScript`. */
export interface SpotterScript {
  id: string;
  js: string[];
  css: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_idle';
  allFrames: false;
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
/** The built content script and its style sheet (WXT's output names for entrypoints/spotter.content). */
export const SPOTTER_FILES = { js: ['content-scripts/spotter.js'], css: ['content-scripts/spotter.css'] };
export const SPOTTER_MATCHES = ['http://*/*', 'https://*/*'];

/** The registration for these pause settings; null while ClaimLens is paused everywhere. */
export function spotterScript(pause: PauseSettings, leaveOutSites = true): SpotterScript | null {
  if (pause.everywhere) return null;
  return {
    id: SPOTTER_SCRIPT_ID,
    ...SPOTTER_FILES,
    matches: SPOTTER_MATCHES,
    excludeMatches: leaveOutSites ? sitePatterns(pause.sites) : [],
    runAt: 'document_idle',
    allFrames: false,
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

/**
 * Brings the browser's registration in line with the pause settings. If the browser refuses the
 * paused sites' patterns, the script is registered for every site instead (the background's answer
 * still keeps those pages unread), so a bad pattern never leaves ClaimLens off everywhere.
 */
export async function registerSpotter(scripting: ScriptingPort, pause: PauseSettings): Promise<void> {
  const registered = await scripting.getRegisteredContentScripts({ ids: [SPOTTER_SCRIPT_ID] });
  const wanted = spotterScript(pause);
  if (!wanted) {
    if (registered.length > 0) await scripting.unregisterContentScripts({ ids: [SPOTTER_SCRIPT_ID] });
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
    same(registered.js, wanted.js) &&
    same(registered.css, wanted.css) &&
    same(registered.matches, wanted.matches) &&
    same(registered.excludeMatches, wanted.excludeMatches) &&
    registered.runAt === wanted.runAt &&
    (registered.allFrames ?? false) === wanted.allFrames
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
      /^https?:/.test(tab.url) &&
      isPaused(before, tab.url) &&
      !isPaused(after, tab.url),
  );
}
