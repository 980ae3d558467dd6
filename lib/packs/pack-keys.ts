/** Extension-storage keys through which pack changes travel (tiny: the content script imports it). */

/** Written (with the time) by whatever changed the installed packs: the options page, an update. */
export const PACKS_CHANGED_KEY = 'claimlens:packs-changed';
/** Written by the background once the new matcher is ready: open pages read themselves again. */
export const PACKS_REVISION_KEY = 'claimlens:packs-revision';
