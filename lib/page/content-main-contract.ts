/**
 * The content script the background registers is a small loader: it imports the module that does the
 * work (entrypoints/content-main) and hands it the script's context. A module imported from the
 * extension is compiled while it streams in, off the page's main thread, and its compile hint has all
 * of it compiled there at once; code in the registered script itself would be compiled on the main thread,
 * function by function, as the page is read.
 */
import type { ContentScriptContext } from '#imports';

/** The module's path in the extension; web-accessible, so that the content script may import it. */
export const CONTENT_MAIN_PATH = '/content-main.js';

/** The module registers its entry point here when it loads (the content script's own world). */
export const CONTENT_MAIN_GLOBAL = '__claimlensMain';

export type ContentMain = (ctx: ContentScriptContext) => Promise<void>;
