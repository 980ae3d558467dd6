/**
 * Registered before the content script when the reader marks only the article (lib/page/
 * spotter-registration.ts): tells the page so before it reads anything, so that it reads the article
 * at once instead of the whole page first.
 */
import { defineUnlistedScript } from '#imports';
import { ARTICLE_ONLY_GLOBAL } from '../../lib/page/spotter-registration';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ARTICLE_ONLY_GLOBAL] = true;
});
