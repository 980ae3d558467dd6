/**
 * The content script: loads the module that reads and marks the page (entrypoints/content-main) and
 * starts it. See lib/page/content-main-contract.ts for why the work is not in this script itself.
 */
import { browser, defineContentScript } from '#imports';
import {
  CONTENT_MAIN_GLOBAL,
  CONTENT_MAIN_PATH,
  type ContentMain,
} from '../../lib/page/content-main-contract';
import { SPOTTER_MATCHES } from '../../lib/page/spotter-registration';

export default defineContentScript({
  matches: SPOTTER_MATCHES,
  runAt: 'document_idle',
  // Registered by the background, which leaves out the sites where ClaimLens is paused
  // (lib/page/spotter-registration.ts).
  registration: 'runtime',
  cssInjectionMode: 'manual',
  // WXT would also window.postMessage a "script started" note to the page, where its own message
  // listeners would receive it: the DOM event WXT sends as well is enough.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // An address of its own on each page: the browser then compiles the module as it streams in, off
    // the main thread, instead of reading a cached compile on the main thread (which it would do from
    // a site's third visit on, and which costs the page more).
    const url = `${browser.runtime.getURL(CONTENT_MAIN_PATH)}?page=${Math.random().toString(36).slice(2)}`;
    try {
      await import(/* @vite-ignore */ url);
    } catch (error) {
      if (!ctx.isValid) return; // the extension was reloaded or removed meanwhile: nothing to start
      throw error;
    }
    const start = (globalThis as Record<string, unknown>)[CONTENT_MAIN_GLOBAL] as ContentMain;
    await start(ctx);
  },
});
